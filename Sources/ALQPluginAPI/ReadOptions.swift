import ALQRuntime

/// How `open(path, format = …, delimiter = …, header = …, sheet = …, options = {…})` asks a format to
/// read a file.
public struct ReadOptions: Sendable {
    /// The field separator of a delimited file, as one ASCII byte; `nil` for the format's own.
    public var delimiter: UInt8?
    /// Whether the first record names the columns; without a header they are `column1`, `column2`, ….
    public var header: Bool
    /// Options alq does not define itself, in order, passed on to a plugin reader as they are:
    /// `sheet = "Facts"` and the fields of `options = {…}`. The built-in readers take none.
    public var formatOptions: [(name: String, value: Value)]

    public init(delimiter: UInt8? = nil, header: Bool = true, formatOptions: [(name: String, value: Value)] = []) {
        self.delimiter = delimiter
        self.header = header
        self.formatOptions = formatOptions
    }

    /// Whether the options ask for nothing beyond a format's defaults.
    public var isDefault: Bool { delimiter == nil && header && formatOptions.isEmpty }
}

extension ExportFormat {
    /// Reads with options; a format that has none reads only with the defaults.
    public func read(_ bytes: [UInt8], name: String, options: ReadOptions) throws -> Table? {
        guard options.isDefault else {
            throw ReadOptionsError(format: self.name)
        }
        return try read(bytes, name: name)
    }
}

/// A format asked for options it does not have.
public struct ReadOptionsError: Error, CustomStringConvertible {
    public let format: String
    public var description: String { "the \(format) reader takes no delimiter or header options" }
}
