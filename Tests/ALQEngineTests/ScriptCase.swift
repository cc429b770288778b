import ALQBuiltinModules
import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import ALQTestSupport
import Foundation
import Testing

/// One script test: source text with `# expect:` (or `# =>`) lines giving the output in order, and
/// optionally `# expect error: CODE message` for the diagnostic that must stop it.
struct ScriptCase: Sendable, CustomTestStringConvertible {
    let file: String
    let line: Int
    let source: String

    var testDescription: String { "\(file):\(line)" }

    /// The package root.
    static var packageRoot: URL { PackageLayout.root }

    /// Every case in Tests/Scripts/*.alq; `# ---` lines separate independent cases in a file.
    static func scripts() -> [ScriptCase] {
        let folder = packageRoot.appendingPathComponent("Tests/Scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var cases: [ScriptCase] = []
        for name in names.sorted() where name.hasSuffix(".alq") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                continue
            }
            var current: [String] = []
            var start = 1
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.trimmingCharacters(in: .whitespaces) == "# ---" {
                    if current.contains(where: { $0.contains("# expect") }) {
                        cases.append(ScriptCase(file: name, line: start, source: current.joined(separator: "\n")))
                    }
                    current = []
                    start = index + 2
                    continue
                }
                if current.isEmpty { start = index + 1 }
                current.append(String(line))
            }
            if current.contains(where: { $0.contains("# expect") }) {
                cases.append(ScriptCase(file: name, line: start, source: current.joined(separator: "\n")))
            }
        }
        return cases
    }

    /// Every ```alq block of a Markdown document, as a case.
    static func markdownExamples(_ relativePath: String) -> [ScriptCase] {
        let url = packageRoot.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var cases: [ScriptCase] = []
        var block: [String]?
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if block == nil, line.hasPrefix("```alq") {
                block = []
                start = index + 2
            } else if block != nil, line.hasPrefix("```") {
                cases.append(ScriptCase(file: relativePath, line: start, source: block!.joined(separator: "\n")))
                block = nil
            } else {
                block?.append(String(line))
            }
        }
        return cases
    }

    /// The hint (`= help: …`) the expected error must contain: `# expect help: fragment`.
    var expectedHelp: String? {
        for line in source.split(separator: "\n") {
            if let range = line.range(of: "# expect help: ") { return String(line[range.upperBound...]) }
        }
        return nil
    }

    /// The output lines and error the source expects.
    var expectations: (output: [String], error: (code: String, message: String, line: Int?)?) {
        var output: [String] = []
        var error: (String, String, Int?)?
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            for marker in ["# expect: ", "# => "] {
                if let range = text.range(of: marker) {
                    output.append(String(text[range.upperBound...]))
                } else if text.hasSuffix(marker.trimmingCharacters(in: .whitespaces)) {
                    output.append("")
                }
            }
            if let range = text.range(of: "# expect error: ") {
                let rest = text[range.upperBound...]
                let code = String(rest.prefix { !$0.isWhitespace })
                let message = rest.dropFirst(code.count).trimmingCharacters(in: .whitespaces)
                let trailing = !text.trimmingCharacters(in: .whitespaces).hasPrefix("#")
                error = (code, message, trailing ? index + 1 : nil)
            }
        }
        return (output, error)
    }
}
