import ALQSyntax
import ALQSystem
import Glibc

/// A running plugin executable: its pipes, and line-by-line exchange with a deadline and a size cap.
///
/// The plugin runs in its own process group, so Ctrl-C at the prompt interrupts the query, not the
/// plugin. Its standard error is collected (the last few kilobytes) for error messages.
final class PluginProcess {
    /// Why an exchange with the plugin failed.
    enum Failure: Error {
        /// The plugin could not be started.
        case cannotStart(String)
        /// The plugin closed its output or died; the text says how it ended.
        case exited(String)
        /// No answer before the deadline.
        case timedOut
        /// A message longer than the cap.
        case tooLarge
        /// The user interrupted the wait (Ctrl-C).
        case interrupted
        /// Output could not be written to its destination (a full disk); the plugin's messages were
        /// read to their end, so the exchange can go on.
        case destination(Diagnostic)
    }

    /// Asked while waiting; `true` abandons the exchange (the user pressed Ctrl-C).
    var isCancelled: (() -> Bool)?

    let path: String
    private(set) var pid: pid_t = 0
    private var input: Int32 = -1
    private var output: Int32 = -1
    private var errors: Int32 = -1
    /// What the plugin wrote that is not read yet: the bytes from `consumed` on.
    private var pending: [UInt8] = []
    /// How many bytes at the start of `pending` were read already (dropped now and then, not per message).
    private var consumed = 0
    private var scanned = 0
    private var errorTail: [UInt8] = []
    /// Where each read of the plugin's output lands before it joins `pending` (one buffer for every read).
    private var chunk = [UInt8](repeating: 0, count: 256 * 1024)
    private(set) var isRunning = false

