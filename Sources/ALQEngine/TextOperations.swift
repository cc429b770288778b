/// String operations that walk characters forwards only.
///
/// Stepping backwards over a character is not constant time in Swift: before a run of regional
/// indicators (flag emoji) it rescans the run to find pairs, so `reversed()` and backwards `drop` take
/// quadratic time on a string of flags. These walk forwards and slice.
enum TextOperations {
    /// The characters in reverse order.
    static func reversed(_ text: String) -> String {
        String(Array(text).reversed())
    }

    /// The text without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        var start: String.Index?
        var end = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if !text[index].isWhitespace {
                if start == nil { start = index }
                end = next
            }
            index = next
        }
        guard let start else { return "" }
        return String(text[start..<end])
    }
}
