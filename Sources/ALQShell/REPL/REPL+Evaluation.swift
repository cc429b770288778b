import ALQEngine
import ALQRuntime
import ALQSyntax
import ALQSystem
import Dispatch
import Synchronization

extension REPL {
    /// The stack of the thread statements run on: deep but legal nesting must not overflow it.
    static let evaluationStackSize = 64 << 20

    /// Runs a file's statements on a worker thread while the main thread watches for Ctrl-C, which
    /// cancels the running statement. Results and the error, if any, are printed as they come.
    func evaluate(_ file: SourceFile) {
        let job = EvaluationJob(session: session, file: file, output: resultOutput())
        _ = Signals.takeInterrupt()
        guard WorkerThread.start(stackSize: REPL.evaluationStackSize, { job.run() }) else {
            problem("cannot start a thread to run the statement")
            return
        }
        while job.finished.wait(timeout: .now() + .milliseconds(10)) == .timedOut {
            if Signals.takeInterrupt() { session.cancel() }
        }
        _ = Signals.takeInterrupt()
        StandardStreams.flush()
        if let diagnostic = job.diagnostic {
            Terminal.error(job.output.render(diagnostic))
        }
    }
}

/// One evaluation handed to the worker thread.
final class EvaluationJob: Sendable {
    let session: Session
    let file: SourceFile
    let output: ResultOutput
    let finished = DispatchSemaphore(value: 0)
    private let failure = Mutex<Diagnostic?>(nil)

    /// The diagnostic that stopped the file; set by the worker before it signals ``finished``.
    var diagnostic: Diagnostic? { failure.withLock { $0 } }

    init(session: Session, file: SourceFile, output: ResultOutput) {
        self.session = session
        self.file = file
        self.output = output
    }

    func run() {
        Signals.blockOnCurrentThread()
        let stopped = session.execute(file) { [output] value in
            output.show(value)
        }
        failure.withLock { $0 = stopped }
        finished.signal()
    }
}
