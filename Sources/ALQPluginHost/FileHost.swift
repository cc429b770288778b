import ALQEngine
import ALQPluginAPI
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax
import ALQSystem

/// What the engine asks of the outside world: reading files into tables (`open`), writing exports
/// (`export`), and loading region packs and external plugins (`load`).
///
/// Exports to a path are atomic (see ``AtomicFile``). Plugins stay running for the session; call
/// ``shutdown()`` before exiting.
public final class FileHost {
    /// How long plugins may take to answer and how much they may send.
    public var limits: PluginLimits
    /// The plugins loaded so far, in order.
    public private(set) var plugins: [PluginConnection] = []
    /// Asked while exporting and while waiting for a plugin: `true` (the user pressed Ctrl-C) stops
    /// the operation with `E0306`; an export then leaves the old file (or none).
    public var isCancelled: (() -> Bool)?
    /// The size in bytes of the chunks a pipeline over a file is streamed in (see ``openChunks(path:format:options:registry:body:)``);
    /// `nil` for the format's own (8 MiB for CSV). Tests make it small so that small files span many chunks.
    public var chunkSize: Int?

    /// A host whose plugin time limit comes from `ALQ_PLUGIN_TIMEOUT` (10 s by default).
    public init(limits: PluginLimits = PluginLimits(timeout: PluginLocations.timeout)) {
        self.limits = limits
    }

    deinit { shutdown() }

    // MARK: open

    /// Reads a file into a table with the format its extension names (`E0401` when it cannot be read,
    /// `E0105` when no format reads it, `E0402` when it is malformed).
    public func open(path: String, registry: Registry) throws(Diagnostic) -> Table {
        try open(path: path, format: nil, options: ReadOptions(), registry: registry)
    }

    /// Reads a file, or standard input for `-`, with the format named (`E0105` for an unknown name) or
    /// else the one the extension names; standard input without a format is JSON when it starts with
    /// `[` or `{`, and CSV otherwise.
    public func open(path: String, format name: String?, options: ReadOptions, registry: Registry)
        throws(Diagnostic) -> Table
    {
        let standardInput = path == "-"
        let path = standardInput ? "<stdin>" : HomeFolder.expanding(try PathText.checked(path, .cannotOpenFile))
        var input: [UInt8]?
        let chosen: (any ExportFormat)?
        if let name {
            guard let named = registry.format(named: name) else {
                let names = registry.formats.map(\.format.name)
                throw Diagnostic(
                    .unknownFormat, "unknown format '\(name)'",
                    help: Suggestion.didYouMean(name, among: names)
                        ?? "formats that read files: \(readableExtensions(registry))")
            }
            chosen = named
        } else if standardInput {
            let bytes = try readStandardInput()
            input = bytes
            let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
            chosen = registry.format(named: first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? "json" : "csv")
        } else {
            chosen = registry.format(forPath: path)
        }
        guard let format = chosen else {
            throw Diagnostic(
                .unknownFormat, "cannot open '\(path)': no registered format reads files of this kind",
                help:
                    "formats that read files: \(readableExtensions(registry)); or name one: open(path, format = \"csv\")"
            )
        }
        if let plugin = format as? PluginFormat, plugin.reads {
            if standardInput {
                throw Diagnostic(
                    .cannotOpenFile,
                    "cannot open standard input with the \(format.name) reader: a plugin reads files only",
                    help: "save the input to a file first")
            }
            try checkReadable(path)
        }
        do {
            if !standardInput, let table = try format.read(path: path, options: options, isCancelled: isCancelled) {
                return table
            }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.malformedData, "cannot read '\(path)': \(error)")
        }
        if let option = options.formatOptions.first {
            throw Diagnostic(
                .invalidArgument, "cannot open '\(path)': the \(format.name) reader takes no option '\(option.name)'",
                help: "options other than delimiter and header are for readers from plugins (docs/plugins.md)")
        }
        let bytes: [UInt8]
        if let input { bytes = input } else { bytes = try readFile(path) }
        do {
            guard let table = try format.read(bytes, name: path, options: options) else {
                throw Diagnostic(
                    .unknownFormat,
                    "cannot open '\(path)': the format '\(format.name)' writes files but cannot read them",
                    help: "formats that read files: \(readableExtensions(registry))")
            }
            return table
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as ReadOptionsError {
            throw Diagnostic(.invalidArgument, "cannot open '\(path)': \(error)")
        } catch {
            throw Diagnostic(.malformedData, "cannot read '\(path)': \(error)")
        }
    }

    /// `E0401` unless `path` names a file that exists and is not a folder (what a plugin reader is given).
    func checkReadable(_ path: String) throws(Diagnostic) {
        switch FileSystem.kind(of: path) {
        case .missing: throw Diagnostic(.cannotOpenFile, "cannot open '\(path)': no such file")
        case .directory: throw Diagnostic(.cannotOpenFile, "cannot open '\(path)': it is a directory")
        default: break
        }
    }

