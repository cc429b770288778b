/// Decodes `Decodable` types from a ``JSONValue``, with the errors a general-purpose JSON decoder gives
/// (`DecodingError`s with coding paths), plus three things done once for every type:
///
/// - a member whose key the type's `CodingKeys` do not know is reported to ``unknownKey`` (with the
///   known keys when the `CodingKeys` are `CaseIterable`), so a misspelt field is never ignored;
/// - a string that is not one of a `CaseIterable` enumeration's raw values fails with
///   "expected one of …, found '…'";
/// - a missing (or `null`) member of a type conforming to ``JSONDefaultValue`` takes that type's default.
public struct JSONValueDecoder {
    /// A member the decoded type does not define.
    public struct UnknownKey {
        /// The path of the object holding the member.
        public var codingPath: [any CodingKey]
        /// The member's key.
        public var key: String
        /// The keys the type defines, sorted; empty when its `CodingKeys` are not `CaseIterable`.
        public var knownKeys: [String]
    }

    /// Called for every member no `CodingKeys` knows, objects in decoding order, keys sorted.
    public var unknownKey: ((UnknownKey) -> Void)?

    /// A decoder; set ``unknownKey`` to hear about unknown members.
    public init(unknownKey: ((UnknownKey) -> Void)? = nil) {
        self.unknownKey = unknownKey
    }

    /// Decodes a value of `type` from `value`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try Decoding(value: value, codingPath: [], options: self).decode(type)
    }
}

/// A type with a value that a missing or `null` object member decodes to (an empty list, a default
/// enumeration case).
public protocol JSONDefaultValue {
    /// The value of a missing member.
    static var jsonDefault: Self { get }
}

/// A coding key for array positions.
struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

/// The `Decoder` at one place in the tree.
private struct Decoding: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let options: JSONValueDecoder
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: Any].self) }
        if let report = options.unknownKey {
            let unknown = object.keys.filter { Key(stringValue: $0) == nil }.sorted()
            if !unknown.isEmpty {
                let known = knownKeys(Key.self)
                for key in unknown { report(.init(codingPath: codingPath, key: key, knownKeys: known)) }
            }
        }
        return KeyedDecodingContainer(Keyed<Key>(object: object, codingPath: codingPath, options: options))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([Any].self) }
        return Unkeyed(items: items, codingPath: codingPath, options: options)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoding: self) }

    func mismatch(_ type: Any.Type) -> DecodingError {
        if case .null = value {
            return .valueNotFound(
                type, .init(codingPath: codingPath, debugDescription: "Expected \(type) value but found null instead."))
        }
        let found =
            switch value {
            case .object: "a dictionary"
            case .array: "an array"
            case .string: "a string"
            case .number: "number"
            case .bool: "bool"
            case .null: "null"
            }
        return .typeMismatch(
            type,
            .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(found) instead."))
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch value {
        case .string(let text) where type == String.self: return text as! T
        case .bool(let flag) where type == Bool.self: return flag as! T
        case .number(let number) where type == Double.self: return number.double as! T
        case .number(let number) where type == Int.self:
            guard let integer = number.int else {
                let whole = number.double.isFinite && number.double == number.double.rounded()
                let problem = whole ? "is out of range for a whole number" : "is not a whole number"
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "Number \(number.text) \(problem)."))
            }
            return integer as! T
        default:
            if type == String.self || type == Bool.self || type == Double.self || type == Int.self {
                throw mismatch(type)
            }
            if case .string(let text) = value, let allowed = rawValues(T.self) {
                do {
                    return try T(from: self)
                } catch DecodingError.dataCorrupted {
                    throw DecodingError.dataCorrupted(
                        .init(
                            codingPath: codingPath,
                            debugDescription: "expected one of \(allowed.joined(separator: ", ")), found '\(text)'"))
                }
            }
            return try T(from: self)
        }
    }

    func child(_ value: JSONValue, _ key: any CodingKey) -> Decoding {
        Decoding(value: value, codingPath: codingPath + [key], options: options)
    }
}

/// The key names of `CaseIterable` coding keys, sorted.
private func knownKeys<Key: CodingKey>(_: Key.Type) -> [String] {
    guard let iterable = Key.self as? any CaseIterable.Type else { return [] }
    return names(iterable.allCases).sorted()
}

private func names<C: Collection>(_ keys: C) -> [String] {
    keys.compactMap { ($0 as? any CodingKey)?.stringValue }
}

/// The raw values of a `CaseIterable` enumeration of strings, in declaration order.
private func rawValues(_ type: Any.Type) -> [String]? {
    guard let iterable = type as? any CaseIterable.Type else { return nil }
    let values = strings(iterable.allCases)
    return values.isEmpty ? nil : values
}

private func strings<C: Collection>(_ cases: C) -> [String] {
    cases.compactMap { ($0 as? any RawRepresentable).flatMap { rawValue(of: $0) } }
}

private func rawValue<R: RawRepresentable>(of value: R) -> String? { value.rawValue as? String }

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]
    let options: JSONValueDecoder

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    private func decoding(_ key: Key) throws -> Decoding {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue).")
            )
        }
        return Decoding(value: value, codingPath: codingPath + [key], options: options)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try decoding(key).value.isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if object[key.stringValue]?.isNull ?? true, let defaulted = type as? any JSONDefaultValue.Type {
            return defaulted.jsonDefault as! T
        }
        return try decoding(key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoding(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoding(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        Decoding(value: .object(object), codingPath: codingPath, options: options)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        Decoding(value: object[key.stringValue] ?? .null, codingPath: codingPath + [key], options: options)
    }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    let options: JSONValueDecoder
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey], options: JSONValueDecoder) {
        self.items = items
        self.codingPath = codingPath
        self.options = options
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next(_ type: Any.Type) throws -> Decoding {
        let key = IndexKey(intValue: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath + [key], debugDescription: "Unkeyed container is at end."))
        }
        currentIndex += 1
        return Decoding(value: items[currentIndex - 1], codingPath: codingPath + [key], options: options)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next(type).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}

private struct Single: SingleValueDecodingContainer {
    let decoding: Decoding
    var codingPath: [any CodingKey] { decoding.codingPath }

    func decodeNil() -> Bool { decoding.value.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoding.decode(type) }
}
