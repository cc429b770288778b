import ALQSyntax

/// Position markers in test sources, in the style of swift-syntax's tests: `1️⃣` … `9️⃣` mark
/// places in a source string; ``extractMarkers(_:)`` removes them and returns the UTF-8 offset of each
/// in the cleaned text.
public enum Markers {
    public static let all = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The source without markers, and the byte offset where each marker stood.
    public static func extract(_ marked: String) -> (source: String, offsets: [String: Int]) {
        var source = ""
        var offsets: [String: Int] = [:]
        var rest = Substring(marked)
        while !rest.isEmpty {
            if let marker = all.first(where: { rest.hasPrefix($0) }) {
                offsets[marker] = source.utf8.count
                rest = rest.dropFirst(marker.count)
            } else {
                source.append(rest.removeFirst())
            }
        }
        return (source, offsets)
    }

    /// A source file made of the marked text, and the offsets of its markers.
    public static func file(_ marked: String, name: String = "test.alq") -> (SourceFile, [String: Int]) {
        let (source, offsets) = extract(marked)
        return (SourceFile(name: name, text: source), offsets)
    }
}
