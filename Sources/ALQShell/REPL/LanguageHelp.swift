/// Help for the language's stages, statements and tables, with their examples from
/// docs/language.md. Functions are documented by the engine's catalog (`Builtins.catalog`).
///
/// The examples are copied from docs/language.md; `HelpCatalogTests` fails when one of them is no
/// longer in that file, so the two cannot drift apart.
enum LanguageHelp {
    /// One documented name.
    struct Entry: Sendable {
        enum Kind: String, Sendable {
            case stage, statement, table
        }

        var name: String
        var kind: Kind
        var usage: String
        var summary: String
        var example: String
    }

    static let entries: [Entry] = stages + statements + tables

    static let stages: [Entry] = [
        Entry(name: "where", kind: .stage, usage: "table | where CONDITION",
              summary: "Keeps the rows for which the condition is true; bare names are the row's columns.",
              example: #"facts | where region == "Guangxi" and year == 2024"#),
        Entry(name: "select", kind: .stage, usage: "table | select COLUMN, NAME = EXPRESSION, …",
              summary: "Keeps and orders columns, or computes new ones.",
              example: "t | select b, total = a + b, a * 10"),
        Entry(name: "derive", kind: .stage, usage: "table | derive NAME = EXPRESSION, …",
              summary: "Adds computed columns and keeps the others.",
              example: "t | derive total = a + b, share = a / total in %"),
        Entry(name: "sort", kind: .stage, usage: "table | sort KEY [asc|desc], …",
              summary: "Orders the rows by one or more keys, ascending unless desc.",
              example: "t | sort y desc, r"),
        Entry(name: "take", kind: .stage, usage: "table | take N",
              summary: "Keeps the first N rows.",
              example: "facts | take 3 | count"),
        Entry(name: "distinct", kind: .stage, usage: "table | distinct [COLUMN, …]",
              summary: "Drops repeated rows, or keeps one row per combination of the columns.",
              example: #"[{a: 1, b: "x"}, {a: 1, b: "y"}, {a: 2, b: "y"}] | distinct a"#),
        Entry(name: "group", kind: .stage, usage: "table | group KEY, … | agg NAME = AGGREGATE, …",
              summary: "Groups rows by keys; the agg stage after it computes one row per group.",
              example: "t | group r | agg n = count(), total = sum(v), top = max(v), share = max(v) / total"),
        Entry(name: "agg", kind: .stage, usage: "table | agg NAME = AGGREGATE, …",
              summary: "Aggregates the whole table (or each group after group) into one row.",
              example: "t | agg n = count(), mean = avg(v)"),
        Entry(name: "export", kind: .stage, usage: #"table | export [FORMAT] [to "PATH"]"#,
              summary: "Writes the table in a registered format to a file (atomically) or to the output.",
              example: #"facts | where region == "Guangyuan" | export csv to "guangyuan.csv""#),
    ]

    static let statements: [Entry] = [
        Entry(name: "let", kind: .statement, usage: "let NAME = EXPRESSION",
              summary: "Binds a name to a value for the rest of the session.",
              example: "let capacity = 615 kt"),
        Entry(name: "load", kind: .statement, usage: #"load "PATH""#,
              summary: "Registers a region pack (JSON) or an external plugin executable.",
              example: #"load "pack.json""#),
        Entry(name: "_", kind: .statement, usage: "_",
              summary: "The result of the last statement that produced one.",
              example: "_ | take 3"),
    ]

    static let tables: [Entry] = [
        Entry(name: "facts", kind: .table, usage: "facts",
              summary: "Every number of every region: region, metric, year, value, unit, kind, bound, source, …",
              example: #"facts | where region == "Guangxi" and year == 2024 and unit == "t" | count"#),
        Entry(name: "companies", kind: .table, usage: "companies",
              summary: "The companies the sources name, by region.",
              example: #"companies | where region == "Baise" | select name"#),
        Entry(name: "projects", kind: .table, usage: "projects", summary: "Projects the sources name.", example: "projects"),
        Entry(name: "people", kind: .table, usage: "people", summary: "People the sources name.", example: "people"),
        Entry(name: "events", kind: .table, usage: "events", summary: "Events the sources report.", example: "events"),
        Entry(name: "sources", kind: .table, usage: "sources",
              summary: "The source documents: file, date, language.", example: "sources"),
        Entry(name: "metrics", kind: .table, usage: "metrics",
              summary: "The metric ids and what they measure.", example: "metrics"),
        Entry(name: "regions", kind: .table, usage: "regions", summary: "The registered region modules.", example: "regions"),
        Entry(name: "formats", kind: .table, usage: "formats", summary: "The registered export formats.", example: "formats"),
        Entry(name: "modules", kind: .table, usage: "modules",
              summary: "Every registered module, region or format, with its version and origin.", example: "modules"),
    ]
}
