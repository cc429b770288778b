/// A `Decoder` over a parsed ``JSONTree``: Codable types decode from it with the same errors
/// (coding paths, "Expected to decode … but found …") a general-purpose JSON decoder gives.
struct JSONTreeDecoder: Decoder {
    let tree: JSONTree
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    init(_ tree: JSONTree, codingPath: [any CodingKey] = [], userInfo: [CodingUserInfoKey: Any] = [:]) {
        self.tree = tree
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = tree else {
            throw JSONTreeDecoder.mismatch([String: JSONTree].self, tree, codingPath)
        }
        return KeyedDecodingContainer(Keyed<Key>(fields: fields, codingPath: codingPath, userInfo: userInfo))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = tree else { throw JSONTreeDecoder.mismatch([JSONTree].self, tree, codingPath) }
        return Unkeyed(items: items, codingPath: codingPath, userInfo: userInfo)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(tree: tree, codingPath: codingPath, userInfo: userInfo)
    }

    static func describe(_ tree: JSONTree) -> String {
        switch tree {
        case .object: "a dictionary"
        case .array: "an array"
        case .string: "a string"
        case .number: "number"
        case .bool: "bool"
        case .null: "null"
        }
    }

    static func mismatch(_ type: Any.Type, _ tree: JSONTree, _ path: [any CodingKey]) -> DecodingError {
        if case .null = tree {
            return .valueNotFound(
                type, .init(codingPath: path, debugDescription: "Expected \(type) value but found null instead."))
        }
        return .typeMismatch(
            type,
            .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(describe(tree)) instead.")
        )
    }

    static func primitive<T: Decodable>(
        _ type: T.Type, _ tree: JSONTree, _ path: [any CodingKey], _ userInfo: [CodingUserInfoKey: Any]
    ) throws -> T {
        switch tree {
        case .string(let text) where type == String.self: return text as! T
        case .bool(let flag) where type == Bool.self: return flag as! T
        case .number(let number) where type == Double.self: return number as! T
        case .number(let number) where type == Int.self:
            guard abs(number) < 9e15 else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: path, debugDescription: "Number \(number) is out of range (at most ±9e15)."))
            }
            guard number == number.rounded() else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: path, debugDescription: "Number \(number) is not a whole number."))
            }
            return Int(number) as! T
        default:
            if type == String.self || type == Bool.self || type == Double.self || type == Int.self {
                throw mismatch(type, tree, path)
            }
            return try T(from: JSONTreeDecoder(tree, codingPath: path, userInfo: userInfo))
        }
    }

    /// A coding key for array positions and superDecoder.
    struct IndexKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            self.stringValue = "Index \(intValue)"
            self.intValue = intValue
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [String: JSONTree]
        let codingPath: [any CodingKey]
        let userInfo: [CodingUserInfoKey: Any]

        var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

        private func field(_ key: Key) throws -> JSONTree {
            guard let value = fields[key.stringValue] else {
                throw DecodingError.keyNotFound(
                    key,
                    .init(
                        codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try field(key) { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONTreeDecoder.primitive(type, try field(key), codingPath + [key], userInfo)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try JSONTreeDecoder(try field(key), codingPath: codingPath + [key], userInfo: userInfo).container(
                keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONTreeDecoder(try field(key), codingPath: codingPath + [key], userInfo: userInfo).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            JSONTreeDecoder(.object(fields), codingPath: codingPath, userInfo: userInfo)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONTreeDecoder(fields[key.stringValue] ?? .null, codingPath: codingPath + [key], userInfo: userInfo)
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONTree]
        let codingPath: [any CodingKey]
        let userInfo: [CodingUserInfoKey: Any]
        var currentIndex = 0

        init(items: [JSONTree], codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
            self.items = items
            self.codingPath = codingPath
            self.userInfo = userInfo
        }

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next(_ type: Any.Type) throws -> (JSONTree, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    type,
                    .init(
                        codingPath: codingPath + [IndexKey(intValue: currentIndex)],
                        debugDescription: "Unkeyed container is at end."))
            }
            let item = items[currentIndex]
            let path = codingPath + [IndexKey(intValue: currentIndex)]
            currentIndex += 1
            return (item, path)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { return false }
            if case .null = items[currentIndex] {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (item, path) = try next(type)
            return try JSONTreeDecoder.primitive(type, item, path, userInfo)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let (item, path) = try next(type)
            return try JSONTreeDecoder(item, codingPath: path, userInfo: userInfo).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (item, path) = try next([JSONTree].self)
            return try JSONTreeDecoder(item, codingPath: path, userInfo: userInfo).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (item, path) = try next(JSONTree.self)
            return JSONTreeDecoder(item, codingPath: path, userInfo: userInfo)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let tree: JSONTree
        let codingPath: [any CodingKey]
        let userInfo: [CodingUserInfoKey: Any]

        func decodeNil() -> Bool {
            if case .null = tree { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONTreeDecoder.primitive(type, tree, codingPath, userInfo)
        }
    }
}
