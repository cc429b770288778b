import ALQRuntime

/// Parses JSON text (RFC 8259) into values: objects become records, arrays lists.
public enum JSONParser {
    /// Where and why JSON text is malformed.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The 1-based line.
        public var line: Int
        /// The 1-based column, in bytes.
        public var column: Int
        /// The byte offset.
        public var offset: Int
        /// What was expected and found.
        public var message: String

        /// `line:column: message`.
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Parses one JSON value filling the whole text (whitespace around it allowed).
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> Value {
        let result: Result<Value, Failure> = bytes.withUnsafeBufferPointer { data in
            var scanner = JSONScanner(data)
            do throws(JSONScanner.Failure) {
                let value = try scanner.value()
                if scanner.peek() != nil { throw scanner.failure("the end of the input") }
                return .success(value)
            } catch {
                let (line, column) = JSONScanner.lineAndColumn(of: error.offset, in: data)
                return .failure(Failure(line: line, column: column, offset: error.offset, message: error.message))
            }
        }
        return try result.get()
    }
}
