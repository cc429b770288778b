import ALQJSON

// Reading a pack's `alq_pack` and `region` by hand, for registering a module at start-up: the
// `Decodable` path costs most of a tiny command's registration (the Swift runtime builds the generic
// metadata of the decoding containers from mangled names on first use). The result and the first problem
// reported are those of decoding the same members with `JSONValueDecoder` (pinned case by case by
// `RegionHeaderDecodingTests`).

extension RegionPack {
    /// Reads `alq_pack` and `region` from the members of a pack's top-level object, in the order the
    /// `Decodable` conformances read them, and throws the first problem as they would.
    static func header(from members: JSONObject, file: String) throws(RegionPackError) -> (alqPack: Int, region: Region)
    {
        do throws(HeaderProblem) {
            let alqPack = try HeaderField.integer(members, "alq_pack", path: "")
            guard let value = members["region"] else { throw HeaderField.missing("region", path: "") }
            guard case .object(let object) = value else {
                throw HeaderField.mismatch(value, "an object", path: "region")
            }
            let path = "region"
            let region = Region(
                id: try HeaderField.string(object, "id", path: path),
                name: try HeaderField.string(object, "name", path: path),
                chinese: try HeaderField.optionalString(object, "chinese", path: path),
                pinyin: try HeaderField.optionalString(object, "pinyin", path: path),
                aliases: try HeaderField.strings(object, "aliases", path: path),
                level: try HeaderField.string(object, "level", path: path),
                parent: try HeaderField.optionalString(object, "parent", path: path),
                summary: try HeaderField.string(object, "summary", path: path),
                version: try HeaderField.string(object, "version", path: path))
            return (alqPack, region)
        } catch {
            throw RegionPackError(file: file, issues: [error.issue])
        }
    }
}

/// The first problem found in a header, as ``RegionPack/issue(from:)`` words the `DecodingError` of
/// the same member.
struct HeaderProblem: Error {
    var issue: RegionPackIssue
}

/// Reading one member of a header object; `path` is the object's JSON path (empty for the document).
enum HeaderField {
    static func string(_ object: JSONObject, _ key: String, path: String) throws(HeaderProblem) -> String {
        guard let value = object[key] else { throw missing(key, path: path) }
        guard case .string(let text) = value else { throw mismatch(value, "a string", path: join(path, key)) }
        return text
    }

    /// A member left out or `null` is `nil`, as `decodeIfPresent` has it.
    static func optionalString(_ object: JSONObject, _ key: String, path: String) throws(HeaderProblem) -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard case .string(let text) = value else { throw mismatch(value, "a string", path: join(path, key)) }
        return text
    }

    /// A list of strings; left out or `null` it is empty, as ``OrEmpty`` has it.
    static func strings(_ object: JSONObject, _ key: String, path: String) throws(HeaderProblem) -> [String] {
        guard let value = object[key], !value.isNull else { return [] }
        let listPath = join(path, key)
        guard case .array(let items) = value else { throw mismatch(value, "an array", path: listPath) }
        var texts: [String] = []
        texts.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else { throw mismatch(item, "a string", path: "\(listPath)[\(index)]") }
            texts.append(text)
        }
        return texts
    }

    static func integer(_ object: JSONObject, _ key: String, path: String) throws(HeaderProblem) -> Int {
        guard let value = object[key] else { throw missing(key, path: path) }
        guard case .number(let number) = value else { throw mismatch(value, "an integer", path: join(path, key)) }
        guard let integer = number.int else {
            let whole = number.double.isFinite && number.double == number.double.rounded()
            let problem = whole ? "is out of range for a whole number" : "is not a whole number"
            throw HeaderProblem(
                issue: RegionPackIssue(path: join(path, key), message: "Number \(number.text) \(problem)."))
        }
        return integer
    }

    static func missing(_ key: String, path: String) -> HeaderProblem {
        HeaderProblem(issue: RegionPackIssue(path: join(path, key), message: "missing required field '\(key)'"))
    }

    /// `expected`, and what the value is instead, in the words of the `Decodable` path.
    static func mismatch(_ value: JSONValue, _ expected: String, path: String) -> HeaderProblem {
        let found =
            switch value {
            case .null: "null"
            case .object: "a dictionary"
            case .array: "an array"
            case .string: "a string"
            case .number: "a number"
            case .bool: "bool"
            }
        return HeaderProblem(issue: RegionPackIssue(path: path, message: "expected \(expected), found \(found)"))
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
