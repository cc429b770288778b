import ALQJSON
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
        if try appendShortDecimal(value, to: out) { return }
        try out.string(value.description)
    }

    /// Appends a number that is not whole, between 1e-4 and 1e15 in magnitude, with at most 15 significant
    /// digits (`4243342.97`, `0.5`), exactly as `description` writes it, but without its general algorithm
    /// (most of the time of exporting such numbers); `false`, writing nothing, for any other number.
    ///
    /// It tries 1, 2, … decimals: `m = round(|value| × 10^k)`, and the first `m / 10^k` that reads back as
    /// `value` is its shortest text. `m` and `10^k` are below 2^53, so the division is exact before it is
    /// rounded, as reading the decimal text is; no shorter text reads back (it would have fewer decimals),
    /// and two texts of at most 15 significant digits never read as the same double.
    @inline(__always)
    static func appendShortDecimal(_ value: Double, to out: ByteWriter) throws -> Bool {
        let magnitude = abs(value)
        guard magnitude >= 1e-4, magnitude < 1e15 else { return false }
        var scale = 1.0
        for decimals in 1...15 {
            scale *= 10
            let scaled = (magnitude * scale).rounded()
            guard scaled < 1e15 else { return false }
            guard scaled / scale == magnitude else { continue }
            var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            try withUnsafeMutableBytes(of: &digits) { raw in
                var rest = UInt64(scaled)
                var index = raw.count
                for _ in 0..<decimals {
                    index -= 1
                    raw[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 48
                    rest /= 10
                }
                index -= 1
                raw[index] = UInt8(ascii: ".")
                repeat {
                    index -= 1
                    raw[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 48
                    rest /= 10
                } while rest > 0
                if value < 0 {
                    index -= 1
                    raw[index] = UInt8(ascii: "-")
                }
                try out.bytes(UnsafeRawBufferPointer(rebasing: raw[index...]))
            }
            return true
        }
        return false
    }

    /// Whether a value can be written as a JSON number.
    @inline(__always)
    public static func isFinite(_ value: Double) -> Bool { value.isFinite }

    /// The text of a number, as ``append(_:to:)`` writes it.
    public static func text(_ value: Double) -> String {
        if let text = JSONNumber.shortestText(value) { return text }
        if value.isNaN { return "NaN" }
        return value < 0 ? "-Infinity" : "Infinity"
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
}
