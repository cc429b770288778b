import Glibc
import Synchronization

/// The REPL's signal handling: SIGINT and SIGWINCH only set flags that the main thread reads.
///
/// SIGINT is installed without `SA_RESTART`, so a `read` blocked in the line editor fails with `EINTR`
/// and the prompt can start over; SIGWINCH restarts reads, so resizing never disturbs the line.
enum Signals {
    // Lock-free atomics, which a signal handler may set.
    private static let interruptFlag = Atomic<Bool>(false)
    private static let resizeFlag = Atomic<Bool>(false)
    private static let continueFlag = Atomic<Bool>(false)

    /// Installs the handlers. Call once, before the first prompt.
    static func install() {
        // Initialize the flags here: a handler must never be the first to touch a global.
        _ = (interruptFlag.load(ordering: .relaxed), resizeFlag.load(ordering: .relaxed))
        _ = continueFlag.load(ordering: .relaxed)
        var interrupt = sigaction()
        interrupt.__sigaction_handler.sa_handler = { _ in Signals.interruptFlag.store(true, ordering: .relaxed) }
        sigemptyset(&interrupt.sa_mask)
        interrupt.sa_flags = 0
        sigaction(SIGINT, &interrupt, nil)

        var resize = sigaction()
        resize.__sigaction_handler.sa_handler = { _ in Signals.resizeFlag.store(true, ordering: .relaxed) }
        sigemptyset(&resize.sa_mask)
        resize.sa_flags = Int32(SA_RESTART)
        sigaction(SIGWINCH, &resize, nil)

        var resume = sigaction()
        resume.__sigaction_handler.sa_handler = { _ in Signals.continueFlag.store(true, ordering: .relaxed) }
        sigemptyset(&resume.sa_mask)
        resume.sa_flags = Int32(SA_RESTART)
        sigaction(SIGCONT, &resume, nil)
    }

    /// Whether the process was continued after Ctrl-Z since the last call; clears the flag.
    static func takeContinue() -> Bool {
        continueFlag.exchange(false, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed since the last call; clears the flag.
    static func takeInterrupt() -> Bool {
        interruptFlag.exchange(false, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed and not yet taken.
    static var interruptPending: Bool { interruptFlag.load(ordering: .relaxed) }

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
        resizeFlag.exchange(false, ordering: .relaxed)
    }
}
