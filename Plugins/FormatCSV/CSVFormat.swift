import ALQPluginAPI
import ALQRuntime
import ALQSystem

/// The CSV export format (RFC 4180), and the reader behind `open("x.csv")`.
///
/// `csv` writes LF line endings and no byte order mark; `csv-excel` (``CSVFormat/excel``) writes a
/// UTF-8 byte order mark and CRLF line endings, which spreadsheet programs expect. Both protect
/// against formula injection (see ``CSVOptions/protectFormulas``). docs/plugins.md describes the rules.
public struct CSVFormat: ExportFormat {
    public let name: String
    public let fileExtensions: [String]
    public let mediaType = "text/csv"
    public let version = "1.0.0"
    /// `open()` reads every CSV format.
    public let reads = true
    /// How the file is written.
    public let options: CSVOptions

    /// The `csv` format: LF line endings, no byte order mark, `.csv` files.
    public init() {
        self.init(name: "csv", fileExtensions: ["csv"], options: CSVOptions())
    }

    /// A CSV format under another name, with other options.
    public init(name: String, fileExtensions: [String], options: CSVOptions) {
        self.name = name
        self.fileExtensions = fileExtensions
        self.options = options
    }

    /// The `csv-excel` format: a UTF-8 byte order mark and CRLF line endings. It claims no file
    /// extension (`.csv` files get `csv`); ask for it by name: `export csv-excel to "x.csv"`.
    public static var excel: CSVFormat {
        CSVFormat(name: "csv-excel", fileExtensions: [], options: CSVOptions(lineEnding: .crlf, byteOrderMark: true))
    }

    public func write(_ table: Table, to output: any OutputSink) throws {
        try CSVWriter(options: options).write(table, to: output)
    }

    public func read(_ bytes: [UInt8], name: String) throws -> Table? {
        try CSVReader.read(bytes, name: name, delimiter: options.delimiter)
    }

    public func read(_ bytes: [UInt8], name: String, options read: ReadOptions) throws -> Table? {
        try CSVReader.read(bytes, name: name, delimiter: read.delimiter ?? options.delimiter, header: read.header)
    }

    /// Reads a regular file a chunk at a time (see ``CSVReader``), never holding all its bytes; `nil`
    /// for anything else (a pipe, standard input), which `open()` then reads whole.
    public func read(path: String, options read: ReadOptions, isCancelled: (() -> Bool)?) throws -> Table? {
        guard read.formatOptions.isEmpty, let file = FileRegions(path: path) else { return nil }
        return try CSVReader.read(
            .file(file, name: path), name: path, delimiter: read.delimiter ?? options.delimiter,
            hasHeader: read.header, isCancelled: isCancelled)
    }

    /// The `tsv` format: fields separated by tabs, `.tsv` and `.tab` files.
    public static var tsv: CSVFormat {
        CSVFormat(name: "tsv", fileExtensions: ["tsv", "tab"], options: CSVOptions(delimiter: UInt8(ascii: "\t")))
    }

    public func readHeader(_ prefix: [UInt8], name: String, isWholeFile: Bool) throws -> TableSchema? {
        CSVReader.readHeader(prefix, name: name, isWholeFile: isWholeFile)
    }
}

/// How a CSV file is written.
public struct CSVOptions: Sendable, Hashable {
    /// The record separator.
    public enum LineEnding: Sendable, Hashable {
        case lf, crlf
    }

    /// LF (the default) or CRLF.
    public var lineEnding: LineEnding
    /// Whether the file starts with the UTF-8 byte order mark (EF BB BF).
    public var byteOrderMark: Bool
    /// The field separator: a comma, or a tab for TSV.
    public var delimiter: UInt8
    /// Whether a string cell that starts with `=`, `+`, `-`, `@`, tab or carriage return (after any
    /// number of `'`) gets one more `'` in front, so that a spreadsheet shows it as text instead of
    /// running it as a formula. Numbers are never changed. `open()` removes the added `'`.
    public var protectFormulas: Bool

    /// Options; the defaults are those of the `csv` format.
    public init(
        lineEnding: LineEnding = .lf, byteOrderMark: Bool = false, protectFormulas: Bool = true,
        delimiter: UInt8 = UInt8(ascii: ",")
    ) {
        self.lineEnding = lineEnding
        self.byteOrderMark = byteOrderMark
        self.delimiter = delimiter
        self.protectFormulas = protectFormulas
    }
}
