import ALQJSON

/// A list member of a region pack that may be left out (or `null`): it then decodes as empty.
@propertyWrapper
public struct OrEmpty<Element: Codable & Sendable & Hashable>: Codable, Sendable, Hashable, JSONDefaultValue {
    /// The list.
    public var wrappedValue: [Element]

    /// Wraps a list.
    public init(wrappedValue: [Element]) {
        self.wrappedValue = wrappedValue
    }

    /// The list, decoded as a plain array.
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }

    /// Encodes the plain array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }

    /// An empty list.
    public static var jsonDefault: OrEmpty { OrEmpty(wrappedValue: []) }
}

extension RegionPack.Bound: JSONDefaultValue {
    /// `exact`, when a fact leaves `bound` out.
    public static var jsonDefault: RegionPack.Bound { .exact }
}
