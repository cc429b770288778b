import ALQRuntime
import ALQSyntax
import Testing

@testable import ALQEngine

/// A statement that asks to be interrupted, or not, for as long as it runs.
struct InterruptibleStatement: InterruptionSource {
    var isInterruptionRequested: Bool
}

/// Runs each named piece of work twice, in a statement that asks to be interrupted and in one that does
/// not: it must stop with E0306 in the first and finish in the second.
func expectEachStopsWhenInterrupted(_ work: [(String, () throws(Diagnostic) -> Void)]) {
    for (name, body) in work {
        for interrupted in [true, false] {
            let result = Interruption.$source.withValue(InterruptibleStatement(isInterruptionRequested: interrupted)) {
                do throws(Diagnostic) {
                    try body()
                    return "done"
                } catch {
                    return "error \(error.code.rawValue)"
                }
            }
            #expect(result == (interrupted ? "error E0306" : "done"), "\(name), interrupted: \(interrupted)")
        }
    }
}
