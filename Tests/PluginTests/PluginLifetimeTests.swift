import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQSyntax
import Foundation
import Synchronization
import Testing

/// A plugin that ignores `shutdown` is stopped after the grace period, not the call timeout, and
/// nothing it started outlives it; Ctrl-C during a call stops the plugin and what it started.
@Suite struct PluginLifetimeTests {
    /// Whether a process is still running (not a zombie).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        let state = status.split(separator: ")").last?.split(separator: " ").first
        return state != "Z"
    }

    static func childPID(_ host: FileHost) throws -> Int32 {
        guard case .number(let pid)? = try host.callFunction("child", arguments: []) else {
            Issue.record("the plugin did not give its child's pid")
            return 0
        }
        return Int32(pid)
    }

    /// With an hour's call timeout, the shutdown would take an hour if it waited for the answer that long.
    @Test func shutdownOfAStubbornPluginEndsItAndItsChildren() throws {
        let host = FileHost(limits: PluginLimits(timeout: 3600))
        _ = try host.load(path: Support.fixture("plugins/stubborn.py"), registry: Registry())
        let child = try Self.childPID(host)
        #expect(Self.isRunning(child))
        host.shutdown()
        var attempts = 0
        while Self.isRunning(child), attempts < 500 {
            attempts += 1
            usleep(10_000)
        }
        #expect(!Self.isRunning(child), "the plugin's child survived the plugin")
    }

    @Test func ctrlCDuringACallStopsThePluginAndItsChildren() throws {
        let host = FileHost(limits: PluginLimits(timeout: 3600))
        defer { host.shutdown() }
        _ = try host.load(path: Support.fixture("plugins/stubborn.py"), registry: Registry())
        let child = try Self.childPID(host)
        let cancelled = Cancellation()
        host.isCancelled = { cancelled.requested }
        let canceller = Thread {
            usleep(200_000)
            cancelled.requested = true
        }
        canceller.start()
        #expect {
            _ = try host.callFunction("spin", arguments: [])
        } throws: { error in
            (error as? Diagnostic)?.code == .interrupted
        }
        var attempts = 0
        while Self.isRunning(child), attempts < 500 {
            attempts += 1
            usleep(10_000)
        }
        #expect(!Self.isRunning(child), "the plugin's child survived Ctrl-C")
    }
}

/// A flag set by one thread and read by another.
final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    var requested: Bool {
        get { flag.load(ordering: .relaxed) }
        set { flag.store(newValue, ordering: .relaxed) }
    }
}
