/// A JSON number that keeps its text, so that reading and writing a document never changes a number:
/// `12345678901234567891` (beyond what a double holds exactly) is written back digit for digit.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written, in JSON's grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    public let text: String
    /// The nearest double.
    public let double: Double
    /// Whether the text is an integer (no fraction, no exponent) that ``double`` holds exactly.
    public let isExactInteger: Bool

    /// A number from its text; `nil` when the text is not a JSON number or overflows a double.
    public init?(text: String) {
        var text = text
        guard let parsed = text.withUTF8({ JSONNumber.parse($0) }) else { return nil }
        self.text = text
        double = parsed.value
        isExactInteger = parsed.isInteger && parsed.isExact
    }

    /// A finite double in the shortest text that reads back to it (integers below 2^53 without `.0`);
    /// `nil` for not-a-number and infinities, which JSON cannot express.
    public init?(_ value: Double) {
        guard let text = JSONNumber.shortestText(value) else { return nil }
        self.text = text
        double = value
        isExactInteger = value == value.rounded(.towardZero) && abs(value) < 9_007_199_254_740_992
    }

    @usableFromInline
    init(text: String, double: Double, isExactInteger: Bool) {
        self.text = text
        self.double = double
        self.isExactInteger = isExactInteger
    }

    /// An integer, exactly.
    public init(_ value: Int) {
        text = String(value)
        double = Double(value)
        isExactInteger = Double(value).magnitude < 9_007_199_254_740_992 || Int(exactly: Double(value)) == value
    }

    /// Whether the text is an integer (no fraction, no exponent), exact or not.
    public var isInteger: Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
    }

    /// The number as an `Int`, when it is an integer an `Int` holds exactly.
    public var int: Int? {
        if let exact = Int(text) { return exact }
        return isExactInteger ? Int(exactly: double) : nil
    }

    public var description: String { text }

    /// Equal when the texts are equal (`1.0` and `1` are different texts of the same value).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The shortest text that reads back to `value`, or `nil` when it is not finite.
    public static func shortestText(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return value.description
    }

    @usableFromInline
    static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// What ``parse(_:)`` found.
    public struct Parsed: Sendable {
        /// The nearest double.
        public var value: Double
        /// Whether the text is a plain integer (no fraction, no exponent).
        public var isInteger: Bool
        /// `false` for an integer that a double cannot hold exactly (beyond 2^53 and not a double, or
        /// more than 19 digits): readers keep such a number's text rather than round it.
        public var isExact: Bool

        @inlinable
        init(_ value: Double, isInteger: Bool, isExact: Bool = true) {
            self.value = value
            self.isInteger = isInteger
            self.isExact = isExact
        }
    }

    /// Parses exactly one number in JSON's grammar; `nil` for anything else (a leading `+`, leading
    /// zeros as in `012`, `1.`, `.5`, `1e`, `inf`, spaces) and for numbers that overflow a double.
    @inlinable
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        let n = bytes.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        let digitsStart = i
        var integer: UInt64 = 0
        while i < n, bytes[i] &- 48 < 10 {
            if i - digitsStart < 19 { integer = integer &* 10 &+ UInt64(bytes[i] &- 48) }
            i += 1
        }
        let intDigits = i - digitsStart
        guard intDigits > 0 else { return nil }
        if intDigits > 1, bytes[digitsStart] == UInt8(ascii: "0") { return nil }
        if i == n, intDigits <= 19 {
            let value = Double(integer)
            let exact = intDigits <= 15 || UInt64(exactly: value) == integer
            return Parsed(negative ? -value : value, isInteger: true, isExact: exact)
        }
        var isInteger = true
        if i < n, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            let fractionStart = i
            var mantissa = integer
            while i < n, bytes[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48)
                i += 1
            }
            let fractionDigits = i - fractionStart
            guard fractionDigits > 0 else { return nil }
            // Clinger's fast path: a mantissa below 2^53 divided by an exact power of ten (at most
            // 10^22) is correctly rounded by one IEEE division.
            if i == n, intDigits + fractionDigits <= 15 {
                let value = Double(mantissa) / JSONNumber.powersOfTen[fractionDigits]
                return Parsed(negative ? -value : value, isInteger: false)
            }
        }
        if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let exponentStart = i
            while i < n, bytes[i] &- 48 < 10 { i += 1 }
            guard i > exponentStart else { return nil }
        }
        guard i == n else { return nil }
        // Short texts become small strings, stored inline: no allocation.
        let text = String(decoding: bytes, as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return Parsed(value, isInteger: isInteger, isExact: !isInteger)
    }
}
