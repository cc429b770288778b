import ALQJSON

/// A flag of a region pack that may be left out (or `null`): it then decodes as `false`.
@propertyWrapper
public struct FalseByDefault: Codable, Sendable, Hashable, JSONDefaultValue {
    /// The flag.
    public var wrappedValue: Bool

    /// Wraps a flag.
    public init(wrappedValue: Bool) {
        self.wrappedValue = wrappedValue
    }

    /// The flag, decoded as a plain bool.
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Bool.self)
    }

    /// Encodes the plain bool.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }

    /// `false`.
    public static var jsonDefault: FalseByDefault { FalseByDefault(wrappedValue: false) }
}
