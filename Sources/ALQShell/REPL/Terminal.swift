#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's terminal: unbuffered writes to standard output and error, and the window's width.
enum Terminal {
    /// Writes text to standard output at once.
    static func out(_ text: String) {
        StandardStreams.flush()
        write(1, text)
    }

    /// Writes text to standard error at once.
    static func error(_ text: String) {
        StandardStreams.flush()
        write(2, text)
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// The terminal's width in columns (TIOCGWINSZ on standard output, then standard input), or
    /// `$COLUMNS`, or 80.
    static func columns(environment: [String: String] = [:]) -> Int {
        for descriptor: Int32 in [1, 0, 2] {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Whether a descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) != 0
    }
}
