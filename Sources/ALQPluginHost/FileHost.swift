import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// What the engine asks of the outside world: reading files into tables (`open`), writing exports
/// (`export`), and loading region packs and external plugins (`load`).
///
/// Exports to a path are atomic (see `AtomicFile`). Plugins stay running for the session; call
/// ``shutdown()`` before exiting.
public final class FileHost {
    /// How long plugins may take to answer and how much they may send.
    public var limits: PluginLimits
    /// The plugins loaded so far, in order.
    public private(set) var plugins: [PluginConnection] = []
    /// Asked while exporting and while waiting for a plugin: `true` (the user pressed Ctrl-C) stops
    /// the operation with `E0306`; an export then leaves the old file (or none).
    public var isCancelled: (() -> Bool)?

    /// A host whose plugin time limit comes from `ALQ_PLUGIN_TIMEOUT` (10 s by default).
    public init(limits: PluginLimits = PluginLimits(timeout: PluginLocations.timeout)) {
        self.limits = limits
    }

    deinit { shutdown() }

    // MARK: open

    /// Reads a file into a table with the format its extension names (`E0401` when it cannot be read,
    /// `E0105` when no format reads it, `E0402` when it is malformed).
    public func open(path: String, registry: Registry) throws(Diagnostic) -> Table {
        let path = PluginLocations.expandingHome(try PathText.checked(path, .cannotOpenFile))
        guard let format = registry.format(forPath: path) else {
            throw Diagnostic(
                .unknownFormat, "cannot open '\(path)': no registered format reads files of this kind",
                help: "formats that read files: \(readableExtensions(registry))")
        }
        let bytes = try FileSystem.readFile(path)
        do {
            guard let table = try format.read(bytes, name: path) else {
                throw Diagnostic(
                    .unknownFormat,
                    "cannot open '\(path)': the format '\(format.name)' writes files but cannot read them",
                    help: "formats that read files: \(readableExtensions(registry))")
            }
            return table
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.malformedData, "cannot read '\(path)': \(error)")
        }
    }

    private func readableExtensions(_ registry: Registry) -> String {
        // A format that cannot read returns nil; one that can either reads or rejects empty input.
        let readable = registry.formats.filter { entry in
            do {
                return try entry.format.read([], name: "") != nil
            } catch {
                return true
            }
        }
        return readable.flatMap { $0.format.fileExtensions.map { ".\($0)" } }.joined(separator: ", ")
    }

    // MARK: export

    /// Writes a table with `format` to `path`, atomically, or to standard output when `path` is `nil`.
    public func export(_ table: Table, format: any ExportFormat, path: String?) throws(Diagnostic) {
        guard let path else {
            return try write(
                table, format: format, to: DescriptorSink.standardOutput(isCancelled: isCancelled),
                label: "standard output")
        }
        let target = PluginLocations.expandingHome(try PathText.checked(path, .exportFailed))
        try AtomicFile.write(to: target, isCancelled: isCancelled) { sink in
            try write(table, format: format, to: sink, label: "'\(target)'")
        }
    }

    public func export(_ chart: Chart, format: any ChartFormat, path: String?) throws(Diagnostic) {
        guard let path else {
            return try write(
                label: "standard output", format: format, to: DescriptorSink.standardOutput(isCancelled: isCancelled)
            ) { try format.write(chart, to: $0) }
        }
        let target = PluginLocations.expandingHome(path)
        try AtomicFile.write(to: target, isCancelled: isCancelled) { sink in
            try write(label: "'\(target)'", format: format, to: sink) { try format.write(chart, to: $0) }
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
        let path = PluginLocations.expandingHome(try PathText.checked(path, .cannotOpenFile))
        if PluginLocations.isPack(path) { return try loadPack(path: path, registry: registry) }
        return try loadPlugin(path: path, registry: registry)
    }

    private func loadPack(path: String, registry: Registry) throws(Diagnostic) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(path)
        } catch {
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
            if let info = connection.description.region {
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
        for path in paths {
            do {
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
