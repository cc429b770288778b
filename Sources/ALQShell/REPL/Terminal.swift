import ALQSystem
import SystemPackage

/// The REPL's terminal: unbuffered writes to standard output and error, and the window's width.
enum Terminal {
    /// Writes text to standard output at once.
    static func out(_ text: String) {
        write(.standardOutput, text)
    }

    /// Writes text to standard error at once.
    static func error(_ text: String) {
        write(.standardError, text)
    }

    private static func write(_ descriptor: FileDescriptor, _ text: String) {
        StandardStreams.output.withLock { buffered in
            buffered.flush()
            var text = text
            text.withUTF8 { try? descriptor.writeAllBytes(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The terminal's width in columns (standard output's window, then standard input's, then
    /// standard error's), or `$COLUMNS`, or 80.
    static func columns(environment: [String: String] = [:]) -> Int {
        for descriptor in [FileDescriptor.standardOutput, .standardInput, .standardError] {
            if let size = TerminalSize.of(descriptor) { return size.columns }
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Whether a descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool {
        TerminalSize.isTerminal(FileDescriptor(rawValue: descriptor))
    }
}
