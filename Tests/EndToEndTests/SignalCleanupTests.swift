import Foundation
import Testing

/// SIGINT, SIGTERM or SIGHUP in the middle of an export ends alq as the signal does and leaves neither
/// a temporary file nor a partial export.
@Suite struct SignalCleanupTests {
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalDuringAnExportLeavesNoTemporaryFile(signal: Int32) throws {
        let folder = try AlqProcess.temporaryFolder()
        // The test runner's threads may block or ignore these signals, and a child inherits that; the
        // signals are set back to their defaults (as in a shell) before alq starts.
        let reset =
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
            + "[signal.signal(s, signal.SIG_DFL) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)]; "
            + "os.execv(sys.argv[1], sys.argv[1:])"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", reset, AlqProcess.binary.path, "-c", "range(0, 10000000) | export csv to \"big.csv\"",
        ]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawTemporary = false
        while process.isRunning, !sawTemporary {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            sawTemporary = names.contains { $0.hasPrefix(".big.csv.alq-") }
            if !sawTemporary { usleep(1000) }
        }
        try #require(sawTemporary, "the export ended before the test saw its temporary file")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }
}
