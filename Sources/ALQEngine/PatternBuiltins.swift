import ALQRuntime
import ALQSyntax

/// Regular expressions (Swift's own `Regex` syntax) and case-insensitive comparison.
extension Builtins {
    static let patterns: [Builtin] = [
        builtin(
            "matches", "matches(s, regex)", "Whether a regular expression matches anywhere in a string.",
            example: "matches(\"Guangxi Huayin Aluminum Co., Ltd.\", \"Alumin(i)?um\")", arity: 2...2
        ) { call throws(Diagnostic) in
            let regex = try call.pattern(1)
            if call[0].isNull { return .bool(false) }
            return .bool(try call.string(0).contains(regex))
        },
        builtin(
            "extract", "extract(s, regex, group = 0)",
            "The first match of a regular expression, or one of its groups (by number or name); null if none.",
            example: "extract(\"capacity 2.2 Mt in 2024\", r\"(\\d+) *$\", 1)", arity: 2...3
        ) { call throws(Diagnostic) in
            let regex = try call.pattern(1)
            if call[0].isNull { return .null }
            guard let match = try call.string(0).firstMatch(of: regex) else { return .null }
            let output = match.output
            switch call[2] {
            case .null:
                return .string(String(match.0))
            case .string(let name):
                guard let group = output[name] else {
                    throw Diagnostic(.invalidArgument, "the pattern has no group named '\(name)'")
                }
                return group.substring.map { .string(String($0)) } ?? .null
            default:
                let number = try call.number(2)
                guard number >= 0, number == number.rounded(), number < Double(output.count) else {
                    throw Diagnostic(
                        .invalidArgument,
                        "the pattern has \(output.count - 1) group\(output.count == 2 ? "" : "s"), "
                            + "asked for group \(NumberFormat.plain(number))",
                        help: "group 0 is the whole match; groups count opening brackets from 1")
                }
                return output[Int(number)].substring.map { .string(String($0)) } ?? .null
            }
        },
        builtin(
            "replace_regex", "replace_regex(s, regex, replacement)",
            "The string with every match replaced; $1 or ${name} in the replacement insert a group, $$ a dollar.",
            example: "replace_regex(\"2024-09-23\", r\"(\\d+)-(\\d+)-(\\d+)\", \"$3/$2/$1\")", arity: 3...3
        ) { call throws(Diagnostic) in
            let regex = try call.pattern(1)
            if call[0].isNull { return .null }
            let template = try call.string(2)
            var failure: Diagnostic?
            let result = try call.string(0).replacing(regex) { match in
                do throws(Diagnostic) { return try expand(template, with: match.output) } catch {
                    failure = error
                    return ""
                }
            }
            if let failure { throw failure }
            return .string(result)
        },
        builtin(
            "equals_ignore_case", "equals_ignore_case(a, b)",
            "Whether two strings are equal when upper and lower case are not told apart.",
            example: "equals_ignore_case(\"GUANGXI\", \"Guangxi\")", arity: 2...2
        ) { call throws(Diagnostic) in
            if call[0].isNull || call[1].isNull { return .bool(call[0].isNull && call[1].isNull) }
            return .bool(try call.string(0).lowercased() == (try call.string(1)).lowercased())
        },
    ]

    /// A replacement template with `$n`, `${n}`, `${name}` and `$$` expanded.
    private static func expand(_ template: String, with output: AnyRegexOutput) throws(Diagnostic) -> String {
        var result = ""
        var characters = template[...]
        while let dollar = characters.firstIndex(of: "$") {
            result += characters[..<dollar]
            var rest = characters[characters.index(after: dollar)...]
            let reference: String
            if rest.first == "$" {
                result += "$"
                characters = rest.dropFirst()
                continue
            } else if rest.first == "{", let close = rest.firstIndex(of: "}") {
                reference = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty else {
                    throw Diagnostic(
                        .invalidArgument, "a '$' in the replacement must be followed by a group: $1, ${name} or $$")
                }
                reference = String(digits)
                rest = rest.dropFirst(digits.count)
            }
            if let number = Int(reference) {
                guard number < output.count else {
                    throw Diagnostic(
                        .invalidArgument,
                        "the replacement refers to group \(number), but the pattern has \(output.count - 1)")
                }
                result += output[number].substring ?? ""
            } else {
                guard let group = output[reference] else {
                    throw Diagnostic(.invalidArgument, "the pattern has no group named '\(reference)'")
                }
                result += group.substring ?? ""
            }
            characters = rest
        }
        return result + characters
    }
}

