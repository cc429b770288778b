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
        // First the version: a different version may have a different shape, so report only that.
        let tree: JSONTree
        let version: VersionProbe
        do {
            tree = try JSONTreeParser.parse(bytes)
            version = try VersionProbe(from: JSONTreeDecoder(tree))
        } catch {
            throw RegionPackError(file: file, issues: [issue(from: error, invalidJSON: true)])
        }
        if let number = version.alqPack, number != Double(formatVersion) {
            throw RegionPackError(
                file: file,
                issues: [
                    RegionPackIssue(
                        path: "alq_pack",
                        message:
                            "unsupported pack format version \(formatNumber(number)); this alq reads version \(formatVersion)"
                    )
                ])
        }
        let collector = UnknownFieldCollector()
        let pack: RegionPack
        do {
            pack = try RegionPack(from: JSONTreeDecoder(tree, userInfo: [.alqUnknownFields: collector]))
        } catch {
            throw RegionPackError(file: file, issues: collector.issues + [issue(from: error, invalidJSON: false)])
        }
        var issues = collector.issues
        issues += pack.validate()
        if !issues.isEmpty { throw RegionPackError(file: file, issues: issues) }
        return pack
    }

    /// Decodes only a pack's `alq_pack` and `region` (for registering a module before its data is needed).
    ///
    /// - Throws: ``RegionPackError`` if the document is not JSON, the version is not ``formatVersion``,
    ///   or the `region` object is missing or invalid.
    public static func decodeRegion(_ bytes: [UInt8], file: String) throws(RegionPackError) -> Region {
        struct Header: Decodable {
            var alqPack: Int
            var region: Region
            enum CodingKeys: String, CodingKey {
                case alqPack = "alq_pack"
                case region
            }
        }
        let tree: JSONTree
        do {
            tree = try JSONTreeParser.parseFields(bytes, ["alq_pack", "region"])
        } catch {
            throw RegionPackError(file: file, issues: [issue(from: error, invalidJSON: true)])
        }
        if let number = (try? VersionProbe(from: JSONTreeDecoder(tree)))?.alqPack, number != Double(formatVersion) {
            throw RegionPackError(
                file: file,
                issues: [
                    RegionPackIssue(
                        path: "alq_pack",
                        message:
                            "unsupported pack format version \(formatNumber(number)); this alq reads version \(formatVersion)"
                    )
                ])
        }
        let header: Header
        do {
            header = try Header(from: JSONTreeDecoder(tree))
        } catch {
            throw RegionPackError(file: file, issues: [issue(from: error, invalidJSON: false)])
        }
        var shell = RegionPack(region: header.region, sources: [], metrics: [], facts: [])
        shell.alqPack = header.alqPack
        let issues = shell.validate().filter { $0.path.hasPrefix("region") || $0.path == "alq_pack" }
        if !issues.isEmpty { throw RegionPackError(file: file, issues: issues) }
        return header.region
    }

    /// Reads `alq_pack` alone, when it is a number; anything else is left to the full decoding.
    struct VersionProbe: Decodable {
        var alqPack: Double?
        enum CodingKeys: String, CodingKey { case alqPack = "alq_pack" }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            alqPack = try? c.decodeIfPresent(Double.self, forKey: .alqPack)
        }
    }

    /// Turns a `DecodingError` into an issue with a JSON path.
    static func issue(from error: any Error, invalidJSON: Bool) -> RegionPackIssue {
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

/// Collects fields the format does not define while a pack decodes (passed in `userInfo`).
// Safe: made and used by one decode on one thread; `userInfo` needs Sendable values, not sharing.
final class UnknownFieldCollector: @unchecked Sendable {
    var issues: [RegionPackIssue] = []
}

extension CodingUserInfoKey {
    static let alqUnknownFields = CodingUserInfoKey(rawValue: "alq.regionPack.unknownFields")!
}

/// Any key, to list an object's keys.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reports the fields of the object being decoded that are not in `known` (a likely misspelling).
func noteUnknownFields(_ decoder: any Decoder, _ known: Set<String>) {
    guard let collector = decoder.userInfo[.alqUnknownFields] as? UnknownFieldCollector,
        let container = try? decoder.container(keyedBy: AnyCodingKey.self)
    else { return }
    for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue)
    {
        collector.issues.append(
            RegionPackIssue(
                path: RegionPack.jsonPath(decoder.codingPath + [key]),
                message: "unknown field '\(key.stringValue)'; expected one of \(known.sorted().joined(separator: ", "))"
            ))
    }
}

extension RegionPack {
    static func keys<K: CodingKey & CaseIterable>(_: K.Type) -> Set<String> { Set(K.allCases.map(\.stringValue)) }
}
