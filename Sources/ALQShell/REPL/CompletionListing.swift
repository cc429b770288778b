/// Lays out a list of completions in columns, as shells do, with CJK names two columns wide.
enum CompletionListing {
    /// The most candidates listed at once.
    static let limit = 120

    /// The candidates in columns that fit `width`, ending with a newline.
    static func layout(_ items: [String], width: Int) -> String {
        let shown = Array(items.prefix(limit))
        let widest = shown.map { DisplayWidth.of($0) }.max() ?? 0
        let cell = widest + 2
        let perRow = max(1, min(shown.count, max(1, width) / max(1, cell)))
        let rows = (shown.count + perRow - 1) / perRow
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<perRow {
                let index = column * rows + row
                guard index < shown.count else { break }
                let item = shown[index]
                let isLast = column == perRow - 1 || (column + 1) * rows + row >= shown.count
                line += isLast ? item : item + String(repeating: " ", count: cell - DisplayWidth.of(item))
            }
            text += line + "\n"
        }
        if items.count > shown.count {
            text += "… and \(items.count - shown.count) more\n"
        }
        return text
    }
}