extension BuiltinCall {
    /// Argument `index` compiled as a regular expression. An invalid pattern is E0205 with the span of
    /// the problem inside the string literal where the pattern is written.
    func pattern(_ index: Int) throws(Diagnostic) -> Regex<AnyRegexOutput> {
        let text = try string(index, "a pattern string")
        do {
            return try session.patterns.regex(for: text)
        } catch {
            let (message, range) = PatternError.describe(error, in: text)
            var diagnostic = Diagnostic(
                .invalidPattern, "invalid pattern: \(message)", file: interpreter.file,
                help: "patterns use Swift's regular expression syntax; write r\"…\" so that a backslash stays one")
            if index < argumentSpans.count {
                diagnostic.span = PatternError.sourceSpan(
                    of: range, inArgumentAt: argumentSpans[index], file: interpreter.file)
            }
            throw diagnostic
        }
    }
}

/// Compiled patterns by their text, so that a pattern used on every row is compiled once. One per
/// session, used by the statement the session is running.
final class RegexCache {
    private static let capacity = 256
    private var entries: [String: Regex<AnyRegexOutput>] = [:]

    func regex(for pattern: String) throws -> Regex<AnyRegexOutput> {
        if let regex = entries[pattern] { return regex }
        let regex = try Regex(pattern)
        if entries.count >= RegexCache.capacity { entries.removeAll() }
        entries[pattern] = regex
        return regex
    }
}

/// Where in a pattern Swift's regex parser found a problem, and where that is in the source text.
enum PatternError {
    /// The parser's message and the UTF-8 range in the pattern it points at.
    ///
    /// The location is not public API of `Regex`; it is read by reflection, and the whole pattern is
    /// the answer when that fails.
    static func describe(_ error: any Error, in pattern: String) -> (String, Range<Int>) {
        let whole = 0..<pattern.utf8.count
        var message = "\(error)"
        var range = whole
        for child in Mirror(reflecting: error).children {
            if child.label == "error" { message = "\(child.value)" }
            guard child.label == "location" else { continue }
            for part in Mirror(reflecting: child.value).children where part.label == "range" {
                guard let indices = part.value as? Range<String.Index> else { continue }
                let utf8 = pattern.utf8
                let lower = utf8.distance(from: utf8.startIndex, to: indices.lowerBound)
                let upper = utf8.distance(from: utf8.startIndex, to: indices.upperBound)
                if lower >= 0, upper <= whole.upperBound, lower <= upper { range = lower..<upper }
            }
        }
        return (message, range)
    }

    /// The source span of a range of a pattern written as the string literal at `span`; the
    /// literal's whole span when the argument is not a literal.
    static func sourceSpan(of range: Range<Int>, inArgumentAt span: Span, file: SourceFile) -> Span {
        let source = Array(file.bytes[span.start..<span.end])
        var start = 0
        var raw = false
        if source.first == UInt8(ascii: "r") {
            raw = true
            start = 1
        }
        guard start < source.count, source[start] == UInt8(ascii: "\"") || source[start] == UInt8(ascii: "'") else {
            return span
        }
        // offsets[i]: the source offset of the i-th UTF-8 byte of the decoded pattern.
        var offsets: [Int] = []
        var index = start + 1
        while index < source.count - 1 {
            if !raw, source[index] == UInt8(ascii: "\\"), index + 1 < source.count - 1 {
                var end = index + 2
                var decodedLength = 1
                if source[index + 1] == UInt8(ascii: "u"),
                    let close = source[index...].firstIndex(of: UInt8(ascii: "}"))
                {
                    end = close + 1
                    let hex = String(decoding: source[(index + 3)..<close], as: UTF8.self)
                    decodedLength =
                        UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init).map { String($0).utf8.count } ?? 1
                }
                offsets.append(contentsOf: repeatElement(index, count: decodedLength))
                index = end
            } else {
                offsets.append(index)
                index += 1
            }
        }
        offsets.append(index)
        func sourceOffset(_ decoded: Int) -> Int { span.start + offsets[min(decoded, offsets.count - 1)] }
        let lower = sourceOffset(range.lowerBound)
        let upper = range.isEmpty ? lower + 1 : sourceOffset(range.upperBound)
        return Span(start: lower, end: max(lower + 1, upper))
    }
}
