import ALQPluginAPI
import ALQRuntime

/// The `json` format: one array of objects, one object per row, in column order (RFC 8259).
///
/// Numbers are JSON numbers in the shortest form that reads back exactly (integers without `.0`),
/// null is `null`, a quantity is a number in its base unit with the unit in a companion key (see
/// `ExportLayout`). `open("x.json")` reads such an array back, with typed columns.
public struct JSONFormat: ExportFormat {
    public let name = "json"
    public let fileExtensions = ["json"]
    public let mediaType = "application/json"
    public let version = "1.0.0"
    /// `open()` reads it.
    public let reads = true
    /// Lists are JSON arrays.
    public let writesLists = true

    public init() {}

    public func write(_ table: Table, to output: any OutputSink) throws {
        try JSONTableWriter(style: .array).write(table, to: output)
    }

    public func read(_ bytes: [UInt8], name: String) throws -> Table? {
        try JSONTableReader.read(bytes, name: name, style: .array)
    }
}

/// The `ndjson` format: newline-delimited JSON, one object per line and nothing else.
public struct NDJSONFormat: ExportFormat {
    public let name = "ndjson"
    public let fileExtensions = ["ndjson", "jsonl"]
    public let mediaType = "application/x-ndjson"
    public let version = "1.0.0"
    /// `open()` reads it.
    public let reads = true
    /// Lists are JSON arrays.
    public let writesLists = true

    public init() {}

    public func write(_ table: Table, to output: any OutputSink) throws {
        try JSONTableWriter(style: .lines).write(table, to: output)
    }

    public func read(_ bytes: [UInt8], name: String) throws -> Table? {
        try JSONTableReader.read(bytes, name: name, style: .lines)
    }
}

/// How rows are laid out.
enum JSONStyle {
    /// `[`, one object per line (indented by two spaces, comma-separated), `]`.
    case array
    /// One object per line.
    case lines
}
