import ALQSyntax

/// What a long loop outside the engine asks whether Ctrl-C has interrupted the statement it runs for.
public protocol InterruptionSource: Sendable {
    /// Whether the running statement has been asked to stop.
    var isInterruptionRequested: Bool { get }
}

/// The interruption check for loops that have no session at hand — file readers, region-pack
/// decoding: the session binds itself as the ``source`` while a statement runs (on that thread), and
/// a loop asks ``isRequested`` every few tens of thousands of rows and throws ``diagnostic``.
public enum Interruption {
    /// The source bound for the statement running on this thread; `nil` outside a statement.
    @TaskLocal public static var source: (any InterruptionSource)?

    /// Whether the running statement has been interrupted (a task-local read and an atomic load).
    public static var isRequested: Bool { source?.isInterruptionRequested ?? false }

    /// The error a loop stops with: E0306, as the engine's own checks.
    public static var diagnostic: Diagnostic { Diagnostic(.interrupted, "interrupted") }

    /// Throws ``diagnostic`` when the running statement has been interrupted.
    public static func check() throws(Diagnostic) {
        if isRequested { throw diagnostic }
    }
}
