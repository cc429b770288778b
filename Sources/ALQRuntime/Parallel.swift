import ALQSyntax
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The one way alq spreads a loop over the processor's cores: the rows cut into a few consecutive
/// ranges, one thread each (``map(_:_:)``), the results joined by the caller in range order.
///
/// Each part runs with the calling statement's ``Interruption/source`` bound (it is task-local, so a
/// worker thread would otherwise see none) and checks it as any loop does, every
/// ``Interruption/rowsBetweenChecks`` rows: Ctrl-C stops every part, and the first error, in range order,
/// is thrown once all parts have returned. The CSV reader's chunk pipeline uses ``workers`` too.
public enum Parallel {
    /// How many threads share a loop: one per processor, at most 8.
    public static let workers: Int = {
        #if canImport(Glibc)
            return max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        #else
            return 1
        #endif
    }()

    /// The fewest rows worth a thread of their own: below this, starting the thread costs more than the
    /// rows it would take over.
    public static let minimumRowsPerPart = 1 << 16

    /// `0..<count` as at most `parts` consecutive ranges of near-equal size, none shorter than
    /// `minimumRows` (so a small count is one range); an empty count is one empty range.
    public static func ranges(_ count: Int, parts: Int = workers, minimumRows: Int = minimumRowsPerPart)
        -> [Range<Int>]
    {
        let partCount = max(1, min(parts, count / max(1, minimumRows)))
        return (0..<partCount).map { part in (count * part / partCount)..<(count * (part + 1) / partCount) }
    }

    /// `body` applied to each of `parts`, all at once on up to ``workers`` threads (the calling thread
    /// takes one part), in the order of `parts`. One part runs on the calling thread alone.
    ///
    /// `body` may read anything it captures but must write only what it returns: the parts run at the
    /// same time.
    public static func map<Part: Sendable, Result: Sendable>(
        _ parts: [Part], _ body: @Sendable (Part) throws(Diagnostic) -> Result
    ) throws(Diagnostic) -> [Result] {
        if parts.count <= 1 {
            var results: [Result] = []
            for part in parts { results.append(try body(part)) }
            return results
        }
        let source = Interruption.source
        let outcomes = Mutex([Swift.Result<Result, Diagnostic>?](repeating: nil, count: parts.count))
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            let outcome = Interruption.$source.withValue(source) { () -> Swift.Result<Result, Diagnostic> in
                do throws(Diagnostic) {
                    return .success(try body(parts[index]))
                } catch {
                    return .failure(error)
                }
            }
            outcomes.withLock { $0[index] = outcome }
        }
        var results: [Result] = []
        results.reserveCapacity(parts.count)
        for outcome in outcomes.withLock({ $0 }) { results.append(try outcome!.get()) }
        return results
    }
}
