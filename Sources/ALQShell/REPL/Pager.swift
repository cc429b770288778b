import ALQSystem
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// When the REPL sends a result through the pager.
public enum PagerMode: String, Sendable, CaseIterable {
    /// When the result is taller than the screen.
    case auto
    /// Every result.
    case on
    /// Never: a tall table is cut in the middle instead, keeping its header.
    case off
}

/// Shows text through `$PAGER` (default `less -SRFX`: chop long lines, keep colours, quit at once
/// when the text fits one screen, leave it on the screen), as psql and DuckDB do. The pager runs in
/// alq's process group on the terminal, so `q` and Ctrl-C in it return to the prompt.
struct Pager: Sendable {
    static let defaultCommand = "less -SRFX"

    /// The shell command that pages standard input.
    let command: String

    init(environment: [String: String]) {
        let configured = environment["PAGER"]?.trimmingWhitespace ?? ""
        command = configured.isEmpty ? Pager.defaultCommand : configured
    }

    /// Writes `text` to the pager and waits for it to end; `false` when it could not start (the
    /// caller then prints the text itself).
    func show(_ text: String) -> Bool {
        var channel: [Int32] = [-1, -1]
        guard pipe(&channel) == 0 else { return false }
        _ = fcntl(channel[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, channel[0], 0)
        posix_spawn_file_actions_addclose(&actions, channel[0])
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("sh"), strdup("-c"), strdup(command), nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = SpawnAttributes.with { attributes in
            posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, environ)
        }
        close(channel[0])
        guard status == 0 else {
            close(channel[1])
            return false
        }
        writeIgnoringClosedPipe(channel[1], text)
        close(channel[1])
        var exitStatus: Int32 = 0
        while waitpid(child, &exitStatus, 0) < 0, errno == EINTR {}
        // A shell that could not find the pager exits 127 before reading anything.
        return !((exitStatus & 0x7F) == 0 && (exitStatus >> 8) & 0xFF == 127)
    }

    /// Writes everything, or stops quietly when the pager quits early (`q`): the write then fails
    /// with `EPIPE` instead of SIGPIPE ending alq.
    private func writeIgnoringClosedPipe(_ descriptor: Int32, _ text: String) {
        SIGPIPEBlock.around { try? FileDescriptor(rawValue: descriptor).writeAllBytes(Array(text.utf8)) }
    }
}
