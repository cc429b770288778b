import ALQRuntime
import ALQSyntax

extension Session: InterruptionSource {
    /// Whether ``cancel()`` was called: what ``Interruption`` answers while a statement runs.
    public var isInterruptionRequested: Bool { isCancellationRequested }

    /// Runs `body` with this session bound as the thread's ``Interruption/source``, so that file
    /// readers and other loops without a session stop on Ctrl-C too.
    func bindingInterruption<Result>(_ body: () throws(Diagnostic) -> Result) throws(Diagnostic) -> Result {
        let outcome: Swift.Result<Result, Diagnostic> = Interruption.$source.withValue(self) {
            do throws(Diagnostic) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
