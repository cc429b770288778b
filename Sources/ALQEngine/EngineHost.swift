import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// What the engine asks of the world outside the language: files, exports and plugins.
///
/// The language itself has no file-system code; the shell supplies a host.
public protocol EngineHost: AnyObject {
    /// Reads a data file (`open("facts.csv")`) as a table.
    func open(path: String, registry: Registry) throws(Diagnostic) -> Table
    /// The columns `open(path)` would give, from the file's header alone; `nil` when they cannot be
    /// told without reading the whole file (or the file cannot be read).
    func header(path: String, registry: Registry) -> TableSchema?
    /// Reads a data file with a format named or inferred, and reader options; `-` is standard input.
    func open(path: String, format: String?, options: ReadOptions, registry: Registry) throws(Diagnostic) -> Table
    /// Reads a data file a chunk of records at a time when its format can (see ``ChunkedReader``),
    /// handing each chunk to `body` as a table; `false` when it cannot, or when not every chunk was
    /// handed over (the caller then opens the file whole, which gives any error to report). With
    /// `columns`, the chunks may hold only the columns so named (see ``ChunkedReader``).
    func openChunks(
        path: String, format: String?, options: ReadOptions, columns: Set<String>?, registry: Registry,
        body: (Table) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) -> Bool
    /// Writes a table in a format to a path, atomically, or to standard output when `path` is nil.
    func export(_ table: Table, format: any ExportFormat, path: String?) throws(Diagnostic)
    /// Writes a chart in a chart format to a path, atomically, or to standard output when `path` is nil.
    func export(_ chart: Chart, format: any ChartFormat, path: String?) throws(Diagnostic)
    /// Loads a region pack or an external plugin (`load "path"`), returning a one-line message.
    func load(path: String, registry: Registry) throws(Diagnostic) -> String
    /// Calls a function a plugin offers, or returns `nil` when no plugin offers `name`.
    func callFunction(_ name: String, arguments: [Value]) throws(Diagnostic) -> Value?
    /// The names of the functions plugins offer.
    var functionNames: [String] { get }
}

extension EngineHost {
    public func header(path: String, registry: Registry) -> TableSchema? { nil }
    public func open(path: String, format: String?, options: ReadOptions, registry: Registry) throws(Diagnostic)
        -> Table
    {
        guard format == nil, options.isDefault else {
            throw Diagnostic(.invalidArgument, "this host reads files only with their default format and options")
        }
        return try open(path: path, registry: registry)
    }

    public func openChunks(
        path: String, format: String?, options: ReadOptions, columns: Set<String>?, registry: Registry,
        body: (Table) throws(Diagnostic) -> Bool
    ) throws(Diagnostic) -> Bool { false }

    public func callFunction(_ name: String, arguments: [Value]) throws(Diagnostic) -> Value? { nil }
    public var functionNames: [String] { [] }
}
