import CLibEdit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The line editor: the one type that talks to libedit.
///
/// It reads one line at a time with a prompt, keeps the in-memory history, and calls a completer
/// when Tab is pressed. Everything else in the REPL sees only Swift types.
final class LineEditor {
    /// The key bindings.
    enum Mode: String, Sendable {
        case emacs, vi
    }

    /// What reading a line gave.
    enum Input: Equatable {
        /// A line, without its newline (it may hold newlines itself when a multi-line entry was recalled).
        case line(String)
        /// Ctrl-C was pressed at the prompt.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    /// Computes completions for the text before the cursor.
    typealias Completer = (_ textBeforeCursor: String) -> CompletionResult

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    /// Where the prompt and the edited line are drawn.
    private let display: UnsafeMutablePointer<FILE>?
    private(set) var mode: Mode

    /// The keys typed, read by the editor through a callback.
    let input = TerminalInput()
    /// Whether the line being read continues a statement (a paste that ends on an empty
    /// continuation line then ends that line, so the pasted statement runs).
    var continuingStatement = false
    /// Whether to ask the terminal to bracket pasted text (not on `TERM=dumb`).
    var bracketedPaste = false

    /// Called when Tab is pressed.
    var completer: Completer?
    /// Text that comes before the current line in the statement being typed (earlier lines of a
    /// multi-line statement), so that completion sees the whole statement.
    var completionContext = ""
    /// The terminal width used to list completions.
    var columns: () -> Int = { 80 }

    /// The character that brackets invisible parts of a prompt (colour escapes).
    static let invisible: Character = "\u{1}"

    /// Creates an editor on the standard streams, or returns nil when libedit cannot start.
    /// Whether libedit could be loaded (it is loaded on first use, not linked).
    static var isAvailable: Bool { alq_libedit_available() != 0 }