    /// A whole file (bounded, see ``FileContents``), or `E0401` saying why it cannot be read.
    func readFile(_ path: String) throws(Diagnostic) -> [UInt8] {
        do {
            return try FileContents.read(path, isCancelled: isCancelled)
        } catch .interrupted {
            throw Diagnostic(.interrupted, "interrupted while reading '\(path)'")
        } catch {
            throw Diagnostic(.cannotOpenFile, "cannot open '\(path)': \(error)")
        }
    }

    /// Standard input to its end (bounded as a stream, see ``FileContents``), for `open("-")`.
    func readStandardInput() throws(Diagnostic) -> [UInt8] {
        do {
            return try FileContents.readAll(from: .standardInput, isCancelled: isCancelled)
        } catch .interrupted {
            throw Diagnostic(.interrupted, "interrupted while reading standard input")
        } catch {
            throw Diagnostic(.cannotOpenFile, "cannot read standard input: \(error)")
        }
    }

    private func readableExtensions(_ registry: Registry) -> String {
        registry.formats.filter(\.format.reads).flatMap { $0.format.fileExtensions.map { ".\($0)" } }
            .joined(separator: ", ")
    }

    // MARK: export

    /// Writes a table with `format` to `path`, atomically, or to standard output when `path` is `nil`.
    public func export(_ table: Table, format: any ExportFormat, path: String?) throws(Diagnostic) {
        guard let path else {
            return try write(
                table, format: format, to: DescriptorSink.standardOutput(isCancelled: isCancelled),
                label: "standard output")
        }
        let target = HomeFolder.expanding(try PathText.checked(path, .exportFailed))
        try replaceAtomically(target) { (sink) throws(Diagnostic) in
            try write(table, format: format, to: sink, label: "'\(target)'")
        }
    }

    public func export(_ chart: Chart, format: any ChartFormat, path: String?) throws(Diagnostic) {
        guard let path else {
            return try write(
                label: "standard output", format: format, to: DescriptorSink.standardOutput(isCancelled: isCancelled)
            ) { try format.write(chart, to: $0) }
        }
        let target = HomeFolder.expanding(try PathText.checked(path, .exportFailed))
        try replaceAtomically(target) { (sink) throws(Diagnostic) in
            try write(label: "'\(target)'", format: format, to: sink) { try format.write(chart, to: $0) }
        }
    }

    /// Replaces `target` with what `body` writes to a sink (see ``AtomicFile``): `E0403` when it
    /// cannot, `E0306` when the user interrupts.
    private func replaceAtomically(_ target: String, _ body: (DescriptorSink) throws(Diagnostic) -> Void)
        throws(Diagnostic)
    {
        do {
            try AtomicFile.replace(target) { temporary in
                try body(
                    DescriptorSink(
                        descriptor: temporary.descriptor.rawValue, label: "'\(target)'",
                        tableName: FileSystem.baseName(of: target), isCancelled: isCancelled))
            }
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let failure as AtomicFile.Failure {
            throw Diagnostic(.exportFailed, "cannot export to '\(target)': \(failure)", help: failure.suggestion)
        } catch {
            throw Diagnostic(.exportFailed, "cannot export to '\(target)': \(error)")
        }
    }

    /// Runs a format's writer on a sink, turning its failure into a diagnostic.
    private func write(
        label: String, format: any ExportFormat, to sink: any OutputSink, _ body: (any OutputSink) throws -> Void
    ) throws(Diagnostic) {
        do {
            try body(sink)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.exportFailed, "cannot export \(format.name) to \(label): \(error)")
        }
    }

    /// Writes a table to any sink, turning a format's failure into a diagnostic.
    public func write(_ table: Table, format: any ExportFormat, to sink: any OutputSink, label: String)
        throws(Diagnostic)
    {
        try write(label: label, format: format, to: sink) { try format.write(table, to: $0) }
    }

    /// The format for `export [NAME] [to PATH]`: the named one, else the one the path's extension
    /// names. `E0105` for an unknown name or extension, with the closest name as a suggestion.
    public static func resolveFormat(name: String?, path: String?, registry: Registry) throws(Diagnostic)
        -> any ExportFormat
    {
        let names = registry.formats.map(\.format.name)
        if let name {
            if let format = registry.format(named: name) { return format }
            throw Diagnostic(
                .unknownFormat, "unknown format '\(name)'",
                help: Suggestion.didYouMean(name, among: names)
                    ?? "registered formats: \(names.joined(separator: ", "))")
        }
        guard let path else {
            throw Diagnostic(.unknownFormat, "export needs a format or a path", help: "for example: export csv")
        }
        if let format = registry.format(forPath: path) { return format }
        throw Diagnostic(
            .unknownFormat, "cannot tell the format of '\(path)' from its extension",
            help: "name one, as in: export csv to \"\(path)\" (registered formats: \(names.joined(separator: ", ")))")
    }

