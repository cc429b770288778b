// fuzz-targets: ALQEngine ALQBuiltinModules ALQShell
// The evaluator: any bytes that decode and parse are run as a script against the built-in regions and
// formats, every result is rendered as the terminal would show it and exported as CSV and JSON into
// memory, and every diagnostic is rendered. Budget per input: a watchdog cancels the statement after
// one second (the cancellation check must reach it), libFuzzer's -timeout catches what ignores it and
// -rss_limit_mb bounds memory (see scripts/fuzz.sh).
import ALQBuiltinModules
import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQShell
import ALQSyntax
import Foundation
import Synchronization

/// Files, loads and plugins are refused: a fuzzed program never touches the file system.
final class MemoryHost: EngineHost {
    func open(path: String, registry: Registry) throws(Diagnostic) -> Table {
        throw Diagnostic(.cannotOpenFile, "no files while fuzzing")
    }

    func export(_ table: Table, format: any ExportFormat, path: String?) throws(Diagnostic) {
        do {
            try format.write(table, to: MemorySink())
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.exportFailed, "\(error)")
        }
    }

    func export(_ chart: Chart, format: any ChartFormat, path: String?) throws(Diagnostic) {
        do {
            try format.write(chart, to: MemorySink())
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.exportFailed, "\(error)")
        }
    }

    func load(path: String, registry: Registry) throws(Diagnostic) -> String {
        throw Diagnostic(.cannotOpenFile, "no files while fuzzing")
    }
}

/// The session running now and when it started, for the watchdog.
let running = Mutex<(session: Session?, start: ContinuousClock.Instant)>((nil, .now))
// Set once, before the first input, and read-only afterwards.
nonisolated(unsafe) var registry: Registry?

func startWatchdog() {
    let thread = Thread {
        while true {
            Thread.sleep(forTimeInterval: 0.1)
            running.withLock { state in
                if let session = state.session, ContinuousClock.now - state.start > .seconds(1) { session.cancel() }
            }
        }
    }
    thread.start()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if registry == nil {
        registry = try! BuiltinModules.registry()
        startWatchdog()
    }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let file) = SourceFile.decode(name: "<fuzz>", bytes: bytes) else { return 0 }
    let session = Session(registry: registry!, host: MemoryHost())
    let renderer = ValueRenderer(table: TableRenderer(maxWidth: 100, maxLines: 40))
    let csv = registry!.format(named: "csv")
    running.withLock { $0 = (session, .now) }
    let failure = session.execute(file) { value in
        _ = renderer.render(value, registry: registry!)
        if case .table(let table) = value, let csv { _ = try? csv.write(table, to: MemorySink()) }
    }
    running.withLock { $0 = (nil, .now) }
    if let failure { _ = DiagnosticRenderer(color: ColorPolicy(enabled: false)).render(failure) }
    return 0
}
