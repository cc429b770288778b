import Glibc
import SystemPackage

/// The size of a terminal window, and whether a descriptor is one.
public struct TerminalSize: Sendable, Equatable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The window size of the terminal on `descriptor` (`TIOCGWINSZ`), or `nil` when it is not a
    /// terminal or reports no width.
    public static func of(_ descriptor: FileDescriptor) -> TerminalSize? {
        var size = winsize()
        guard ioctl(descriptor.rawValue, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }

    /// Whether `descriptor` is a terminal.
    public static func isTerminal(_ descriptor: FileDescriptor) -> Bool {
        isatty(descriptor.rawValue) == 1
    }
}
