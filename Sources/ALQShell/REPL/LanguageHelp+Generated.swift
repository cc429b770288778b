// swift-format-ignore-file
// Generated from docs/language.md by HelpCatalogTests; do not edit.
// Regenerate with: ALQ_UPDATE_HELP=1 swift test --filter HelpCatalogTests

extension LanguageHelp {
    /// The stages, statements, tables and functions docs/language.md documents.
    static let generated: [Entry] = [
        Entry(
            name: "where", kind: .stage, usage: "where condition",
            summary: "where condition keeps the rows whose condition is true (null and false drop the row).",
            example: "let plants = [{plant: \"A\", site: \"North\", kt: 120}, {plant: \"B\", site: \"North\", kt: 80}]\nlet minimum = 100\nplants | where site == \"North\" and kt < minimum | select plant\n# => plant\n# => B"),
        Entry(
            name: "select", kind: .stage, usage: "select a, b, name = expr",
            summary: "select a, b, name = expr builds a table of the listed columns, in that order; derive name = expr, … adds or replaces columns and keeps the others.",
            example: "let t = [{a: 1, b: 2}, {a: 4, b: 5}]\nt | select b, total = a + b, a * 10\n# => b | total | a * 10\n# => 2 | 3 | 10\n# => 5 | 9 | 40"),
        Entry(
            name: "derive", kind: .stage, usage: "derive name = expr, …",
            summary: "select a, b, name = expr builds a table of the listed columns, in that order; derive name = expr, … adds or replaces columns and keeps the others.",
            example: "let t = [{a: 1, b: 2}, {a: 4, b: 5}]\nt | derive total = a + b, share = a / total in %\n# => a | b | total | share\n# => 1 | 2 | 3 | 33.33333333 %\n# => 4 | 5 | 9 | 44.44444444 %"),
        Entry(
            name: "sort", kind: .stage, usage: "sort key [asc|desc], …",
            summary: "sort key [asc|desc], … orders the rows by one or more keys (expressions), ascending unless desc.",
            example: "let t = [{r: \"B\", y: 2024}, {r: \"A\", y: 2025}, {r: \"C\", y: null}, {r: \"A\", y: 2023}]\nt | sort y desc, r\n# => r | y\n# => A | 2025\n# => B | 2024\n# => A | 2023\n# => C | null"),
        Entry(
            name: "take", kind: .stage, usage: "take n",
            summary: "take n keeps the first n rows; n is any expression giving a whole number ≥ 0 (else E0204).",
            example: "facts | take 3 | count\n# => 3"),
        Entry(
            name: "distinct", kind: .stage, usage: "distinct",
            summary: "distinct drops repeated rows, keeping the first of each; distinct a, b first keeps only those columns (or expressions, named as in select).",
            example: "[{a: 1, b: \"x\"}, {a: 1, b: \"y\"}, {a: 2, b: \"y\"}] | distinct a\n# => a\n# => 1\n# => 2"),
        Entry(
            name: "group", kind: .stage, usage: "group key, … | agg name = aggregate, …",
            summary: "group key, … | agg name = aggregate, … gives one row per distinct combination of keys, in order of first appearance, with the keys as columns followed by the aggregates.",
            example: "let t = [{r: \"B\", v: 1}, {r: \"A\", v: 2}, {r: \"B\", v: 3}, {r: \"A\", v: 4}]\nt | group r | agg n = count(), total = sum(v), top = max(v), share = max(v) / total\n# => r | n | total | top | share\n# => B | 2 | 4 | 3 | 0.75\n# => A | 2 | 6 | 4 | 0.6666666667"),
        Entry(
            name: "agg", kind: .stage, usage: "agg",
            summary: "group alone counts the rows of each group (a column count); agg alone summarises the whole table in one row.",
            example: "let t = [{r: \"B\", v: 1}, {r: \"A\", v: 2}, {r: \"B\", v: 3}, {r: \"A\", v: 4}]\nt | group r | agg n = count(), total = sum(v), top = max(v), share = max(v) / total\n# => r | n | total | top | share\n# => B | 2 | 4 | 3 | 0.75\n# => A | 2 | 6 | 4 | 0.6666666667"),
        Entry(
            name: "export", kind: .stage, usage: "export FORMAT [to PATH] [with fact_ids]",
            summary: "export FORMAT [to PATH] [with fact_ids] writes the table in a registered format (csv, csv-excel, json, ndjson, markdown, or one a plugin adds; see the formats table).",
            example: "facts | where region == \"Guangyuan\" | export csv to \"guangyuan.csv\"\nfacts | where region == \"Guangxi\" | export json to \"guangxi.json\" with fact_ids\n\"exported\"\n# => exported"),
        Entry(
            name: "join", kind: .stage, usage: "join [inner|left|full] TABLE on KEY, …",
            summary: "join [inner|left|full] TABLE on KEY, … puts the rows of two tables side by side where their keys are equal.",
            example: "let sites = [{plant: \"A\", site: \"N\"}, {plant: \"B\", site: \"S\"}, {plant: \"C\", site: \"X\"}]\nlet owners = [{site: \"S\", owner: \"Q\"}, {site: \"N\", owner: \"P\"}, {site: \"S\", owner: \"R\"}]\nsites | join left owners on site\n# => plant | site | owner\n# => A | N | P\n# => B | S | Q\n# => B | S | R\n# => C | X | null"),
        Entry(
            name: "rename", kind: .stage, usage: "rename NEW = OLD, …",
            summary: "rename NEW = OLD, … renames columns where they are (all at once, so rename a = b, b = a swaps two names); drop COL, … removes columns.",
            example: "let t = [{a: 1, b: 2, c: 3}]\nt | rename x = a | drop c\n# => x | b\n# => 1 | 2"),
        Entry(
            name: "drop", kind: .stage, usage: "drop COL, …",
            summary: "rename NEW = OLD, … renames columns where they are (all at once, so rename a = b, b = a swaps two names); drop COL, … removes columns.",
            example: "let t = [{a: 1, b: 2, c: 3}]\nt | rename x = a | drop c\n# => x | b\n# => 1 | 2"),
        Entry(
            name: "pivot", kind: .stage, usage: "pivot NAMES values VALUES",
            summary: "pivot NAMES values VALUES spreads a table: the column NAMES gives the new columns' names and VALUES their cells; all other columns are the row keys, one row per distinct combination in order of first appearance.",
            example: "facts | where metric == \"output_value\" and is_null(period) | select region, year, value | pivot year values value\n# => region | 2024 | 2025 | 2027\n# => Guangxi | 205 bn CNY | ≥ 240 bn CNY (expected) | null\n# => Guangyuan | 41.9 bn CNY | ≥ 50 bn CNY (expected) | ≥ 100 bn CNY (target)"),
        Entry(
            name: "unpivot", kind: .stage, usage: "unpivot COL, … into NAME, VALUE",
            summary: "unpivot COL, … into NAME, VALUE is the inverse: each listed column becomes a row per input row, with the column's name in NAME and its cell in VALUE, the other columns repeated.",
            example: "t | pivot y values v | unpivot `2024`, `2025` into y, v\n# => r | y | v\n# => A | 2024 | 1\n# => A | 2025 | 3\n# => B | 2025 | 5"),
        Entry(
            name: "describe", kind: .stage, usage: "describe",
            summary: "describe summarises a table, one row per column (as DuckDB's SUMMARIZE): column, type (integer, number, string, bool, quantity, a value type, or any for several), units (the base units of its quantities), count (values), nulls, distinct (distinct values), min, max (numbers, quantities of one dimension, strings, booleans) and mean (numbers and quantities of one dimension).",
            example: "[{name: \"A\", q: 1 Mt}, {name: \"B\", q: 500 kt}, {name: \"A\", q: null}] | describe\n# => column | type | units | count | nulls | distinct | min | max | mean\n# => name | string | null | 3 | 0 | 2 | A | B | null\n# => q | quantity | t | 2 | 1 | 2 | 500 kt | 1 Mt | 750 kt"),
        Entry(
            name: "chart", kind: .stage, usage: "chart bar X, Y",
            summary: "chart bar X, Y, chart line X, Y [by SERIES] and chart column X, Y [by SERIES] turn a table into a chart: a value that the prompt, -c and scripts draw in the terminal, and that export svg (or --format svg) writes as a standalone SVG file.",
            example: "Guangxi.output_value | chart bar year, value | select year, value, kind, bound, period\n# => year | value | kind | bound | period\n# => 2024 | 205 bn CNY | actual | exact | null\n# => 2025 | 133 bn CNY | actual | exact | Jan–Jul\n# => 2025 | 240 bn CNY | expected | at_least | null"),
        Entry(
            name: "let", kind: .statement, usage: "let name = pipeline",
            summary: "evaluates the right side and binds the name for the rest of the session, replacing any earlier binding (a variable may shadow a table or region name).",
            example: "let x = 5\nlet x = x * 2\nx + 1\n# => 11"),
        Entry(
            name: "fn", kind: .statement, usage: "fn name(a, b = default) = expression",
            summary: "defines a function for the rest of the session (see [User-defined functions](#user-defined-functions)).",
            example: ""),
        Entry(
            name: "load", kind: .statement, usage: "load expression",
            summary: "registers a region pack (a JSON file) or an external plugin at run time; the expression must give a path string.",
            example: ""),
        Entry(
            name: "facts", kind: .table, usage: "facts",
            summary: "One row per number stated in a source; columns: id, region, metric, year, period, value, unit, kind, bound, scope, subject, source, and where given base_year, as_of, note.",
            example: "facts | where region == \"Guangxi\" and year == 2024 and unit == \"t\" | select metric, value, unit\n# => metric | value | unit\n# => alumina_output | 14.543 Mt | t\n# => electrolytic_aluminium_output | 2.932 Mt | t\n# => aluminium_materials_output | 4.304 Mt | t"),
        Entry(
            name: "companies", kind: .table, usage: "companies",
            summary: "One row per company; columns: id, region, name, description, tags, customers, export_destinations, note, source.",
            example: "companies | where region == \"Baise\" | select name\n# => name\n# => Chinalco Guangxi Branch\n# => Geely Baimin Group Co., Ltd.\n# => Guangxi Huayin Aluminum Co., Ltd.\n# => Guangxi Xinfa Aluminum Power Co., Ltd.\n# => Jingxi Tiangui Aluminum Co., Ltd.\n# => Guangxi Ping Aluminum Group Co., Ltd.\n# => Guangxi Baise Electric Power Co., Ltd."),
        Entry(
            name: "projects", kind: .table, usage: "projects",
            summary: "One row per project; columns: id, region, name, description, status, source.",
            example: "projects | where region == \"Chongqing\" | count\n# => 7"),
        Entry(
            name: "people", kind: .table, usage: "people",
            summary: "One row per person; columns: id, region, name, office, organization, source.",
            example: "people | where region == \"Baise\" | select name, office\n# => name | office\n# => Ge Guoke | Mayor of Baise\n# => Peng Bin | Vice Mayor of Baise\n# => Zhou Min | Captain of the Guangxi Industrial Revitalization Task Force in Baise City\n# => Tao Guoming | Member of the municipal government party group"),
        Entry(
            name: "events", kind: .table, usage: "events",
            summary: "One row per event; columns: id, region, name, date, kind, description, source.",
            example: "events | count\n# => 7"),
        Entry(
            name: "sources", kind: .table, usage: "sources",
            summary: "One row per source document; columns: id, region, file, title, date, date_note, language, translated.",
            example: "sources | select id, language\n# => id | language\n# => 000 | en\n# => 001 | id\n# => 004 | te\n# => 002 | en\n# => 003 | en"),
        Entry(
            name: "metrics", kind: .table, usage: "metrics",
            summary: "One row per metric; columns: id, description, unit.",
            example: "metrics | where id == \"alumina_output\" | select id, unit\n# => id | unit\n# => alumina_output | t"),
        Entry(
            name: "regions", kind: .table, usage: "regions",
            summary: "One row per registered region module; columns: name, chinese, pinyin, level, parent, summary, origin.",
            example: "regions | select name, chinese, level, parent\n# => name | chinese | level | parent\n# => Guangxi | 广西 | autonomous region | null\n# => Guangyuan | 广元 | prefecture-level city | Sichuan\n# => Chongqing | 重庆 | municipality | null\n# => Baise | 百色 | prefecture-level city | Guangxi"),
        Entry(
            name: "formats", kind: .table, usage: "formats",
            summary: "One row per registered format (built in or from a plugin); columns: name, extensions, media_type, read (whether open() reads it), write (whether export writes it), version, origin.",
            example: "formats | select name, read, write, media_type\n# => name | read | write | media_type\n# => csv | true | true | text/csv\n# => csv-excel | true | true | text/csv\n# => tsv | true | true | text/csv\n# => json | true | true | application/json\n# => ndjson | true | true | application/x-ndjson\n# => markdown | false | true | text/markdown\n# => svg | false | true | image/svg+xml"),
        Entry(
            name: "modules", kind: .table, usage: "modules",
            summary: "One row per registered module of either kind; columns: name, kind, version, origin.",
            example: "modules | where kind == \"format\" | select name\n# => name\n# => csv\n# => csv-excel\n# => tsv\n# => json\n# => ndjson\n# => markdown\n# => svg"),
        Entry(
            name: "abs", kind: .function, usage: "abs(x)",
            summary: "The absolute value of a number or quantity.",
            example: "[abs(-3.5), round(3.14159, 2), round(2.5), floor(2.7), ceil(2.1), sqrt(16), pow(2, 10), mod(17, 5)]\n# => [3.5, 3.14, 3, 2, 3, 4, 1024, 2]"),
        Entry(
            name: "round", kind: .function, usage: "round(x, digits = 0)",
            summary: "Rounds to a number of decimal places (0 to 15) of the unit the value is shown in; halves round away from zero.",
            example: "round(14.543 Mt, 1)\n# => 14.5 Mt"),
        Entry(
            name: "floor", kind: .function, usage: "floor(x)",
            summary: "The largest whole number not above x.",
            example: "[abs(-3.5), round(3.14159, 2), round(2.5), floor(2.7), ceil(2.1), sqrt(16), pow(2, 10), mod(17, 5)]\n# => [3.5, 3.14, 3, 2, 3, 4, 1024, 2]"),
        Entry(
            name: "ceil", kind: .function, usage: "ceil(x)",
            summary: "The smallest whole number not below x.",
            example: "[abs(-3.5), round(3.14159, 2), round(2.5), floor(2.7), ceil(2.1), sqrt(16), pow(2, 10), mod(17, 5)]\n# => [3.5, 3.14, 3, 2, 3, 4, 1024, 2]"),
        Entry(
            name: "sqrt", kind: .function, usage: "sqrt(x)",
            summary: "The square root of a number (a negative one is E0204); of a quantity only where its unit is a square (none of alq's base units is: E0202).",
            example: "[abs(-3.5), round(3.14159, 2), round(2.5), floor(2.7), ceil(2.1), sqrt(16), pow(2, 10), mod(17, 5)]\n# => [3.5, 3.14, 3, 2, 3, 4, 1024, 2]"),
        Entry(
            name: "pow", kind: .function, usage: "pow(x, y)",
            summary: "x raised to the power y; a fractional y gives roots (pow(8, 1 / 3) is 2). A negative x with a fractional y is E0204; a result too large is E0305, one too small the tiny number or 0.",
            example: "[abs(-3.5), round(3.14159, 2), round(2.5), floor(2.7), ceil(2.1), sqrt(16), pow(2, 10), mod(17, 5)]\n# => [3.5, 3.14, 3, 2, 3, 4, 1024, 2]"),
        Entry(
            name: "exp", kind: .function, usage: "exp(x)",
            summary: "e raised to the power x.",
            example: "[exp(1), ln(exp(2)), log10(1000), log(8, 2)]\n# => [2.718281828, 2, 3, 3]"),
        Entry(
            name: "ln", kind: .function, usage: "ln(x)",
            summary: "The natural logarithm of a positive number (0 or less is E0204).",
            example: "[exp(1), ln(exp(2)), log10(1000), log(8, 2)]\n# => [2.718281828, 2, 3, 3]"),
        Entry(
            name: "log10", kind: .function, usage: "log10(x)",
            summary: "The base-10 logarithm of a positive number.",
            example: "[exp(1), ln(exp(2)), log10(1000), log(8, 2)]\n# => [2.718281828, 2, 3, 3]"),
        Entry(
            name: "log", kind: .function, usage: "log(x, base)",
            summary: "The logarithm of a positive number to a positive base other than 1.",
            example: "[exp(1), ln(exp(2)), log10(1000), log(8, 2)]\n# => [2.718281828, 2, 3, 3]"),
        Entry(
            name: "cagr", kind: .function, usage: "cagr(start, end, years)",
            summary: "The compound annual growth rate from start to end over years, as a percentage: (end / start)^(1 / years) − 1.",
            example: "let needed = cagr(Guangyuan.output_value[2024], Guangyuan.output_value[2027], 3)\nround(needed, 1)\n# => ≥ 33.6 % (target)"),
        Entry(
            name: "mod", kind: .function, usage: "mod(x, y)",
            summary: "The remainder of x divided by y, with the sign of x.",
            example: "[abs(-3.5), round(3.14159, 2), round(2.5), floor(2.7), ceil(2.1), sqrt(16), pow(2, 10), mod(17, 5)]\n# => [3.5, 3.14, 3, 2, 3, 4, 1024, 2]"),
        Entry(
            name: "growth", kind: .function, usage: "growth(new, old)",
            summary: "The change from old to new as a percentage.",
            example: "growth(205 bn CNY, 100 bn CNY)\n# => 105 %"),
        Entry(
            name: "len", kind: .function, usage: "len(x)",
            summary: "The length of a string (in characters), list or record, or the rows of a table.",
            example: "[len(\"百色\"), lower(\"Guangxi\"), upper(\"cny\"), trim(\"  Baise \")]\n# => [2, \"guangxi\", \"CNY\", \"Baise\"]"),
        Entry(
            name: "lower", kind: .function, usage: "lower(s)",
            summary: "The string in lower case.",
            example: "[len(\"百色\"), lower(\"Guangxi\"), upper(\"cny\"), trim(\"  Baise \")]\n# => [2, \"guangxi\", \"CNY\", \"Baise\"]"),
        Entry(
            name: "upper", kind: .function, usage: "upper(s)",
            summary: "The string in upper case.",
            example: "[len(\"百色\"), lower(\"Guangxi\"), upper(\"cny\"), trim(\"  Baise \")]\n# => [2, \"guangxi\", \"CNY\", \"Baise\"]"),
        Entry(
            name: "trim", kind: .function, usage: "trim(s)",
            summary: "The string without leading and trailing white space.",
            example: "[len(\"百色\"), lower(\"Guangxi\"), upper(\"cny\"), trim(\"  Baise \")]\n# => [2, \"guangxi\", \"CNY\", \"Baise\"]"),
        Entry(
            name: "contains", kind: .function, usage: "contains(s, part)",
            summary: "Whether a string contains a part, or a list an element.",
            example: "[contains(\"aluminium\", \"lum\"), starts_with(\"Guangyuan\", \"Guang\"), ends_with(\"report.alq\", \".alq\")]\n# => [true, true, true]"),
        Entry(
            name: "starts_with", kind: .function, usage: "starts_with(s, prefix)",
            summary: "Whether a string starts with a prefix.",
            example: "[contains(\"aluminium\", \"lum\"), starts_with(\"Guangyuan\", \"Guang\"), ends_with(\"report.alq\", \".alq\")]\n# => [true, true, true]"),
        Entry(
            name: "ends_with", kind: .function, usage: "ends_with(s, suffix)",
            summary: "Whether a string ends with a suffix.",
            example: "[contains(\"aluminium\", \"lum\"), starts_with(\"Guangyuan\", \"Guang\"), ends_with(\"report.alq\", \".alq\")]\n# => [true, true, true]"),
        Entry(
            name: "replace", kind: .function, usage: "replace(s, old, new)",
            summary: "The string with every occurrence of old replaced by new.",
            example: "replace(\"a-b-c\", \"-\", \"/\")\n# => a/b/c"),
        Entry(
            name: "split", kind: .function, usage: "split(s, separator)",
            summary: "The parts of a string between separators.",
            example: "split(\"a,b,c\", \",\")\n# => [\"a\", \"b\", \"c\"]"),
        Entry(
            name: "join", kind: .function, usage: "join(list, separator)",
            summary: "The elements of a list joined into one string.",
            example: "join([\"Guangxi\", \"Baise\"], \" / \")\n# => Guangxi / Baise"),
        Entry(
            name: "substr", kind: .function, usage: "substr(s, start, length = rest)",
            summary: "Part of a string, counting characters from 0.",
            example: "substr(\"广西壮族自治区\", 2, 2)\n# => 壮族"),
        Entry(
            name: "sum", kind: .function, usage: "sum(list)",
            summary: "The sum of a list (nulls skipped); in agg, of a column per group.",
            example: "[sum([1, 2, 3]), avg([2, 4]), min(3, 1, 2), max([1 Mt, 615 kt]), count([1, null, 3])]\n# => [6, 3, 1, 1 Mt, 2]"),
        Entry(
            name: "avg", kind: .function, usage: "avg(list)",
            summary: "The mean of a list (nulls skipped); in agg, of a column per group.",
            example: "[sum([1, 2, 3]), avg([2, 4]), min(3, 1, 2), max([1 Mt, 615 kt]), count([1, null, 3])]\n# => [6, 3, 1, 1 Mt, 2]"),
        Entry(
            name: "min", kind: .function, usage: "min(list)",
            summary: "The smallest of a list, or of its arguments; in agg, per group.",
            example: "[sum([1, 2, 3]), avg([2, 4]), min(3, 1, 2), max([1 Mt, 615 kt]), count([1, null, 3])]\n# => [6, 3, 1, 1 Mt, 2]"),
        Entry(
            name: "max", kind: .function, usage: "max(list)",
            summary: "The largest of a list, or of its arguments; in agg, per group.",
            example: "[sum([1, 2, 3]), avg([2, 4]), min(3, 1, 2), max([1 Mt, 615 kt]), count([1, null, 3])]\n# => [6, 3, 1, 1 Mt, 2]"),
        Entry(
            name: "count", kind: .function, usage: "count(list)",
            summary: "The number of non-null elements of a list, or rows of a table; count() in agg counts rows.",
            example: "[sum([1, 2, 3]), avg([2, 4]), min(3, 1, 2), max([1 Mt, 615 kt]), count([1, null, 3])]\n# => [6, 3, 1, 1 Mt, 2]"),
        Entry(
            name: "first", kind: .function, usage: "first(list)",
            summary: "The first element of a list, or row of a table; in agg, per group.",
            example: "[first([5, 6]), last([5, 6]), count_distinct([1, 1, 2]), median([3, 1, 2, 4])]\n# => [5, 6, 2, 2.5]"),
        Entry(
            name: "last", kind: .function, usage: "last(list)",
            summary: "The last element of a list, or row of a table; in agg, per group.",
            example: "[first([5, 6]), last([5, 6]), count_distinct([1, 1, 2]), median([3, 1, 2, 4])]\n# => [5, 6, 2, 2.5]"),
        Entry(
            name: "count_distinct", kind: .function, usage: "count_distinct(list)",
            summary: "The number of distinct non-null elements; in agg, per group.",
            example: "[first([5, 6]), last([5, 6]), count_distinct([1, 1, 2]), median([3, 1, 2, 4])]\n# => [5, 6, 2, 2.5]"),
        Entry(
            name: "median", kind: .function, usage: "median(list)",
            summary: "The middle value of a list (the mean of the two middle ones for an even count); in agg, per group.",
            example: "[first([5, 6]), last([5, 6]), count_distinct([1, 1, 2]), median([3, 1, 2, 4])]\n# => [5, 6, 2, 2.5]"),
        Entry(
            name: "spark", kind: .function, usage: "spark(list)",
            summary: "A one-line chart of a list of numbers (▁ smallest to █ largest, a space for null); in agg, per group.",
            example: "spark([3, 1, 4, 1, 5, 9, 2, 6])\n# => ▃▁▄▁▅█▂▅"),
        Entry(
            name: "range", kind: .function, usage: "range(start, end)",
            summary: "The whole numbers from start up to, not including, end (range(n) starts at 0).",
            example: "range(1, 4)\n# => [1, 2, 3]"),
        Entry(
            name: "keys", kind: .function, usage: "keys(record)",
            summary: "The field names of a record, or the column names of a table.",
            example: "keys({a: 1, b: 2})\n# => [\"a\", \"b\"]"),
        Entry(
            name: "columns", kind: .function, usage: "columns(table)",
            summary: "The columns of a table with their types.",
            example: "columns(open(\"Examples/data/capacity.csv\")) | take 4\n# => column | type\n# => region | string\n# => metric | string\n# => year | integer\n# => value | integer"),
        Entry(
            name: "reverse", kind: .function, usage: "reverse(x)",
            summary: "A list or string in reverse order, or a table's rows.",
            example: "reverse([1, 2, 3])\n# => [3, 2, 1]"),
        Entry(
            name: "stddev", kind: .function, usage: "stddev(list)",
            summary: "The sample standard deviation (n − 1) of a list; in agg, per group.",
            example: "[stddev([2, 4, 4, 4, 5, 5, 7, 9]), variance([1, 2, 3, 4]), percentile([1, 2, 3, 4, 5], 90)]\n# => [2.138089935, 1.666666667, 4.6]"),
        Entry(
            name: "variance", kind: .function, usage: "variance(list)",
            summary: "The sample variance (n − 1) of a list of numbers; in agg, per group.",
            example: "[stddev([2, 4, 4, 4, 5, 5, 7, 9]), variance([1, 2, 3, 4]), percentile([1, 2, 3, 4, 5], 90)]\n# => [2.138089935, 1.666666667, 4.6]"),
        Entry(
            name: "percentile", kind: .function, usage: "percentile(list, p)",
            summary: "The p-th percentile (p from 0 to 100, or a percentage) of a list, interpolated linearly between ranks; in agg, percentile(column, p) per group.",
            example: "[stddev([2, 4, 4, 4, 5, 5, 7, 9]), variance([1, 2, 3, 4]), percentile([1, 2, 3, 4, 5], 90)]\n# => [2.138089935, 1.666666667, 4.6]"),
        Entry(
            name: "type", kind: .function, usage: "type(x)",
            summary: "The type of a value: null, bool, number, string, quantity, list, record, table, module.",
            example: "type(facts | where unit == \"t\" | chart column region, value)\n# => chart"),
        Entry(
            name: "number", kind: .function, usage: "number(x)",
            summary: "A string read as a number (commas and underscores ignored), a quantity's value in its base unit (a percentage as its ratio: number(20 %) is 0.2), a bool as 1 or 0. The number keeps the quantity's sources, kind and bound.",
            example: "[number(\"41.9\"), number(\"1,234.5\"), number(205 bn CNY), number(20 %)]\n# => [41.9, 1234.5, 205000000000, 0.2]"),
        Entry(
            name: "string", kind: .function, usage: "string(x)",
            summary: "A value as text, the way alq shows it.",
            example: "string(205 bn CNY) + \"!\"\n# => 205 bn CNY!"),
        Entry(
            name: "unit", kind: .function, usage: "unit(q)",
            summary: "The base unit of a quantity (CNY, t, %, count, rank, x), or null for a plain number.",
            example: "[unit(14.543 Mt), unit(5)]\n# => [\"t\", null]"),
        Entry(
            name: "quantity", kind: .function, usage: "quantity(value, unit)",
            summary: "A quantity from a number in the base unit of a unit name (\"CNY\", \"t\", \"CNY/t\"), as in an exported facts row; it keeps the number's sources, and a quantity already in that unit is returned as it is.",
            example: "quantity(14543000, \"t\")\n# => 14.543 Mt"),
        Entry(
            name: "is_null", kind: .function, usage: "is_null(x)",
            summary: "Whether a value is null.",
            example: "[is_null(null), coalesce(null, 2024)]\n# => [true, 2024]"),
        Entry(
            name: "coalesce", kind: .function, usage: "coalesce(a, b, …)",
            summary: "The first argument that is not null.",
            example: "[is_null(null), coalesce(null, 2024)]\n# => [true, 2024]"),
        Entry(
            name: "matches", kind: .function, usage: "matches(s, regex)",
            summary: "Whether a regular expression matches anywhere in a string (false for null).",
            example: "matches(\"Guangxi Huayin Aluminum Co., Ltd.\", \"Alumin(i)?um\")\n# => true"),
        Entry(
            name: "extract", kind: .function, usage: "extract(s, regex, group = 0)",
            summary: "The first match, or one of its groups by number or name; null when nothing matches.",
            example: "[extract(\"capacity 2.2 Mt in 2024\", r\"\\d{4}\"), extract(\"2.2 Mt\", r\"(\\d+)\\.(\\d+)\", group = 2)]\n# => [\"2024\", \"2\"]"),
        Entry(
            name: "replace_regex", kind: .function, usage: "replace_regex(s, regex, replacement)",
            summary: "The string with every match replaced; $1 or ${name} in the replacement insert a group, $$ a dollar sign.",
            example: "replace_regex(\"2025-09-23\", r\"(\\d+)-(\\d+)-(\\d+)\", \"$3/$2/$1\")\n# => 23/09/2025"),
        Entry(
            name: "equals_ignore_case", kind: .function, usage: "equals_ignore_case(a, b)",
            summary: "Whether two strings are equal when upper and lower case are not told apart.",
            example: "equals_ignore_case(\"GUANGXI\", \"Guangxi\")\n# => true"),
        Entry(
            name: "date", kind: .function, usage: "date(text)",
            summary: "A date from ISO 8601 text (2025-09-23, 2025-09, 2025, --07-30), or from date(year, month, day).",
            example: "date(\"2025-09-23\").year\n# => 2025"),
        Entry(
            name: "today", kind: .function, usage: "today()",
            summary: "The current date (local time).",
            example: ""),
        Entry(
            name: "open", kind: .function, usage: "open(path, format = null, delimiter = null, header = true, sheet = null, options = null)",
            summary: "A CSV, TSV or JSON file, a file a plugin reads (or standard input, \"-\") as a table, with column types inferred.",
            example: "let plants = open(\"Examples/data/synthetic-plants.csv\")\nopen(\"Examples/data/guangxi-2024.json\") | where unit == \"rank\" | sort value | select metric, value\n# => metric | value\n# => alumina_output_rank | 3\n# => aluminium_materials_output_rank | 4\n# => electrolytic_aluminium_output_rank | 6"),
        Entry(
            name: "env", kind: .function, usage: "env(name)",
            summary: "An environment variable's value as a string, or null when it is not set.",
            example: ""),
        Entry(
            name: "source", kind: .function, usage: "source(x)",
            summary: "The quotes, files, dates and languages behind a value from the dataset.",
            example: "let needed = cagr(Guangyuan.output_value[2024], Guangyuan.output_value[2027], 3)\nsource(needed) | distinct fact | select fact\n# => fact\n# => guangyuan.output_value.2024.actual\n# => guangyuan.output_value.2027.target"),
        Entry(
            name: "with_fact_ids", kind: .function, usage: "with_fact_ids(t)",
            summary: "The table with a column fact_ids: a list of the ids of the facts behind each row (export … with fact_ids writes it).",
            example: "with_fact_ids(Guangxi.output_value) | select year, fact_ids\n# => year | fact_ids\n# => 2024 | [\"guangxi.output_value.2024.actual\"]\n# => 2025 | [\"guangxi.output_value.2025.jan_jul.actual\"]\n# => 2025 | [\"guangxi.output_value.2025.expected\"]"),
        Entry(
            name: "region", kind: .function, usage: "region(name)",
            summary: "A region module by any of its names.",
            example: "region(\"百色\").level\n# => prefecture-level city"),
        Entry(
            name: "|", kind: .operator, usage: "|",
            summary: "pipeline: feed the value on the left to the stage on the right (precedence 1 of 10, left).",
            example: ""),
        Entry(
            name: "or", kind: .operator, usage: "or",
            summary: "logical or, short-circuit (precedence 2 of 10, left).",
            example: "not true or true\n# => true"),
        Entry(
            name: "and", kind: .operator, usage: "and",
            summary: "logical and, short-circuit (precedence 3 of 10, left).",
            example: "1 + 1 == 2 and 2 * 2 == 4\n# => true"),
        Entry(
            name: "not", kind: .operator, usage: "not",
            summary: "logical not (precedence 4 of 10, prefix).",
            example: "not true or true\n# => true"),
        Entry(
            name: "==", kind: .operator, usage: "==",
            summary: "comparison; a < b < c is E0010 (precedence 5 of 10, none).",
            example: "1 + 1 == 2 and 2 * 2 == 4\n# => true"),
        Entry(
            name: "!=", kind: .operator, usage: "!=",
            summary: "comparison; a < b < c is E0010 (precedence 5 of 10, none).",
            example: ""),
        Entry(
            name: "<>", kind: .operator, usage: "<>",
            summary: "comparison; a < b < c is E0010 (precedence 5 of 10, none).",
            example: ""),
        Entry(
            name: "<", kind: .operator, usage: "<",
            summary: "comparison; a < b < c is E0010 (precedence 5 of 10, none).",
            example: "\"B\" < \"a\"\n# => true"),
        Entry(
            name: "<=", kind: .operator, usage: "<=",
            summary: "comparison; a < b < c is E0010 (precedence 5 of 10, none).",
            example: ""),
        Entry(
            name: ">", kind: .operator, usage: ">",
            summary: "comparison; a < b < c is E0010 (precedence 5 of 10, none).",
            example: ""),
        Entry(
            name: ">=", kind: .operator, usage: ">=",
            summary: "comparison; a < b < c is E0010 (precedence 5 of 10, none).",
            example: ""),
        Entry(
            name: "in", kind: .operator, usage: "in",
            summary: "unit conversion (x in kt) or membership (x in list) (precedence 6 of 10, left).",
            example: "1 Mt + 500 kt in kt\n# => 1,500 kt"),
        Entry(
            name: "+", kind: .operator, usage: "+",
            summary: "addition (numbers, quantities, string and list concatenation), subtraction (precedence 7 of 10, left).",
            example: "2 + 3 * 4\n# => 14"),
        Entry(
            name: "-", kind: .operator, usage: "-",
            summary: "addition (numbers, quantities, string and list concatenation), subtraction (precedence 7 of 10, left).",
            example: "-2 * -3\n# => 6"),
        Entry(
            name: "*", kind: .operator, usage: "*",
            summary: "multiplication, division (precedence 8 of 10, left).",
            example: "2 + 3 * 4\n# => 14"),
        Entry(
            name: "/", kind: .operator, usage: "/",
            summary: "multiplication, division (precedence 8 of 10, left).",
            example: "false and 1 / 0 == 1\n# => false"),
        Entry(
            name: ".name", kind: .operator, usage: ".name",
            summary: "member access, indexing, call (precedence 10 of 10, left).",
            example: ""),
        Entry(
            name: "[index]", kind: .operator, usage: "[index]",
            summary: "member access, indexing, call (precedence 10 of 10, left).",
            example: ""),
        Entry(
            name: "f(…)", kind: .operator, usage: "f(…)",
            summary: "member access, indexing, call (precedence 10 of 10, left).",
            example: ""),
        Entry(
            name: "CNY", kind: .unit, usage: "CNY",
            summary: "CNY is the base unit of money; quantities in it convert with in (x in CNY).",
            example: "1234567 CNY\n# => 1.234567 M CNY"),
        Entry(
            name: "yuan", kind: .unit, usage: "yuan",
            summary: "yuan is a unit of money (same as CNY); quantities in it convert with in (x in CNY).",
            example: "2 billion yuan\n# => 2 bn CNY"),
        Entry(
            name: "元", kind: .unit, usage: "元",
            summary: "元 is a unit of money (same as CNY); quantities in it convert with in (x in CNY).",
            example: ""),
        Entry(
            name: "t", kind: .unit, usage: "t",
            summary: "t is the base unit of mass; quantities in it convert with in (x in t).",
            example: "3 million t\n# => 3 Mt"),
        Entry(
            name: "tons", kind: .unit, usage: "tons",
            summary: "tons is a unit of mass (same as t); quantities in it convert with in (x in t).",
            example: ""),
        Entry(
            name: "tonnes", kind: .unit, usage: "tonnes",
            summary: "tonnes is a unit of mass (same as t); quantities in it convert with in (x in t).",
            example: ""),
        Entry(
            name: "kg", kind: .unit, usage: "kg",
            summary: "kg is a unit of mass (10^-3 t); quantities in it convert with in (x in t).",
            example: ""),
        Entry(
            name: "kt", kind: .unit, usage: "kt",
            summary: "kt is a unit of mass (10^3 t); quantities in it convert with in (x in t).",
            example: "615 kt / 1 year\n# => 615 kt/a"),
        Entry(
            name: "Mt", kind: .unit, usage: "Mt",
            summary: "Mt is a unit of mass (10^6 t); quantities in it convert with in (x in t).",
            example: "14.543 Mt\n# => 14.543 Mt"),
        Entry(
            name: "kWh", kind: .unit, usage: "kWh",
            summary: "kWh is the base unit of energy; quantities in it convert with in (x in kWh).",
            example: ""),
        Entry(
            name: "MWh", kind: .unit, usage: "MWh",
            summary: "MWh is a unit of energy (10^3 kWh); quantities in it convert with in (x in kWh).",
            example: ""),
        Entry(
            name: "GWh", kind: .unit, usage: "GWh",
            summary: "GWh is a unit of energy (10^6 kWh); quantities in it convert with in (x in kWh).",
            example: ""),
        Entry(
            name: "TWh", kind: .unit, usage: "TWh",
            summary: "TWh is a unit of energy (10^9 kWh); quantities in it convert with in (x in kWh).",
            example: ""),
        Entry(
            name: "a", kind: .unit, usage: "a",
            summary: "a is the base unit of time; quantities in it convert with in (x in a).",
            example: "12000000000 CNY / 1 a\n# => 12 bn CNY/a"),
        Entry(
            name: "year", kind: .unit, usage: "year",
            summary: "year is a unit of time (same as a); quantities in it convert with in (x in a).",
            example: "615 kt / 1 year\n# => 615 kt/a"),
        Entry(
            name: "years", kind: .unit, usage: "years",
            summary: "years is a unit of time (same as a); quantities in it convert with in (x in a).",
            example: ""),
        Entry(
            name: "%", kind: .unit, usage: "%",
            summary: "% is the base unit of percentage; quantities in it convert with in (x in %).",
            example: ""),
        Entry(
            name: "pp", kind: .unit, usage: "pp",
            summary: "pp is the base unit of percentage points; quantities in it convert with in (x in pp).",
            example: ""),
        Entry(
            name: "count", kind: .unit, usage: "count",
            summary: "count is the base unit of count; quantities in it convert with in (x in count).",
            example: ""),
        Entry(
            name: "rank", kind: .unit, usage: "rank",
            summary: "rank is the base unit of rank; quantities in it convert with in (x in rank).",
            example: ""),
        Entry(
            name: "x", kind: .unit, usage: "x",
            summary: "x is the base unit of multiple; quantities in it convert with in (x in x).",
            example: ""),
    ]
}
