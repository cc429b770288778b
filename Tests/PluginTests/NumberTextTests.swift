import ALQTestSupport
import FormatSupport
import Testing

/// Numbers as the export formats write them: the short decimal path gives exactly `description`'s text.
@Suite struct NumberTextTests {
    static func text(_ value: Double) throws -> String {
        let sink = CollectingSink()
        let out = ByteWriter(sink)
        try NumberText.append(value, to: out)
        try out.flush()
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    static func expected(_ value: Double) -> String {
        value == value.rounded(.towardZero) && abs(value) < 9_007_199_254_740_992
            ? String(Int64(value)) : value.description
    }

    @Test func edgesReadAsDescriptionWritesThem() throws {
        let values: [Double] = [
            0.5, -1.25, 33.69, 4243342.97, 0.1, 0.2, 0.3, 2.675, 1e-4, 0.00012, 9.99e-5, 1.5e-4, 0.1 + 0.2,
            999_999_999_999_999.9, 99_999_999_999_999.9, 1e15 - 0.5, 123456789012345.6, 0.000123456789012345,
            1.0 / 3, 2.0 / 3, -0.0001, 1e21, 1e-7, .pi, -.pi * 1e10, 4503599627370495.5, .leastNonzeroMagnitude,
            .greatestFiniteMagnitude,
        ]
        for value in values { #expect(try Self.text(value) == Self.expected(value), "\(value)") }
    }

    /// Decimals of every length, and doubles of every bit pattern in the fast path's range.
    @Test func randomNumbersReadAsDescriptionWritesThem() throws {
        var random = SplitMix(seed: 16)
        var scale = [1.0]
        for _ in 1...17 { scale.append(scale.last! * 10) }
        for _ in 0..<50_000 {
            let decimals = 1 + random.below(16)
            let mantissa = Double(random.next() % 1_000_000_000_000_000_000) / scale[random.below(4)]
            let decimal = (mantissa.rounded() / scale[decimals]) * (random.below(2) == 0 ? 1 : -1)
            #expect(try Self.text(decimal) == Self.expected(decimal), "\(decimal)")
            let bits = Double(bitPattern: random.next() & 0x7FFF_FFFF_FFFF_FFFF)
            if bits.isFinite { #expect(try Self.text(bits) == Self.expected(bits), "\(bits)") }
            let near = Double(bitPattern: 0x3F00_0000_0000_0000 + random.next() % 0x0630_0000_0000_0000)
            #expect(try Self.text(near) == Self.expected(near), "\(near)")
        }
    }
}
