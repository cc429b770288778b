import ALQJSON
import ALQPluginAPI

// Decoding a region pack from JSON bytes, with errors that name the file, the place in the
// document (a JSON path such as `facts[12].unit`) and what was expected.

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
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw RegionPackError(file: file, issues: [invalidJSON(error)])
        }
        // First the version: a different version may have a different shape, so report only that.
        if let issue = versionIssue(document["alq_pack"]) { throw RegionPackError(file: file, issues: [issue]) }
        var unknown: [RegionPackIssue] = []
        let decoder = JSONValueDecoder { unknown.append(unknownFieldIssue($0)) }
        let pack: RegionPack
        do {
            pack = try decoder.decode(RegionPack.self, from: document)
        } catch {
            throw RegionPackError(file: file, issues: unknown + [issue(from: error)])
        }
        let issues = unknown + pack.validate()
        if !issues.isEmpty { throw RegionPackError(file: file, issues: issues) }
        return pack
    }

    /// Decodes only a pack's `alq_pack` and `region` (for registering a module before its data is needed);
    /// the text after them is not read (the whole pack is decoded and checked on first use).
    ///
    /// - Throws: ``RegionPackError`` if the document is not JSON, the version is not ``formatVersion``,
    ///   or the `region` object is missing or invalid.
    public static func decodeRegion(_ bytes: [UInt8], file: String) throws(RegionPackError) -> Region {
        let members: JSONObject
        do {
            members = try JSONParser.parseMembers(bytes, ["alq_pack", "region"], stoppingWhenFound: true)
        } catch {
            throw RegionPackError(file: file, issues: [invalidJSON(error)])
        }
        if let issue = versionIssue(members["alq_pack"]) { throw RegionPackError(file: file, issues: [issue]) }
        let header = try RegionPack.header(from: members, file: file)
        let issues = RegionPack.headerIssues(alqPack: header.alqPack, region: header.region)
        if !issues.isEmpty { throw RegionPackError(file: file, issues: issues) }
        return header.region
    }

    /// An unsupported `alq_pack` number; anything else wrong with it is left to the full decoding.
    static func versionIssue(_ version: JSONValue?) -> RegionPackIssue? {
        guard let number = version?.doubleValue, number != Double(formatVersion) else { return nil }
        return RegionPackIssue(
            path: "alq_pack",
            message: "unsupported pack format version \(formatNumber(number)); this alq reads version \(formatVersion)")
    }

    static func invalidJSON(_ error: JSONError) -> RegionPackIssue {
        RegionPackIssue(
            path: "", message: "not valid JSON: \(error.message) at line \(error.line), column \(error.column)")
    }

    static func unknownFieldIssue(_ unknown: JSONValueDecoder.UnknownKey) -> RegionPackIssue {
        let expected = unknown.knownKeys.isEmpty ? "" : "; expected one of \(unknown.knownKeys.joined(separator: ", "))"
        return RegionPackIssue(
            path: jsonPath(unknown.codingPath + [PathKey(unknown.key)]),
            message: "unknown field '\(unknown.key)'\(expected)")
    }

    /// Turns a `DecodingError` into an issue with a JSON path.
    static func issue(from error: any Error) -> RegionPackIssue {
        guard let error = error as? DecodingError else {
            return RegionPackIssue(path: "", message: "not a valid pack: \(error)")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return RegionPackIssue(
                path: jsonPath(context.codingPath + [key]),
                message: "missing required field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return RegionPackIssue(
                path: jsonPath(context.codingPath),
                message: "expected \(typeName(type)), found \(foundPart(context.debugDescription))")
        case .valueNotFound(let type, let context):
            return RegionPackIssue(
                path: jsonPath(context.codingPath), message: "expected \(typeName(type)), found null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
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

/// A key in a JSON path.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