    init?(programName: String, mode: Mode, historySize: Int) {
        LineEditor.useUTF8Locale()
        // The prompt and the line being edited go where the person is: standard output, or standard
        // error when output is redirected (`alq > results.txt`), so results alone go to the file.
        let display = isatty(1) == 0 && isatty(2) != 0 ? alq_stderr() : alq_stdout()
        guard let editLine = alq_el_init(programName, alq_stdin(), display, alq_stderr()) else { return nil }
        guard let history = alq_history_init() else {
            alq_el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.display = display
        self.mode = mode
        alq_history_setsize(history, Int32(clamping: historySize))
        alq_history_setunique(history, 1)
        alq_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        input.onPasteEnd = { [unowned self] in continuingStatement && lineIsEmpty }
        input.onResume = { [unowned self] in resumeEditing() }
        input.onResize = { alq_el_resize(editLine) }
        alq_el_set_signal(editLine, 0)
        alq_el_set_prompt_esc(editLine, lineEditorPrompt, 1)
        alq_el_set_getcfn(editLine, lineEditorRead)
        alq_el_set_history(editLine, history)
        alq_el_addfn(editLine, "alq-complete", "Complete the word before the cursor", lineEditorComplete)
        setMode(mode)
        // The user's ~/.editrc (or $EDITRC) may rebind anything; Tab and Ctrl-R stay alq's.
        alq_el_source(editLine, nil)
        bindKeys()
    }

    /// Sets the character locale from the environment (libedit needs it for multi-byte editing), and
    /// to C.UTF-8 when the environment's is not UTF-8: alq reads and writes UTF-8 whatever the locale.
    private static func useUTF8Locale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    deinit {
        alq_el_end(editLine)
        alq_history_end(history)
        free(promptBuffer)
    }

    /// Switches between emacs and vi key bindings, keeping Tab completion and Ctrl-R search.
    func setMode(_ mode: Mode) {
        self.mode = mode
        alq_el_set_editor(editLine, mode.rawValue)
        bindKeys()
    }

    private func bindKeys() {
        alq_el_bind(editLine, "^I", "alq-complete")
        alq_el_bind(editLine, "^R", "em-inc-search-prev")
        if !alq_el_get_editor_is_vi(editLine).isTrue {
            alq_el_bind(editLine, "^S", "em-inc-search-next")
        }
    }

    /// Reads one line. `prompt` may hold colour escapes bracketed by ``invisible``.
    func readLine(prompt: String) -> Input {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        if Signals.takeResize() { alq_el_resize(editLine) }
        _ = Signals.takeInterrupt()
        // Editing mode before the prompt appears: libedit would otherwise switch only at the first
        // read, and a Ctrl-D typed in between would be taken by the terminal as end-of-file and lost.
        alq_el_prep_term(editLine, 1)
        if bracketedPaste { show("\u{1B}[?2004h") }
        defer { if bracketedPaste { show("\u{1B}[?2004l") } }
        var count: Int32 = 0
        errno = 0
        guard let bytes = alq_el_gets(editLine, &count) else {
            if count < 0 && (errno == EINTR || Signals.takeInterrupt()) {
                _ = Signals.takeInterrupt()
                return .interrupted
            }
            return .end
        }
        var line = String(cString: bytes)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    fileprivate var prompt: UnsafeMutablePointer<CChar>? { promptBuffer }

    /// Reads one character for libedit: 1 and the character, 0 at the end of input, -1 with
    /// `EINTR` when Ctrl-C was pressed (`el_gets` then returns).
    fileprivate func readCharacter(into character: UnsafeMutablePointer<wchar_t>?) -> Int32 {
        switch input.next() {
        case .character(let scalar):
            character?.pointee = wchar_t(bitPattern: scalar.value)
            return 1
        case .interrupted:
            errno = EINTR
            return -1
        case .end:
            return 0
        }
    }

    /// After Ctrl-Z and `fg` the terminal is back in its normal mode: set editing mode again and redraw.
    private func resumeEditing() {
        alq_el_prep_term(editLine, 0)
        alq_el_prep_term(editLine, 1)
        if bracketedPaste { show("\u{1B}[?2004h") }
        show("\n")
        alq_el_refresh(editLine)
    }

    /// Writes text where the prompt is drawn.
    func show(_ text: String) {
        StandardStreams.flush()
        fputs(text, display)
        fflush(display)
    }

    /// Whether the line being edited is empty.
    private var lineIsEmpty: Bool {
        guard let info = alq_el_line(editLine) else { return true }
        return info.pointee.lastchar == info.pointee.buffer
    }

    // MARK: History

    /// Adds an entry to the in-memory history (a consecutive duplicate is dropped).
    func addHistory(_ entry: String) {
        alq_history_enter(history, entry)
    }

    /// Replaces the in-memory history with `entries`, oldest first.
    func setHistory(_ entries: [String]) {
        alq_history_clear(history)
        for entry in entries { alq_history_enter(history, entry) }
    }

    /// The in-memory history, oldest first.
    var historyEntries: [String] {
        LineEditor.entries(of: history)
    }

    /// Reads a history file in libedit's format; nil when it cannot be read.
    static func readHistoryFile(_ path: String) -> [String]? {
        guard let scratch = alq_history_init() else { return nil }
        defer { alq_history_end(scratch) }
        alq_history_setsize(scratch, Int32.max)
        guard alq_history_load(scratch, path) >= 0 else { return nil }
        return entries(of: scratch)
    }

    /// Writes entries (oldest first) to a history file in libedit's format.
    static func writeHistoryFile(_ path: String, entries: [String]) -> Bool {
        guard let scratch = alq_history_init() else { return false }
        defer { alq_history_end(scratch) }
        alq_history_setsize(scratch, Int32(clamping: entries.count + 1))
        for entry in entries { alq_history_enter(scratch, entry) }
        return alq_history_save(scratch, path) >= 0
    }

    private static func entries(of history: OpaquePointer) -> [String] {
        var result: [String] = []
        var entry = alq_history_edge(history, 0)
        while let text = entry {
            result.append(String(cString: text))
            entry = alq_history_newer(history)
        }
        return result
    }

    // MARK: Completion

    fileprivate func complete() -> UInt8 {
        if input.hasPendingInput() {
            // Typed faster than a person types: a paste. Keep the tab as text.
            alq_el_insertstr(editLine, "\t")
            return UInt8(CC_REFRESH)
        }
        guard let completer, let info = alq_el_line(editLine) else { return UInt8(CC_ERROR) }
        let length = info.pointee.cursor - info.pointee.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.pointee.buffer, count: length), as: UTF8.self)
        let result = completer(completionContext + before)
        switch result.action {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let text):
            alq_el_deletestr(editLine, Int32(result.word.unicodeScalars.count))
            if alq_el_insertstr(editLine, text) != 0 { return UInt8(CC_REFRESH_BEEP) }
            return UInt8(CC_REFRESH)
        case .list(let items):
            let text = "\n" + CompletionListing.layout(items, width: columns())
            show(text)
            return UInt8(CC_REDISPLAY)
        }
    }

    fileprivate static func from(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = alq_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }
}

extension Int32 {
    fileprivate var isTrue: Bool { self != 0 }
}

private let lineEditorPrompt: alq_prompt_fn = { editLine in
    LineEditor.from(editLine)?.prompt
}

private let lineEditorRead: alq_read_fn = { editLine, character in
    LineEditor.from(editLine)?.readCharacter(into: character) ?? -1
}

private let lineEditorComplete: alq_editor_fn = { editLine, _ in
    LineEditor.from(editLine)?.complete() ?? UInt8(CC_ERROR)
}
