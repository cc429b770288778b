import ALQPluginAPI
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax
import Foundation
import Glibc
import Testing

@testable import ALQPluginHost

/// A plugin's raw output (protocol 3's `"bytes": N`) is written to the destination as it is read: a file
/// gets the bytes memory gets, and a destination that fails midway is an error after which the plugin
/// still answers in step.
@Suite struct PluginOutputForwardingTests {
    /// Three and a half batches of the kit's frames, so that answers overlap the next batch being sent.
    static func table() -> Table {
        let count = PluginProtocol.rowsPerColumnarBatch * 7 / 2
        return Table(
            columnNames: ["region", "n", "share"],
            columns: [
                .string(StringColumn((0..<count).map { row in row % 11 == 0 ? nil : "百色 \(row % 97)" })),
                .number(NumberColumn(values: (0..<count).map { Double($0) }, isInteger: true)),
                .number(NumberColumn(values: (0..<count).map { Double($0 % 1000) / 8 })),
            ])
    }

    /// The host with alq-html loaded, and its format.
    static func html() throws -> (FileHost, any ExportFormat) {
        let host = FileHost(limits: PluginLimits(timeout: 60))
        let registry = Registry()
        _ = try host.load(path: try ExamplePluginTests.htmlPlugin(), registry: registry)
        return (host, try #require(registry.format(named: "html")))
    }

    static func throughMemory(_ table: Table, host: FileHost, format: any ExportFormat) throws -> [UInt8] {
        let sink = MemorySink()
        try host.write(table, format: format, to: sink, label: "memory")
        return sink.bytes
    }

    @Test func aFileGetsTheBytesThatGoThroughMemory() throws {
        let (host, format) = try Self.html()
        defer { host.shutdown() }
        let table = Self.table()
        let path = "\(Support.temporaryFolder())/forwarded.html"
        try host.export(table, format: format, path: path)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let expected = try Self.throughMemory(table, host: host, format: format)
        #expect(written.count > 4 << 20)
        PassthroughPluginTests.expectSame(written, expected)
    }

    /// A file open for reading only. The export is E0403 naming the
    /// destination, and the same plugin then exports the table again, byte for byte.
    @Test func aFailingDestinationIsAnErrorAndThePluginAnswersInStepAfterwards() throws {
        let (host, format) = try Self.html()
        defer { host.shutdown() }
        let table = Self.table()
        let path = "\(Support.temporaryFolder())/read-only.html"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let sink = DescriptorSink(descriptor: descriptor, label: "'read-only.html'")
        do {
            try host.write(table, format: format, to: sink, label: "'read-only.html'")
            Issue.record("writing to a file open for reading only succeeded")
        } catch {
            #expect(error.code == .exportFailed)
            #expect(
                error.message.hasPrefix("cannot write to 'read-only.html': bad file descriptor"), "\(error.message)")
        }
        let again = try Self.throughMemory(table, host: host, format: format)
        let (freshHost, freshFormat) = try Self.html()
        defer { freshHost.shutdown() }
        PassthroughPluginTests.expectSame(again, try Self.throughMemory(table, host: freshHost, format: freshFormat))
    }
}

/// A file that would outgrow the size limit (`ulimit -f`): the export fails with exit status 1 and
/// the system's reason, and leaves no file behind — not death by SIGXFSZ — whether alq writes the bytes
/// (`export csv`) or a plugin's output (`export html`).
@Test(arguments: ["csv", "html"])
func anExportBeyondTheFileSizeLimitFailsCleanly(format: String) throws {
    let folder = Support.temporaryFolder()
    let script = """
        cd "$1" && (ulimit -f 64; "$2" --no-init --plugin "$3" -c 'range(200000) | export \(format) to "big.\(format)"')
        echo "status=$?"; ls -A
        """
    let result = try Support.run(
        "/bin/bash", ["-c", script, "bash", folder, AlqBinary.path, try ExamplePluginTests.htmlPlugin()])
    #expect(result.output == "status=1\n", "\(result.error)")
    #expect(result.error.contains("cannot write to 'big.\(format)': file too large"), "\(result.error)")
}
