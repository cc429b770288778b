#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the keys typed at the prompt, one character at a time, for the line editor.
///
/// It waits in `poll` with a short timeout rather than in a blocking `read`, so a Ctrl-C is noticed
/// even when its signal arrived between two reads or on another thread. It decodes UTF-8, and it
/// takes the markers of bracketed paste (`ESC [200~` … `ESC [201~`) out of the input, remembering
/// that a paste is under way so that Tab and Enter inside it are treated as text.
final class TerminalInput {
    /// What reading gave.
    enum Outcome: Equatable {
        case character(Unicode.Scalar)
        /// Ctrl-C was pressed.
        case interrupted
        /// End of input or a read error.
        case end
    }

    private let descriptor: Int32
    private var pendingBytes: [UInt8] = []
    /// Whether the terminal is sending a bracketed paste right now.
    private(set) var isPasting = false
    /// Asked when a paste ends: true ends the line (a paste that ended on an empty line).
    var onPasteEnd: (() -> Bool)?
    /// Called when the process continues after Ctrl-Z, to put the terminal back in editing mode.
    var onResume: (() -> Void)?
    /// Called when the terminal was resized while a line is being edited.
    var onResize: (() -> Void)?

    private static let pasteStart: [UInt8] = Array("[200~".utf8)
    private static let pasteEnd: [UInt8] = Array("[201~".utf8)

    init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    /// The next character.
    func next() -> Outcome {
        while true {
            guard case .byte(let lead) = nextByte(timeout: nil) else {
                return Signals.interruptPending ? .interrupted : .end
            }
            if lead == 0x1B {
                switch pasteMarker() {
                case .start:
                    isPasting = true
                    continue
                case .end:
                    isPasting = false
                    if onPasteEnd?() == true { return .character("\n") }
                    continue
                case .none:
                    return .character("\u{1B}")
                }
            }
            let length = TerminalInput.sequenceLength(lead)
            var bytes = [lead]
            while bytes.count < length, case .byte(let byte) = nextByte(timeout: 100) { bytes.append(byte) }
            return .character(String(validating: bytes, as: UTF8.self)?.unicodeScalars.first ?? "\u{FFFD}")
        }
    }

    /// Whether more input is already waiting (pasted text arrives all at once), looking up to
    /// `milliseconds` ahead.
    func hasPendingInput(milliseconds: Int32 = 0) -> Bool {
        if isPasting || !pendingBytes.isEmpty { return true }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, milliseconds) > 0 && poller.revents & Int16(POLLIN) != 0
    }

    private enum Marker {
        case start, end, none
    }

    /// After ESC: reads on while the bytes spell a paste marker; anything else is put back.
    private func pasteMarker() -> Marker {
        var seen: [UInt8] = []
        while true {
            let candidates = [TerminalInput.pasteStart, TerminalInput.pasteEnd].filter { $0.starts(with: seen) }
            if let full = candidates.first(where: { $0 == seen }) {
                return full == TerminalInput.pasteStart ? .start : .end
            }
            guard !candidates.isEmpty, case .byte(let byte) = nextByte(timeout: 50) else { break }
            seen.append(byte)
            if !candidates.contains(where: { $0.starts(with: seen) }) { break }
        }
        pendingBytes.insert(contentsOf: seen, at: 0)
        return .none
    }

    private enum ByteOutcome {
        case byte(UInt8)
        case interrupted, end, timeout
    }

    private func nextByte(timeout: Int32?) -> ByteOutcome {
        if !pendingBytes.isEmpty { return .byte(pendingBytes.removeFirst()) }
        while true {
            if Signals.interruptPending { return .interrupted }
            if Signals.takeContinue() { onResume?() }
            if Signals.takeResize() { onResize?() }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout ?? 50)
            if ready < 0 && errno != EINTR { return .end }
            if ready <= 0 {
                if timeout != nil && ready == 0 { return .timeout }
                continue
            }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .end
            }
            return count == 0 ? .end : .byte(byte)
        }
    }

    /// How many bytes a UTF-8 sequence starting with `lead` has (1 for a stray byte).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }
}
