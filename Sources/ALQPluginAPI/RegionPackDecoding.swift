// Decoding a region pack from JSON bytes, with errors that name the file, the place in the
// document (a JSON path such as `facts[12].unit`) and what was expected.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One problem found in a region pack.
public struct RegionPackIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where in the document: a JSON path such as `facts[12].unit`; empty for the whole document.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an issue.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, or the message alone for the whole document.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// The error a region pack that cannot be decoded or does not validate reports.
public struct RegionPackError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or other name) the pack was read from.
    public var file: String
    /// Every problem found, at least one.
    public var issues: [RegionPackIssue]

    /// Creates an error.
    public init(file: String, issues: [RegionPackIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One line per issue: `file: path: message`.
    public var description: String {
        issues.map { "\(file): \($0)" }.joined(separator: "\n")
    }
}

extension RegionPack {
    /// Decodes and validates a region pack.
    ///
    /// - Parameters:
    ///   - bytes: the pack's JSON text, UTF-8.
    ///   - file: the name to report problems against (a path or a module name).
    /// - Returns: the pack, which passed ``validate()``.
    /// - Throws: ``RegionPackError`` listing every problem: invalid JSON, a missing field, a value of
    ///   the wrong type, an unknown field, a value outside its enumeration, or a failed validation rule.
    public static func decode(_ bytes: [UInt8], file: String) throws(RegionPackError) -> RegionPack {
        let data = Data(bytes)
        // First the document's shape: a generic tree, so unknown fields can be reported by path.
        let tree: JSONTree
        do {
            tree = try JSONDecoder().decode(JSONTree.self, from: data)
        } catch {
            throw RegionPackError(file: file, issues: [issue(from: error, invalidJSON: true)])
        }
        var issues = unknownFieldIssues(in: tree)
        if case .object(let top) = tree, case .number(let version)? = top["alq_pack"], version != Double(formatVersion) {
            // A different version may have a different shape: report only that.
            throw RegionPackError(file: file, issues: [RegionPackIssue(
                path: "alq_pack",
                message: "unsupported pack format version \(formatNumber(version)); this alq reads version \(formatVersion)")])
        }
        let pack: RegionPack
        do {
            pack = try JSONDecoder().decode(RegionPack.self, from: data)
        } catch {
            throw RegionPackError(file: file, issues: issues + [issue(from: error, invalidJSON: false)])
        }
        issues += pack.validate()
        if !issues.isEmpty { throw RegionPackError(file: file, issues: issues) }
        return pack
    }

    /// Turns a `DecodingError` into an issue with a JSON path.
    static func issue(from error: any Error, invalidJSON: Bool) -> RegionPackIssue {
        guard let error = error as? DecodingError else {
            return RegionPackIssue(path: "", message: "not a valid pack: \(error)")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return RegionPackIssue(path: jsonPath(context.codingPath + [key]),
                                   message: "missing required field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return RegionPackIssue(path: jsonPath(context.codingPath),
                                   message: "expected \(typeName(type)), found \(foundPart(context.debugDescription))")
        case .valueNotFound(let type, let context):
            return RegionPackIssue(path: jsonPath(context.codingPath), message: "expected \(typeName(type)), found null")
        case .dataCorrupted(let context):
            if invalidJSON || context.codingPath.isEmpty {
                var detail = context.debugDescription
                if let underlying = context.underlyingError { detail += " \(underlying)" }
                return RegionPackIssue(path: jsonPath(context.codingPath), message: "not valid JSON: \(detail)")
            }
            return RegionPackIssue(path: jsonPath(context.codingPath), message: context.debugDescription)
        @unknown default:
            return RegionPackIssue(path: "", message: "\(error)")
        }
    }

    /// `facts[12].unit` from a coding path.
    static func jsonPath(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                if !out.isEmpty { out += "." }
                out += key.stringValue
            }
        }
        return out
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type: return "an integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }

    /// Extracts "a string" from Foundation's "Expected to decode Double but found a string instead."
    static func foundPart(_ description: String) -> String {
        if let range = description.firstRange(of: "but found ") {
            var rest = String(description[range.upperBound...])
            for suffix in [" instead.", " instead", "."] where rest.hasSuffix(suffix) {
                rest.removeLast(suffix.count)
                break
            }
            if rest == "number" { return "a number" }
            return rest
        }
        return description
    }

    static func formatNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

// MARK: - Unknown fields

/// A JSON document as a tree, to find fields the format does not know.
enum JSONTree: Decodable {
    case object([String: JSONTree])
    case array([JSONTree])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let n = try? c.decode(Double.self) { self = .number(n); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONTree].self) { self = .array(a); return }
        self = .object(try c.decode([String: JSONTree].self))
    }
}

extension RegionPack {
    static func keys<K: CodingKey & CaseIterable>(_: K.Type) -> Set<String> { Set(K.allCases.map(\.stringValue)) }

    static let packKeys = keys(CodingKeys.self)
    static let regionKeys = keys(Region.CodingKeys.self)
    static let sourceKeys = keys(Source.CodingKeys.self)
    static let metricKeys: Set<String> = ["id", "description", "unit"]
    static let factKeys = keys(Fact.CodingKeys.self)
    static let quoteKeys: Set<String> = ["source", "text"]
    static let companyKeys = keys(Company.CodingKeys.self)
    static let projectKeys: Set<String> = ["id", "name", "description", "status", "quotes"]
    static let personKeys: Set<String> = ["id", "name", "office", "organization", "quotes"]
    static let eventKeys: Set<String> = ["id", "name", "date", "kind", "description", "quotes"]

    /// Fields the format does not define, each reported by path (a likely misspelling).
    static func unknownFieldIssues(in tree: JSONTree) -> [RegionPackIssue] {
        var issues: [RegionPackIssue] = []
        func check(_ node: JSONTree?, _ path: String, _ known: Set<String>, quotes: Bool = false) {
            guard case .object(let fields)? = node else { return }
            for key in fields.keys.sorted() where !known.contains(key) {
                let place = path.isEmpty ? key : "\(path).\(key)"
                issues.append(RegionPackIssue(
                    path: place, message: "unknown field '\(key)'; expected one of \(known.sorted().joined(separator: ", "))"))
            }
            if quotes, case .array(let items)? = fields["quotes"] {
                for (i, item) in items.enumerated() { check(item, "\(path).quotes[\(i)]", quoteKeys) }
            }
        }
        func checkArray(_ name: String, _ known: Set<String>, _ fields: [String: JSONTree], quotes: Bool) {
            guard case .array(let items)? = fields[name] else { return }
            for (i, item) in items.enumerated() { check(item, "\(name)[\(i)]", known, quotes: quotes) }
        }
        check(tree, "", packKeys)
        guard case .object(let top) = tree else { return issues }
        check(top["region"], "region", regionKeys)
        checkArray("sources", sourceKeys, top, quotes: false)
        checkArray("metrics", metricKeys, top, quotes: false)
        checkArray("facts", factKeys, top, quotes: true)
        checkArray("companies", companyKeys, top, quotes: true)
        checkArray("projects", projectKeys, top, quotes: true)
        checkArray("people", personKeys, top, quotes: true)
        checkArray("events", eventKeys, top, quotes: true)
        return issues
    }
}
