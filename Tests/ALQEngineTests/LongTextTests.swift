import ALQBuiltinModules
import ALQEngine
import ALQRuntime
import Testing

/// String functions on long runs of flag emoji (regional indicator pairs), which take quadratic time
/// when a function steps backwards over characters.
@Suite struct LongTextTests {
    static let flags = String(repeating: "🇨🇳🇯🇵", count: 10_000)

    private func evaluate(_ text: String) throws -> Value {
        try Session(registry: try BuiltinModules.registry(), host: TestHost()).evaluate(text)
    }

    @Test func reverseTrimSplitAndEndsWith() throws {
        let quoted = "\"  \(Self.flags) \""
        guard case .string(let reversed) = try evaluate("reverse(\(quoted))") else {
            Issue.record("reverse did not give a string")
            return
        }
        #expect(reversed == " " + String(repeating: "🇯🇵🇨🇳", count: 10_000) + "  ")
        #expect(try evaluate("trim(\(quoted))").displayText == Self.flags)
        #expect(try evaluate("len(split(\(quoted), \"🇯🇵\"))").displayText == "10001")
        #expect(try evaluate("ends_with(\(quoted), \"🇯🇵 \")").displayText == "true")
        #expect(try evaluate("trim(\"  \")").displayText == "")
        #expect(try evaluate("trim(\" a\u{301} \")").displayText == "a\u{301}")
    }
}
