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

    /// Runs `body`, whose only error is an interruption, with no source bound, so that its checks never
    /// fire: for small work whose result is kept (a cache) and must not be left half done.
    public static func shielded<Result>(_ body: () throws(Diagnostic) -> Result) -> Result {
        $source.withValue(nil) {
            do throws(Diagnostic) {
                return try body()
            } catch {
                preconditionFailure("an interruption with no source bound: \(error)")
            }
        }
    }

    /// How many rows a long loop runs between two checks: a check costs a task-local read, so every
    /// 65,536 rows it is lost in the loop's own work, and even a slow loop (a debug build, a hash per
    /// row) reaches the next one within a few milliseconds.
    public static let rowsBetweenChecks = 1 << 16

    /// Throws ``diagnostic`` when interrupted, on every ``rowsBetweenChecks``-th row: one mask and one
    /// branch per row, for loops whose rows cost much more than that (hashing, building values).
    @inline(__always)
    public static func check(atRow row: Int) throws(Diagnostic) {
        if row & (rowsBetweenChecks - 1) == rowsBetweenChecks - 1 { try check() }
    }

    /// `0..<count` as consecutive ranges of at most ``rowsBetweenChecks`` rows, for the tightest loops
    /// (gathers, radix passes): `for batch in Interruption.batches(count) { try Interruption.check();
    /// for row in batch { … } }` keeps the check out of the per-row work.
    public static func batches(_ count: Int) -> some Sequence<Range<Int>> {
        stride(from: 0, to: count, by: rowsBetweenChecks).lazy.map { $0..<Swift.min($0 + rowsBetweenChecks, count) }
    }
}
