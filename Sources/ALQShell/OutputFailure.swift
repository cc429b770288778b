import ALQSyntax

/// The contract for standard output that could not be written: a full disk or a closed pipe (`| head`)
/// is an error with exit status 1 and one line on standard error, never a truncated result with status 0.
public enum OutputFailure {
    /// `status`, or 1 with a message when a write to standard output failed.
    public static func status(after status: Int32) -> Int32 {
        StandardStreams.flush()
        guard let failure = StandardStreams.outputFailure else { return status }
        StandardStreams.err("alq: error: could not write to standard output: \(failure)\n")
        return status == ExitStatus.ok ? ExitStatus.runtimeError : status
    }
}
