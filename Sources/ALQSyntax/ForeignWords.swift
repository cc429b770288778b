/// Words people bring from SQL, PRQL, Nushell and pandas, and what alq writes instead.
///
/// Diagnostics use these to answer `facts | head 5` with "use take" rather than a bare syntax error.
public enum ForeignWords {
    /// The alq stage for a stage name of another tool.
    public static let stages: [String: String] = [
        "head": "take", "limit": "take", "top": "take", "first": "take",
        "filter": "where", "filter_by": "where", "query": "where",
        "order": "sort", "order_by": "sort", "sort_by": "sort", "sort_values": "sort", "orderby": "sort",
        "groupby": "group", "group_by": "group",
        "aggregate": "agg", "summarize": "agg", "summarise": "agg",
        "uniq": "distinct", "unique": "distinct", "drop_duplicates": "distinct",
        "mutate": "derive", "assign": "derive", "insert": "derive", "with_columns": "derive",
        "project": "select", "get": "select", "columns": "select",
        "save": "export", "to": "export", "write": "export",
    ]

    /// An example of each alq stage, for hints.
    private static let examples: [String: String] = [
        "take": "| take 5", "where": "| where year == 2024", "sort": "| sort year desc",
        "group": "| group region | agg n = count()", "agg": "| agg total = sum(value)",
        "distinct": "| distinct region", "derive": "| derive share = value / total",
        "select": "| select region, value", "export": "| export csv to \"out.csv\"",
    ]

    /// A hint for an unknown stage `name`, followed by the word `next` if there is one.
    public static func stageHint(_ name: String, followedBy next: String?) -> String? {
        let lowered = name.lowercased()
        if lowered == "group" || lowered == "order" || lowered == "sort", next?.lowercased() == "by" {
            let stage = lowered == "group" ? "group" : "sort"
            return "alq writes '\(stage)' without 'by': \(examples[stage]!)"
        }
        guard let stage = stages[lowered] else { return nil }
        return "alq calls this stage '\(stage)': \(examples[stage]!)"
    }

    /// A hint for a function name that another tool uses for something alq does differently.
    public static func functionHint(_ name: String) -> String? {
        switch name.lowercased() {
        case "like", "ilike", "rlike", "regexp_like", "regexp_matches", "grepl", "str_detect", "re_match":
            "alq matches text with matches(s, regex), for example matches(name, \"Alumin(i)?um\")"
        case "iif", "ifelse", "if_else", "where_", "case", "when", "decode":
            "alq writes conditionals as: if condition then value else other"
        case "regexp_replace", "gsub", "sub", "re_sub":
            "alq replaces patterns with replace_regex(s, regex, replacement)"
        case "regexp_extract", "str_extract", "re_search":
            "alq extracts with extract(s, regex, group = 0)"
        case "power": "alq writes powers as pow(x, y)"
        case "log_e", "loge": "alq writes the natural logarithm as ln(x)"
        case "nvl", "ifnull", "isnull", "fillna": "alq writes coalesce(x, fallback), and is_null(x) to test"
        case "to_date", "strptime", "parse_date", "date_parse": "alq reads ISO 8601 dates with date(\"2025-09-23\")"
        case "now", "current_date", "curdate", "getdate": "today() is the current date"
        case "std", "stdev", "stddev_samp", "sd": "alq's sample standard deviation is stddev(list)"
        case "var", "var_samp": "alq's sample variance is variance(list)"
        case "quantile", "percentile_cont", "ntile": "alq writes percentile(list, p), with p from 0 to 100"
        case "length", "char_length", "nchar", "str_len": "alq writes len(s)"
        case "concat", "paste": "alq joins strings with + or join(list, separator)"
        default: nil
        }
    }

    /// A hint for a token found where an operator or the end of a statement was expected:
    /// `like`, `ilike`, `between`, `is`, SQL's `when`/`end`.
    public static func operatorHint(_ token: TokenKind) -> String? {
        guard case .identifier(let word) = token else {
            if token == .symbol(.equal) { return "compare with '=='" }
            return nil
        }
        switch word.lowercased() {
        case "like", "ilike", "rlike", "regexp", "similar", "glob":
            return "alq matches text with matches(s, regex), for example: where matches(name, \"Alumin(i)?um\")"
        case "between": return "write a range as: x >= low and x <= high"
        case "is": return "test for null with is_null(x), or compare with == null"
        case "when", "end": return "alq writes conditionals as: if condition then value else other"
        case "by": return "'group' and 'sort' take their columns directly: | group region, | sort year"
        case "as": return "name a column with '=': | select total = sum(value)"
        default: return nil
        }
    }
}