    /// Starts `path` with no arguments.
    init(path: String) throws(Failure) {
        self.path = path
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        var errChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0, pipe(&errChild) == 0 else {
            throw .cannotStart(FileSystem.lastError())
        }
        for fd in toChild + fromChild + errChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errChild[1], 2)
        // The plugin gets standard input, output and error, and no other descriptor of alq's.
        PluginProcess.closeOtherDescriptors(&actions)
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        defer { free(argv[0]) }
        var child: pid_t = 0
        let status = SpawnAttributes.with(.newProcessGroup) { attributes in
            var status = posix_spawn(&child, path, &actions, &attributes, argv, environ)
            // "Text file busy": another thread's child briefly holds the file open for writing (it was
            // just written); waiting a moment is the known remedy.
            var attempts = 0
            while status == ETXTBSY, attempts < 10 {
                attempts += 1
                usleep(20_000)
                status = posix_spawn(&child, path, &actions, &attributes, argv, environ)
            }
            return status
        }
        close(toChild[0])
        close(fromChild[1])
        close(errChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            close(errChild[0])
            throw .cannotStart(String(cString: strerror(status)))
        }
        pid = child
        // Writes to a plugin that stops reading must not block past the deadline.
        _ = fcntl(toChild[1], F_SETFL, fcntl(toChild[1], F_GETFL) | O_NONBLOCK)
        PluginProcess.widen(toChild[1])
        PluginProcess.widen(fromChild[0])
        input = toChild[1]
        output = fromChild[0]
        errors = errChild[0]
        isRunning = true
    }

    deinit { stop() }

    /// The last lines the plugin wrote to its standard error.
    var standardErrorTail: String {
        let text = String(decoding: errorTail, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(3)
        return lines.joined(separator: " / ")
    }

    /// Writes `parts` one after the other before the deadline: one message (a request line and its newline,
    /// and a frame's bytes and theirs), without joining them first. While the plugin's input is full, what
    /// the plugin writes meanwhile is read ahead (up to `limit` bytes), so that a plugin answering an
    /// earlier request while alq sends the next one never blocks either side.
    func send(_ parts: [[UInt8]], deadline: Double, limit: Int) throws(Failure) {
        try SIGPIPEBlock.around { () throws(Failure) in
            for part in parts {
                var offset = 0
                while offset < part.count {
                    let n = part.withUnsafeBytes { write(input, $0.baseAddress! + offset, $0.count - offset) }
                    if n >= 0 {
                        offset += n
                        continue
                    }
                    if errno == EINTR { continue }
                    if errno == EAGAIN {
                        try wait(for: input, events: Int16(POLLOUT), deadline: deadline, readingAheadUpTo: limit)
                        continue
                    }
                    throw .exited(endDescription())
                }
            }
        }
    }

    /// The size alq asks for the pipes to and from a plugin: a whole frame of a batch (or a batch's output)
    /// fits, so that neither side waits for the other to make room in the middle of a message.
    static let pipeSize: Int32 = 1 << 20

    /// Asks for a pipe of ``pipeSize`` bytes (Linux's `F_SETPIPE_SZ`; the default is 64 KiB). Where that is
    /// refused (a system limit on pipe memory) the pipe keeps its size: only the speed differs.
    private static func widen(_ descriptor: Int32) {
        #if os(Linux)
            // F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7), which Glibc's Swift module does not export.
            _ = fcntl(descriptor, 1031, pipeSize)
        #endif
    }

    /// Reads one line (without its newline) before the deadline; longer than `limit` bytes is an error.
    func receive(deadline: Double, limit: Int) throws(Failure) -> [UInt8] {
        while true {
            if let newline = newlineIndex() {
                let line = Array(pending[consumed..<newline])
                consume(upTo: newline + 1)
                return line
            }
            scanned = pending.count
            if pending.count - consumed > limit { throw .tooLarge }
            try readMore(deadline: deadline)
        }
    }

    /// Reads exactly `count` bytes that follow a message (protocol 3's raw output) before the deadline.
    func receive(count: Int, deadline: Double) throws(Failure) -> [UInt8] {
        while pending.count - consumed < count {
            try readMore(deadline: deadline)
        }
        let bytes = Array(pending[consumed..<consumed + count])
        consume(upTo: consumed + count)
        return bytes
    }

    /// Hands `write` exactly `count` bytes that follow a message (protocol 3's raw output) before the
    /// deadline, a read at a time, straight from where they were read: no copy of the whole output. When
    /// writing fails, the rest is still read (and dropped) so that the next message is where it should be;
    /// then ``Failure/destination(_:)`` is thrown.
    func forward(
        count: Int, deadline: Double, to write: (UnsafeRawBufferPointer) throws(Diagnostic) -> Void
    ) throws(Failure) {
        var remaining = count
        var writeFailure: Diagnostic?
        while remaining > 0 {
            let available = min(pending.count - consumed, remaining)
            guard available > 0 else {
                try readMore(deadline: deadline)
                continue
            }
            if writeFailure == nil {
                let start = consumed
                pending.withUnsafeBytes { bytes in
                    do throws(Diagnostic) {
                        try write(UnsafeRawBufferPointer(rebasing: bytes[start..<start + available]))
                    } catch {
                        writeFailure = error
                    }
                }
            }
            consume(upTo: consumed + available)
            remaining -= available
        }
        if let writeFailure { throw .destination(writeFailure) }
    }

    /// Waits for the plugin's output before the deadline and appends what one read gives (maybe nothing, after
    /// EINTR or EAGAIN) to `pending`; the plugin's end is an error.
    private func readMore(deadline: Double) throws(Failure) {
        try wait(for: output, events: Int16(POLLIN), deadline: deadline)
        let n = readIntoPending()
        if n < 0 {
            if errno == EINTR || errno == EAGAIN { return }
            throw .exited(endDescription())
        }
        if n == 0 { throw .exited(endDescription()) }
    }

    /// One read of the plugin's output, appended to `pending`; what `read` returned.
    private func readIntoPending() -> Int {
        let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        if n > 0 { chunk.withUnsafeBytes { pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<n])) } }
        return n
    }

    /// The index in `pending` of the first newline from `scanned` on.
    private func newlineIndex() -> Int? {
        let from = max(scanned, consumed)
        return pending.withUnsafeBytes { bytes -> Int? in
            guard from < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + from, 10, bytes.count - from)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// Marks the bytes before `end` as read; drops them once they are most of the buffer, so that reading a
    /// message never moves everything read ahead after it.
    private func consume(upTo end: Int) {
        consumed = end
        scanned = end
        if consumed == pending.count {
            pending.removeAll(keepingCapacity: true)
            consumed = 0
            scanned = 0
        } else if consumed > 1 << 20, consumed * 2 > pending.count {
            pending.removeSubrange(..<consumed)
            scanned -= consumed
            consumed = 0
        }
    }

    /// Waits until `fd` is ready, draining the plugin's standard error meanwhile, and with
    /// `readingAheadUpTo`, its standard output into the pending lines (up to that many bytes).
    private func wait(
        for fd: Int32, events: Int16, deadline: Double, readingAheadUpTo limit: Int = 0
    ) throws(Failure) {
        while true {
            let remaining = deadline - PluginProcess.now()
            if remaining <= 0 { throw .timedOut }
            let readAhead = fd != output && output >= 0 && pending.count - consumed < limit
            var fds = [
                pollfd(fd: fd, events: events, revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                pollfd(fd: readAhead ? output : -1, events: Int16(POLLIN), revents: 0),
            ]
            // Every 50 ms at most, so that Ctrl-C stops a waiting call well within 100 ms.
            let ready = poll(&fds, 3, Int32(min(remaining * 1000 + 1, 50)))
            if isCancelled?() == true { throw .interrupted }
            if ready < 0 {
                if errno == EINTR { continue }
                throw .exited(FileSystem.lastError())
            }
            if errors >= 0, fds[1].revents != 0 { drainErrors() }
            if fds[0].revents != 0 { return }
            if readAhead, fds[2].revents & Int16(POLLIN) != 0 { _ = readIntoPending() }
        }
    }

    private func drainErrors() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { read(errors, $0.baseAddress, $0.count) }
        if n <= 0 {
            close(errors)
            errors = -1
            return
        }
        errorTail.append(contentsOf: chunk[0..<n])
        if errorTail.count > 4096 { errorTail.removeFirst(errorTail.count - 4096) }
    }

    /// How the plugin ended (waiting briefly for it), for a message.
    private func endDescription() -> String {
        let deadline = PluginProcess.now() + 1
        while errors >= 0, PluginProcess.now() < deadline {
            var fds = [pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, 50) > 0 { drainErrors() } else { break }
        }
        var status: Int32 = 0
        var result = waitpid(pid, &status, WNOHANG)
        while result == 0, PluginProcess.now() < deadline {
            usleep(10_000)
            result = waitpid(pid, &status, WNOHANG)
        }
        guard result == pid else {
            stop()
            return "closed its output"
        }
        isRunning = false
        closeAll()
        let signal = status & 0x7F
        if signal == 0 { return "exited with status \((status >> 8) & 0xFF)" }
        return "was killed by signal \(signal)\(PluginProcess.signalName(signal).map { " (\($0))" } ?? "")"
    }

    /// Stops the plugin: kills it and every process it started (its process group), reaps it.
    func stop() {
        guard isRunning else { return closeAll() }
        isRunning = false
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        closeAll()
    }

    /// Asks the plugin to end by closing its input; kills it if it is still running after `grace` seconds.
    /// Either way, the processes it started (its process group) are killed.
    func finish(grace: Double) {
        guard isRunning else { return closeAll() }
        if input >= 0 {
            close(input)
            input = -1
        }
        let deadline = PluginProcess.now() + grace
        var status: Int32 = 0
        while PluginProcess.now() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                isRunning = false
                // Processes the plugin started do not outlive it.
                kill(-pid, SIGKILL)
                return closeAll()
            }
            usleep(5_000)
        }
        stop()
    }

    private func closeAll() {
        for fd in [input, output, errors] where fd >= 0 { close(fd) }
        input = -1
        output = -1
        errors = -1
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Makes the child close every descriptor above 2: with glibc's `addclosefrom_np` when it has it,
    /// else by marking alq's open descriptors close-on-exec.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        for name in FileSystem.entries(of: "/proc/self/fd") {
            if let fd = Int32(name), fd > 2 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func signalName(_ signal: Int32) -> String? {
        [
            SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGBUS: "SIGBUS",
            SIGILL: "SIGILL", SIGFPE: "SIGFPE", SIGPIPE: "SIGPIPE", SIGINT: "SIGINT",
        ][signal]
    }
}
