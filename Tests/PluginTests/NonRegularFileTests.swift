import ALQPluginAPI
import ALQPluginHost
import ALQSyntax
import Foundation
import Testing

/// `open` and `load` read regular files (and pipes the shell hands over) only: a device never ends and
/// a named FIFO may never get a writer.
@Suite struct NonRegularFileTests {
    @Test func devicesFIFOsAndLinksToThemAreRefused() throws {
        let folder = Support.temporaryFolder()
        let host = FileHost()
        defer { host.shutdown() }
        let registry = try ExportTests.registry()
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/zero.csv", withDestinationPath: "/dev/zero")
        #expect(mkfifo("\(folder)/fifo.csv", 0o600) == 0)
        #expect(mkfifo("\(folder)/fifo.json", 0o600) == 0)
        for name in ["zero.csv", "fifo.csv"] {
            #expect {
                _ = try host.open(path: "\(folder)/\(name)", registry: registry)
            } throws: { error in
                guard let diagnostic = error as? Diagnostic else { return false }
                return diagnostic.code == .cannotOpenFile && diagnostic.message.contains("not a regular file")
            }
        }
        #expect {
            _ = try host.load(path: "\(folder)/fifo.json", registry: Registry())
        } throws: { error in
            (error as? Diagnostic)?.message.contains("not a regular file") == true
        }
    }
}

/// An export replaces only a regular file: a symbolic link, a FIFO or a device is an error and stays.
@Suite struct ExportTargetTests {
    @Test func exportsRefuseToReplaceLinksFIFOsAndDevices() throws {
        let folder = Support.temporaryFolder()
        let host = FileHost()
        let registry = try ExportTests.registry()
        let format = try FileHost.resolveFormat(name: "csv", path: nil, registry: registry)
        _ = FileManager.default.createFile(atPath: "\(folder)/real.csv", contents: Data("old\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/link.csv", withDestinationPath: "real.csv")
        #expect(mkfifo("\(folder)/fifo.csv", 0o600) == 0)
        for path in ["\(folder)/link.csv", "\(folder)/fifo.csv", "/dev/null"] {
            #expect {
                try host.export(Support.sampleTable(), format: format, path: path)
            } throws: { error in
                guard let diagnostic = error as? Diagnostic else { return false }
                return diagnostic.code == .exportFailed
                    && (diagnostic.message.contains("symbolic link") || diagnostic.message.contains("not a regular"))
            }
        }
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/link.csv")
        #expect(link == "real.csv")
        #expect(try String(contentsOfFile: "\(folder)/real.csv", encoding: .utf8) == "old\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}
