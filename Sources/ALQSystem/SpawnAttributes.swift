import Glibc

/// The `posix_spawn` attributes every child alq starts shares (a plugin, the pager, a test's terminal
/// session): no signal blocked, and SIGINT, SIGPIPE and SIGXFSZ back at their default actions, whatever
/// alq itself blocks or ignores — a child must die of a closed pipe and of Ctrl-C as any program does.
public enum SpawnAttributes {
    /// Where the child runs, besides the clean signal state.
    public struct Placement: OptionSet, Sendable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }

        /// A process group of its own (Ctrl-C at alq's terminal does not reach it; alq can signal the
        /// whole group).
        public static let newProcessGroup = Placement(rawValue: Int16(POSIX_SPAWN_SETPGROUP))
        /// A session of its own, so that opening a terminal makes it the controlling one
        /// (`POSIX_SPAWN_SETSID`, 0x80 in glibc).
        public static let newSession = Placement(rawValue: 0x80)
    }

    /// Runs `body` with attributes set up for `placement`, destroyed afterwards.
    public static func with<Result>(
        _ placement: Placement = [], _ body: (inout posix_spawnattr_t) -> Result
    ) -> Result {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGXFSZ)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        if placement.contains(.newProcessGroup) { posix_spawnattr_setpgroup(&attributes, 0) }
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | placement.rawValue)
        return body(&attributes)
    }
}
