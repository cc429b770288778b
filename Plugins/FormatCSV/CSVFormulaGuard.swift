/// The formula-injection rule, shared by the writer (which adds a `'`) and the reader (which removes it).
///
/// A string needs the prefix when, after any number of leading `'`, its first character is `=`, `+`,
/// `-`, `@`, tab or carriage return. Adding one `'` to every such string, and removing one on reading,
/// gives back exactly the original strings, including ones that started with `'` to begin with.
enum CSVFormulaGuard {
    @inline(__always)
    static func isTrigger(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 9 || byte == 13
    }

    static func needsPrefix(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == UInt8(ascii: "'") { index = bytes.index(after: index) }
        return index != bytes.endIndex && isTrigger(bytes[index])
    }

    /// Whether the bytes are `'*` followed by a trigger character.
    @inline(__always)
    static func needsPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: "'") { i += 1 }
        return i < bytes.count && isTrigger(bytes[i])
    }

    /// A protected string without the `'` the writer added, or `nil` when the field is not protected.
    @inline(__always)
    static func unprotected(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard field.first == UInt8(ascii: "'"), needsPrefix(field) else { return nil }
        return UnsafeBufferPointer(rebasing: field.dropFirst())
    }
}
