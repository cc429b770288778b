#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes an export's temporary file when SIGINT, SIGTERM or SIGHUP ends alq in the middle of writing
/// it, then lets the signal end the process as it would have.
///
/// Only signals whose action is the default one are taken over (the REPL handles SIGINT itself, by
/// cancelling the statement, and the export then cleans up on its own), and only while a temporary file
/// exists. The handler does only async-signal-safe work: `unlink` of a path held in memory it owns,
/// `sigaction` and `raise`.
enum TemporaryFileCleanup {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private static let capacity = Int(PATH_MAX) + 1
    // Allocated once and never freed; written only by the exporting thread while the handlers are not
    // installed for it, read only by the handler.
    nonisolated(unsafe) private static let path: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer[0] = 0
        return buffer
    }()

    /// Runs `body` with `temporary` removed if one of the signals arrives meanwhile.
    static func guarding<R, E: Error>(_ temporary: String, _ body: () throws(E) -> R) throws(E) -> R {
        #if canImport(Glibc)
            return try guardingOnLinux(temporary, body)
        #else
            return try body()
        #endif
    }

    #if canImport(Glibc)
        private static func guardingOnLinux<R, E: Error>(_ temporary: String, _ body: () throws(E) -> R) throws(E) -> R
        {
            let utf8 = Array(temporary.utf8CString)
            guard utf8.count <= capacity else { return try body() }
            utf8.withUnsafeBufferPointer { for (index, byte) in $0.enumerated() { path[index] = byte } }
            var previous: [Int32: sigaction] = [:]
            for signal in signals {
                var current = sigaction()
                sigaction(signal, nil, &current)
                guard current.__sigaction_handler.sa_handler == nil else { continue }  // SIG_DFL is nil
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { signal in
                    if TemporaryFileCleanup.path[0] != 0 { unlink(TemporaryFileCleanup.path) }
                    var restore = sigaction()
                    sigaction(signal, &restore, nil)
                    raise(signal)
                }
                sigemptyset(&action.sa_mask)
                sigaction(signal, &action, nil)
                previous[signal] = current
            }
            defer {
                for (signal, action) in previous {
                    var action = action
                    sigaction(signal, &action, nil)
                }
                path[0] = 0
            }
            return try body()
        }
    #endif
}
