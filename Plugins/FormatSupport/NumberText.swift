import ALQSyntax

/// Numbers as text: the shortest form that reads back to the same double, integers without `.0`.
public enum NumberText {
    /// Appends `value` in the shortest round-trip form. Whole numbers below 2^53 are written as
    /// integers (`205000000000`, not `2.05e+11`); other numbers as Swift prints them (`33.69`, `1e+20`).
    /// Not-a-number and infinities have no text that reads back as a number: they are an error
    /// (E0403), never `Infinity`; JSON writers check ``isFinite(_:)`` first and write `null` instead.
    @inline(__always)
    public static func append(_ value: Double, to out: ByteWriter) throws {
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 {
            try appendInteger(Int64(value), to: out)
            return
        }
        guard value.isFinite else {
            throw Diagnostic(.exportFailed, "the number \(value) is beyond ±1.8e308 and cannot be written")
        }
        try out.string(value.description)
    }

    /// Whether a value can be written as a JSON number.
    @inline(__always)
    public static func isFinite(_ value: Double) -> Bool { value.isFinite }

    /// The text of a number, as ``append(_:to:)`` writes it.
    public static func text(_ value: Double) -> String {
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    /// Appends an integer's decimal digits.
    @inline(__always)
    public static func appendInteger(_ value: Int64, to out: ByteWriter) throws {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        try withUnsafeMutableBytes(of: &digits) { raw in
            var magnitude = value.magnitude
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                raw[index] = UInt8(ascii: "-")
            }
            try out.bytes(UnsafeRawBufferPointer(rebasing: raw[index...]))
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a number written in JSON's grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    ///
    /// Returns `nil` for anything else (leading `+`, leading zeros as in `007`, `inf`, spaces); the
    /// flag tells whether the text was a plain integer.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: Double, isInteger: Bool)? {
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
            if i - digitsStart < 18 { integer = integer * 10 + UInt64(bytes[i] &- 48) }
            i += 1
        }
        let intDigits = i - digitsStart
        guard intDigits > 0 else { return nil }
        if intDigits > 1, bytes[digitsStart] == UInt8(ascii: "0") { return nil }
        if i == n, intDigits <= 18 {
            let value = Double(integer)
            return (negative ? -value : value, true)
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
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
            if i == n, intDigits + fractionDigits <= 15, fractionDigits <= 22 {
                let value = Double(mantissa) / NumberText.powersOfTen[fractionDigits]
                return (negative ? -value : value, false)
            }
        }
        if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
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
        return (value, false)
    }
}
