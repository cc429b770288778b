/// Which number formats show a cell as a date: Excel keeps dates as numbers, and only the cell's
/// style tells them apart.
enum NumberFormat {
    /// Built-in formats that are dates or times: 14–22 (`m/d/yyyy`, `d-mmm-yy`, `h:mm`, …), 27–36 and
    /// 50–58 (East Asian dates such as `yyyy"年"m"月"d"日"`), 45–47 (`mm:ss`, `[h]:mm:ss`, `mm:ss.0`).
    static func isDate(builtIn id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Whether a format code shows a date or time: its first section has `y`, `m`, `d`, `h` or `s`
    /// outside quoted text, `\`-escaped characters and `[…]` (colours, locales, conditions).
    static func isDate(code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBrackets {
                if character == "]" { inBrackets = false }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": escaped = true
            case ";": return false
            case "y", "m", "d", "h", "s": return true
            default: continue
            }
        }
        return false
    }
}
