extension REPL {
    /// Opens the history file and loads it into the editor; problems are warnings.
    func startHistory(editor: LineEditor, limit: Int) {
        guard let path = HistoryStore.defaultPath(environment: options.environment) else {
            warn("no home folder: history will not be saved")
            return
        }
        var store = HistoryStore(path: path, limit: limit)
        let (entries, warning) = store.load()
        if let warning { warn(warning) }
        editor.setHistory(entries)
        history = store
    }

    /// Adds a submission to the editor's history and to the file.
    func remember(_ submission: String) {
        let entry = submission.trimmingWhitespace
        guard !entry.isEmpty else { return }
        editor?.addHistory(entry)
        if let warning = history?.append(entry) {
            warn(warning + "; history will not be saved this session")
            history = nil
        }
    }

    /// The `:history` listing: the newest entries, numbered, multi-line entries indented.
    func historyListing(last count: Int = 200) -> String {
        let entries = editor?.historyEntries ?? []
        let start = max(0, entries.count - count)
        var text = ""
        let width = String(entries.count).count
        for (offset, entry) in entries[start...].enumerated() {
            let number = String(start + offset + 1)
            let pad = String(repeating: " ", count: width - number.count)
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            text += "\(pad)\(number)  \(lines.first ?? "")\n"
            for line in lines.dropFirst() {
                text += String(repeating: " ", count: width + 2) + line + "\n"
            }
        }
        return text
    }

    func warn(_ message: String) {
        let label = options.useColor ? "\u{1B}[33mwarning:\u{1B}[0m" : "warning:"
        Terminal.error("alq: \(label) \(message)\n")
    }
}
