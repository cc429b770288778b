/// Where and why JSON text is malformed.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset of the problem.
    public var offset: Int
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int
    /// What was expected and what was found.
    public var message: String

    /// An error at `offset` in `data`, with its line and column worked out.
    public init(_ message: String, at offset: Int, in data: UnsafeBufferPointer<UInt8>) {
        self.offset = offset
        self.message = message
        var line = 1
        var column = 1
        for index in 0..<min(max(offset, 0), data.count) {
            let byte = data[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }

    /// An error about the document as a whole (no place): line and column are 0.
    public init(offset: Int = -1, _ message: String) {
        self.offset = offset
        self.message = message
        line = 0
        column = 0
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
