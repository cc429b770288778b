import ALQJSON

/// A list member of a region pack that may be left out (or `null`): it then decodes as empty.
///
/// Its conformances are conditional rather than requirements on `Element`: the metadata of `OrEmpty<String>`,
/// which copying a pack's `region` needs, is then built without looking up `String`'s `Codable`
/// conformances in every conformance record of the binary (docs/benchmarks.md, "Start-up").
@propertyWrapper
public struct OrEmpty<Element>: JSONDefaultValue {
    /// The list.
    public var wrappedValue: [Element]

    /// Wraps a list.
    public init(wrappedValue: [Element]) {
        self.wrappedValue = wrappedValue
    }

    /// An empty list.
    public static var jsonDefault: OrEmpty { OrEmpty(wrappedValue: []) }
}

extension OrEmpty: Sendable where Element: Sendable {}
extension OrEmpty: Equatable where Element: Equatable {}
extension OrEmpty: Hashable where Element: Hashable {}

extension OrEmpty: Decodable where Element: Decodable {
    /// The list, decoded as a plain array.
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }
}

extension OrEmpty: Encodable where Element: Encodable {
    /// Encodes the plain array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension RegionPack.Bound: JSONDefaultValue {
    /// `exact`, when a fact leaves `bound` out.
    public static var jsonDefault: RegionPack.Bound { .exact }
}
