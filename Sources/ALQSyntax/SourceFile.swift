/// A named piece of source text: a script file, a `-c` argument or a line typed at the prompt.
///
/// Offsets everywhere in the language are UTF-8 byte offsets into ``text``.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics: a path, `<command line>` or `<stdin>`.
    public let name: String
    /// The text, always valid UTF-8.
    public let text: String
    /// The text's UTF-8 bytes.
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    /// Creates a source file from text that is already valid UTF-8.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// Decodes raw bytes, reporting the first invalid UTF-8 sequence as a diagnostic.
    public static func decode(name: String, bytes: [UInt8]) -> Result<SourceFile, Diagnostic> {
        if let text = String(validating: bytes, as: UTF8.self) {
            let withoutBOM = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            return .success(SourceFile(name: name, text: withoutBOM))
        }
        let badOffset = firstInvalidUTF8Offset(bytes)
        let validPrefix = String(decoding: bytes[..<badOffset], as: UTF8.self)
        let file = SourceFile(name: name, text: validPrefix + " ")
        let span = Span(start: validPrefix.utf8.count, end: validPrefix.utf8.count + 1)
        return .failure(
            Diagnostic(
                .invalidUTF8, "invalid UTF-8 at byte \(badOffset): the file must be UTF-8 text",
                span: span, file: file))
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let lineIndex = lineIndex(containing: clamped)
        let lineStart = lineStarts[lineIndex]
        let prefix = String(decoding: bytes[lineStart..<clamped], as: UTF8.self)
        return (lineIndex + 1, prefix.unicodeScalars.count + 1)
    }

    /// The text of the line that holds `offset`, without its newline.
    public func lineText(containing offset: Int) -> (text: String, start: Int) {
        let index = lineIndex(containing: max(0, min(offset, bytes.count)))
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return (String(decoding: bytes[start..<max(start, end)], as: UTF8.self), start)
    }

    /// The source text covered by a span.
    public func text(of span: Span) -> String {
        let lower = max(0, min(span.start, bytes.count))
        let upper = max(lower, min(span.end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// A half-open range of UTF-8 byte offsets in a ``SourceFile``.
public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both.
    public func merged(with other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }
}
