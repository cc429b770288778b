import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// A host without file access, used until the plugin host is wired in.
final class ProvisionalHost: EngineHost {
    func open(path: String, registry: Registry) throws(Diagnostic) -> Table {
        throw Diagnostic(.cannotOpenFile, "cannot open '\(path)': file access is not available")
    }

    func export(_ table: Table, format: any ExportFormat, path: String?) throws(Diagnostic) {
        throw Diagnostic(.exportFailed, "export is not available")
    }

    func load(path: String, registry: Registry) throws(Diagnostic) -> String {
        throw Diagnostic(.pluginFailed, "cannot load '\(path)': plugins are not available")
    }
}
