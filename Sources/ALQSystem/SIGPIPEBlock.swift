import Glibc

/// Writing to a pipe whose reader has gone (a plugin that exited, a pager quit with `q`) without the
/// process being killed by SIGPIPE: the write fails with `EPIPE` instead.
public enum SIGPIPEBlock {
    /// Runs `body` with SIGPIPE blocked on this thread, then consumes a SIGPIPE it raised and restores
    /// the thread's signal mask.
    public static func around<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        var block = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&block, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        return try body()
    }
}
