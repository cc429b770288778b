/// Tells alq that a reader is still at work on `read.begin`, so that a long parse (a whole file read for
/// its column types) is not taken for a hung plugin: alq's time limit applies to each message, and each
/// progress message renews it.
///
/// Call ``tick()`` as the work advances (every row, or every few thousand cells); the first tick sends a
/// message and later ones at most one every 100 ms, and none at all go to a host that did not offer
/// progress in its handshake. Tick only for real
/// work done: a plugin that ticks while stuck is never stopped for taking too long.
public final class PluginProgress {
    private let send: (() -> Void)?
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant?

    /// Progress that sends with `send`; `nil` sends nothing.
    init(send: (() -> Void)?) {
        self.send = send
    }

    /// Progress that goes nowhere: for a reader called outside a server, or in tests.
    public static var none: PluginProgress { PluginProgress(send: nil) }

    /// Says the work advanced; sends a progress message if 100 ms have passed since the last one.
    public func tick() {
        guard let send else { return }
        let now = clock.now
        if let last, now - last < .milliseconds(100) { return }
        last = now
        send()
    }
}
