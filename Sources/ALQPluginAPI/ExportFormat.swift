import ALQRuntime

/// An export format: writes a table to a byte stream, and optionally reads one back (`open`).
public protocol ExportFormat: Sendable {
    /// The name used in `export NAME` and `--format NAME`, such as `csv`.
    var name: String { get }
    /// File extensions without the dot, used to infer the format from a path.
    var fileExtensions: [String] { get }
    /// The media type, such as `text/csv`.
    var mediaType: String { get }
    /// The module's version, shown in the `modules` table.
    var version: String { get }
    /// Writes a whole table, streaming it to `output` in pieces.
    func write(_ table: Table, to output: any OutputSink) throws
    /// Reads a table from a file's bytes, or returns `nil` when the format cannot be read.
    func read(_ bytes: [UInt8], name: String) throws -> Table?
    /// The columns a file holds, from its header alone, without reading its rows (for completion and
    /// static checks); `nil` when the format cannot tell them that way. `prefix` is the start of the
    /// file, or all of it when `isWholeFile`; answer `nil` when the header may go on past the prefix.
    func readHeader(_ prefix: [UInt8], name: String, isWholeFile: Bool) throws -> TableSchema?
    /// Reads with `open()`'s options (see ``ReadOptions``); formats without options reject any.
    func read(_ bytes: [UInt8], name: String, options: ReadOptions) throws -> Table?
    /// Reads the file at `path` itself rather than from bytes alq read (plugin readers, which open the
    /// file in their own process); `nil` when the format reads bytes (the others above). `isCancelled`
    /// says when the user pressed Ctrl-C.
    func read(path: String, options: ReadOptions, isCancelled: (() -> Bool)?) throws -> Table?
    /// Whether `open()` can read this format (listed in the `formats` table's `read` column).
    var reads: Bool { get }
    /// Whether `export` can write this format (the `formats` table's `write` column).
    var writes: Bool { get }
    /// Whether the format writes a list as a structured value (a JSON array) rather than as text in
    /// one cell; decides how `export … with fact_ids` writes each row's ids. False unless declared.
    var writesLists: Bool { get }
}

extension ExportFormat {
    public var writesLists: Bool { false }
    public func read(_ bytes: [UInt8], name: String) throws -> Table? { nil }
    public func read(path: String, options: ReadOptions, isCancelled: (() -> Bool)?) throws -> Table? { nil }
    public var reads: Bool { false }
    public var writes: Bool { true }
    public func readHeader(_ prefix: [UInt8], name: String, isWholeFile: Bool) throws -> TableSchema? { nil }
}

/// Where exported bytes go: standard output, a temporary file, a plugin's pipe, memory.
public protocol OutputSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// A name for the table written, when the destination gives one (the base name of the file an
    /// export writes, `facts` for `facts.xlsx`); a format may use it, as the xlsx plugin names its sheet.
    var tableName: String? { get }
}

extension OutputSink {
    public var tableName: String? { nil }

    /// Writes a string's UTF-8 bytes.
    public func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// An output sink that keeps everything in memory.
public final class MemorySink: OutputSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ buffer: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: buffer)
    }

    /// What was written, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