    // MARK: load

    /// Loads a region pack (a `.json` file) or an external plugin (any other path), registers what
    /// it offers, and returns a one-line message such as `loaded region Hainan from packs/hainan.json`.
    public func load(path: String, registry: Registry) throws(Diagnostic) -> String {
        let path = HomeFolder.expanding(try PathText.checked(path, .cannotOpenFile))
        if PluginLocations.isPack(path) { return try loadPack(path: path, registry: registry) }
        return try loadPlugin(path: path, registry: registry)
    }

    private func loadPack(path: String, registry: Registry) throws(Diagnostic) -> String {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch  where error.code == .cannotOpenFile {
            throw Diagnostic(.invalidPack, "cannot load region pack" + error.message.dropFirst("cannot open".count))
        }
        let module = try RegionPackLoading.module(from: bytes, file: path, registry: registry)
        try registry.register(region: module, origin: .pack(path: path))
        return "loaded region \(module.info.name) from \(path)"
    }

    private func loadPlugin(path: String, registry: Registry) throws(Diagnostic) -> String {
        try PluginLocations.checkRunnable(path)
        let connection = try PluginConnection(path: path, limits: limits) { [weak self] in self?.isCancelled?() ?? false
        }
        do {
            var offered: [String] = []
            for format in connection.description.formats {
                try registry.register(format: PluginFormat(format, connection: connection), origin: .plugin(path: path))
                offered.append("format \(format.name)")
            }
            if connection.protocolVersion >= 2, connection.offers(.regionPack) {
                let module = try connection.regionPack(registry: registry)
                try registry.register(region: module, origin: .plugin(path: path))
                offered.append("region \(module.info.name)")
            } else if let described = connection.description.region {
                let info = RegionInfo(
                    id: described.id, name: described.name, chinese: described.chinese, pinyin: described.pinyin,
                    aliases: described.aliases, level: described.level, parent: described.parent,
                    summary: described.summary)
                let region = try PluginRegion(
                    info: info, connection: connection, tableNames: connection.description.tables)
                try registry.register(region: region, origin: .plugin(path: path))
                offered.append("region \(info.name)")
            }
            for function in connection.description.functions { offered.append("function \(function.name)") }
            plugins.append(connection)
            let what = offered.isEmpty ? "" : ": " + offered.joined(separator: ", ")
            let version = connection.version.isEmpty ? "" : " \(connection.version)"
            return "loaded plugin \(connection.name)\(version) from \(path)\(what)"
        } catch {
            connection.close()
            throw error
        }
    }

    /// Loads, in order, the plugin folder's plugins and packs, then `ALQ_PLUGIN_PATH`'s entries
    /// (files, or folders of them), then `explicit` (the `--plugin` paths); see
    /// ``PluginLocations/startupPaths(explicit:environment:)``. Failures do not stop the others; each
    /// is returned.
    public func loadStartupModules(
        explicit: [String], registry: Registry, environment: [String: String]? = nil
    ) -> (messages: [String], diagnostics: [Diagnostic]) {
        let paths = PluginLocations.startupPaths(explicit: explicit, environment: environment)
        var messages: [String] = []
        var diagnostics: [Diagnostic] = []
        // Packs found in the plugin folder or ALQ_PLUGIN_PATH are checked as plugins are: no other user
        // may replace them. Those named with --plugin are the user's own choice, as with `load`.
        let found = paths.count - explicit.count
        for (index, path) in paths.enumerated() {
            do {
                if index < found, PluginLocations.isPack(path) { try PluginLocations.checkPack(path) }
                messages.append(try load(path: path, registry: registry))
            } catch {
                diagnostics.append(error)
            }
        }
        return (messages, diagnostics)
    }

    // MARK: functions

    /// The plugin functions by name (the first plugin to offer a name wins).
    public var functionNames: [String] {
        var names: [String] = []
        for plugin in plugins { names += plugin.description.functions.map(\.name).filter { !names.contains($0) } }
        return names
    }

    /// Calls a plugin function by name, or returns `nil` when no plugin offers it.
    public func callFunction(_ name: String, arguments: [Value]) throws(Diagnostic) -> Value? {
        guard let plugin = plugins.first(where: { $0.description.functions.contains { $0.name == name } }) else {
            return nil
        }
        return try plugin.call(function: name, arguments: arguments)
    }

    /// Ends every plugin process.
    public func shutdown() {
        for plugin in plugins { plugin.close() }
        plugins = []
    }
}

extension FileHost: EngineHost {}
