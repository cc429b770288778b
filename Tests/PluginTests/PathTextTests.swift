import ALQPluginAPI
import ALQPluginHost
import ALQSyntax
import FormatJSON
import Foundation
import Testing

/// A path with a NUL character is an error for export, open and load; nothing is written.
@Suite struct PathTextTests {
    @Test func exportOpenAndLoadRefuseANULInThePath() throws {
        let folder = Support.temporaryFolder()
        let host = FileHost()
        defer { host.shutdown() }
        let registry = try ExportTests.registry()
        let path = "\(folder)/data.csv\u{0}.json"
        #expect {
            try host.export(Support.sampleTable(), format: JSONFormat(), path: path)
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.code == .exportFailed && diagnostic.message.contains("NUL")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect { _ = try host.open(path: path, registry: registry) } throws: { error in
            (error as? Diagnostic)?.code == .cannotOpenFile
        }
        #expect { _ = try host.load(path: "\(folder)/x.json\u{0}", registry: registry) } throws: { error in
            (error as? Diagnostic)?.code == .cannotOpenFile
        }
    }
}
