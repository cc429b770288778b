import ALQSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program on a pseudo-terminal, as a person at a terminal would: it is the session leader
/// with the terminal as its controlling terminal, so Ctrl-C sent as a byte becomes SIGINT.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    private var markOffset = 0
    private(set) var exitStatus: Int32?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `executable` with `arguments` and exactly `environment`, on a terminal of the given size.
    /// `standardOutput` names a file that standard output goes to instead of the terminal.
    init(
        executable: String, arguments: [String] = [], environment: [String: String], columns: UInt16 = 100,
        rows: UInt16 = 30, standardOutput: String? = nil
    ) throws {
        // posix_openpt, grantpt, unlockpt and ptsname are not visible to Swift on Linux: do what
        // they do (unlock the terminal, ask its number) with ioctl on /dev/ptmx.
        let tiocsptlck = UInt(0x4004_5431)  // TIOCSPTLCK
        let tiocgptn = UInt(0x8004_5430)  // TIOCGPTN
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, tiocsptlck, &unlock) == 0,
            ioctl(master, tiocgptn, &number) == 0
        else {
            throw Failure(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        if let standardOutput {
            posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = SpawnAttributes.with(.newSession) { attributes in
            posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        }
        guard status == 0 else {
            close(master)
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = child
        self.master = master
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types text (control characters included, such as "\u{3}" for Ctrl-C).
    func send(_ text: String) {
        var data = Array(text.utf8)
        data.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(master, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    /// Everything the program wrote, as raw text.
    var rawOutput: String { String(decoding: bytes, as: UTF8.self) }

    /// Everything the program wrote since the last ``mark()``, without escape sequences and carriage returns.
    var output: String { PseudoTerminal.plain(String(decoding: bytes[markOffset...], as: UTF8.self)) }

    /// The raw output since the last mark.
    var rawOutputSinceMark: String { String(decoding: bytes[markOffset...], as: UTF8.self) }

    /// Makes ``output`` start from here.
    func mark() {
        drain(timeout: 0)
        markOffset = bytes.count
    }

    /// Waits until the output since the mark contains `text`; fails with the output seen when it
    /// does not appear within `timeout` seconds.
    func expect(_ text: String, timeout: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !output.contains(text) {
            if Date() > deadline {
                throw Failure(
                    description: "expected \(text.debugDescription) within \(timeout) s; the terminal shows:\n\(output)"
                )
            }
            drain(timeout: 0.05)
        }
    }

    /// Waits until `condition` holds for the output since the mark.
    func expect(timeout: Double = 30, _ what: String, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(output) {
            if Date() > deadline {
                throw Failure(description: "expected \(what) within \(timeout) s; the terminal shows:\n\(output)")
            }
            drain(timeout: 0.05)
        }
    }

    /// Waits for the program to exit and returns its exit status.
    func waitForExit(timeout: Double = 30) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            drain(timeout: 0.05)
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                drain(timeout: 0)
                return code
            }
            if Date() > deadline {
                throw Failure(description: "the program did not exit within \(timeout) s; it shows:\n\(output)")
            }
        }
    }

    /// Reads what is available, waiting up to `timeout` seconds for the first byte.
    func drain(timeout: Double) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var wait = Int32(timeout * 1000)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while poll(&descriptor, 1, wait) > 0 {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return }
            bytes.append(contentsOf: buffer[0..<count])
            wait = 0
        }
    }

    /// Text without ANSI escape sequences and carriage returns.
    static func plain(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
                } else if next == "]" {
                    while let byte = scalars.next(), byte != "\u{7}" {}
                }
                continue
            }
            if scalar == "\r" || scalar == "\u{1}" { continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

extension PseudoTerminal {
    /// Presses Ctrl-C at the prompt and waits for the fresh prompt; output then starts after it.
    func interruptLine() throws {
        mark()
        send("\u{3}")
        try expect("alq> ")
        mark()
    }

    /// Types a line and waits until its answer and the next prompt appear.
    func enter(_ line: String, expecting answer: String, timeout: Double = 30) throws {
        mark()
        send(line + "\r")
        try expect(answer, timeout: timeout)
        try expect(timeout: timeout, "the next prompt") { output in
            guard let range = output.range(of: answer) else { return false }
            return output[range.upperBound...].contains("alq> ")
        }
    }

    /// Presses Ctrl-D on an empty line and returns the exit status.
    func quit() throws -> Int32 {
        send("\u{4}")
        return try waitForExit()
    }
}
