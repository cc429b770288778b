#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's signal handling: SIGINT and SIGWINCH only set flags that the main thread reads.
///
/// SIGINT is installed without `SA_RESTART`, so a `read` blocked in the line editor fails with `EINTR`
/// and the prompt can start over; SIGWINCH restarts reads, so resizing never disturbs the line.
enum Signals {
    nonisolated(unsafe) private static var interruptFlag: sig_atomic_t = 0
    nonisolated(unsafe) private static var resizeFlag: sig_atomic_t = 0
    nonisolated(unsafe) private static var continueFlag: sig_atomic_t = 0

    /// Installs the handlers. Call once, before the first prompt.
    static func install() {
        var interrupt = sigaction()
        #if os(Linux)
            interrupt.__sigaction_handler.sa_handler = { _ in Signals.interruptFlag = 1 }
        #else
            interrupt.__sigaction_u.__sa_handler = { _ in Signals.interruptFlag = 1 }
        #endif
        sigemptyset(&interrupt.sa_mask)
        interrupt.sa_flags = 0
        sigaction(SIGINT, &interrupt, nil)

        var resize = sigaction()
        #if os(Linux)
            resize.__sigaction_handler.sa_handler = { _ in Signals.resizeFlag = 1 }
        #else
            resize.__sigaction_u.__sa_handler = { _ in Signals.resizeFlag = 1 }
        #endif
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = Int32(SA_RESTART)
        sigaction(SIGWINCH, &resize, nil)

        var resume = sigaction()
        #if os(Linux)
            resume.__sigaction_handler.sa_handler = { _ in Signals.continueFlag = 1 }
        #else
            resume.__sigaction_u.__sa_handler = { _ in Signals.continueFlag = 1 }
        #endif
        sigemptyset(&resume.sa_mask)
        resume.sa_flags = Int32(SA_RESTART)
        sigaction(SIGCONT, &resume, nil)
    }

    /// Whether the process was continued after Ctrl-Z since the last call; clears the flag.
    static func takeContinue() -> Bool {
        defer { continueFlag = 0 }
        return continueFlag != 0
    }

    /// Whether Ctrl-C was pressed since the last call; clears the flag.
    static func takeInterrupt() -> Bool {
        defer { interruptFlag = 0 }
        return interruptFlag != 0
    }

    /// Whether Ctrl-C was pressed and not yet taken.
    static var interruptPending: Bool { interruptFlag != 0 }

    /// Blocks SIGINT and SIGWINCH on the calling thread, so that they reach the main thread, whose
    /// reads they must interrupt. Worker threads call this first.
    static func blockOnCurrentThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGWINCH)
        sigaddset(&set, SIGCONT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Whether the terminal was resized since the last call; clears the flag.
    static func takeResize() -> Bool {
        defer { resizeFlag = 0 }
        return resizeFlag != 0
    }
}
