import ALQPluginAPI
import ALQPluginHost
import ALQSyntax
import Foundation
import Testing

/// A plugin reached through a symbolic link is judged by the folder it lives in too.
@Suite struct PluginLinkSafetyTests {
    @Test func aLinkIntoAWorldWritableFolderIsRefused() throws {
        let unsafe = Support.temporaryFolder()
        chmod(unsafe, 0o777)
        let target = "\(unsafe)/good.py"
        try FileManager.default.copyItem(atPath: Support.fixture("plugins/good.py"), toPath: target)
        chmod(target, 0o755)
        let safe = Support.temporaryFolder()
        chmod(safe, 0o755)
        try FileManager.default.createSymbolicLink(atPath: "\(safe)/good.py", withDestinationPath: target)
        #expect {
            _ = try FileHost().load(path: "\(safe)/good.py", registry: Registry())
        } throws: { error in
            (error as? Diagnostic)?.message.contains("any user can write to the folder '\(unsafe)'") == true
        }
    }
}

/// The plugin folder: what is in it loads without `--plugin`, and nothing in it may be replaceable by
/// another user, whichever folder on the way (after every link is resolved) would allow it.
@Suite struct PluginFolderTests {
    /// A plugin folder `DATA/alq/plugins` holding a link to the good fixture plugin and a pack.
    static func folder() throws -> (data: String, folder: String) {
        let data = Support.temporaryFolder()
        let folder = "\(data)/alq/plugins"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: "\(folder)/alq-good", withDestinationPath: Support.fixture("plugins/good.py"))
        return (data, folder)
    }

    @Test func pluginsInTheFolderLoadWithoutBeingNamed() throws {
        let (data, _) = try Self.folder()
        let host = FileHost()
        defer { host.shutdown() }
        let registry = Registry()
        let (messages, diagnostics) = host.loadStartupModules(
            explicit: [], registry: registry, environment: ["XDG_DATA_HOME": data])
        #expect(diagnostics.isEmpty)
        #expect(messages.count == 1 && messages[0].hasPrefix("loaded plugin good 0.1.0"))
        #expect(registry.format(named: "pipes") != nil)
    }

    @Test func aWorldWritableFolderAboveThePluginIsRefused() throws {
        let top = Support.temporaryFolder()
        chmod(top, 0o777)
        try FileManager.default.createDirectory(atPath: "\(top)/bin", withIntermediateDirectories: true)
        chmod("\(top)/bin", 0o755)
        let path = "\(top)/bin/good.py"
        try FileManager.default.copyItem(atPath: Support.fixture("plugins/good.py"), toPath: path)
        chmod(path, 0o755)
        let diagnostic = try #require(throws: Diagnostic.self) {
            try FileHost().load(path: path, registry: Registry())
        }
        #expect(diagnostic.message.contains("any user can write to the folder '\(top)'"), "\(diagnostic.message)")
    }

    @Test func aPackAnyoneCanWriteIsRefusedAtStart() throws {
        let (data, folder) = try Self.folder()
        let pack = "\(folder)/sample.json"
        try FileManager.default.copyItem(atPath: Support.fixture("packs/claims-guangxi.json"), toPath: pack)
        chmod(pack, 0o666)
        let host = FileHost()
        defer { host.shutdown() }
        let (_, diagnostics) = host.loadStartupModules(
            explicit: [], registry: Registry(), environment: ["XDG_DATA_HOME": data])
        #expect(diagnostics.map(\.message) == ["refusing to load region pack '\(pack)': any user can write to it"])
    }
}
