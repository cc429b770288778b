import ALQEngine
import ALQRuntime
import ALQSyntax
import Dispatch
import Foundation

extension REPL {
    /// The stack of the thread statements run on: deep but legal nesting must not overflow it.
    static let evaluationStackSize = 64 << 20

    /// Runs a file's statements on a worker thread while the main thread watches for Ctrl-C, which
    /// cancels the running statement. Results and the error, if any, are printed as they come.
    func evaluate(_ file: SourceFile) {
        let job = EvaluationJob(session: session, file: file, output: resultOutput())
        let thread = Thread { job.run() }
        thread.stackSize = REPL.evaluationStackSize
        _ = Signals.takeInterrupt()
        thread.start()
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
final class EvaluationJob: @unchecked Sendable {
    let session: Session
    let file: SourceFile
    let output: ResultOutput
    let finished = DispatchSemaphore(value: 0)
    /// Set by the worker before it signals ``finished``.
    private(set) var diagnostic: Diagnostic?

    init(session: Session, file: SourceFile, output: ResultOutput) {
        self.session = session
        self.file = file
        self.output = output
    }

    func run() {
        Signals.blockOnCurrentThread()
        diagnostic = session.execute(file) { [output] value in
            output.show(value)
        }
        finished.signal()
    }
}
