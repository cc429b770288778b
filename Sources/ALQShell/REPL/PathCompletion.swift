import ALQSystem

/// Completes a file path typed inside a string or after `:load`.
enum PathCompletion {
    /// Candidates for `partial`: folders end with `/`; a lone file match is followed by `closing`.
    static func complete(_ partial: String, closing: String) -> CompletionResult {
        let folderPart: String
        let namePart: String
        if let slash = partial.lastIndex(of: "/") {
            folderPart = String(partial[...slash])
            namePart = String(partial[partial.index(after: slash)...])
        } else {
            folderPart = ""
            namePart = partial
        }
        let folder = folderPart.isEmpty ? "." : HomeFolder.expanding(folderPart)
        guard FileSystem.kind(of: folder) == .directory else { return .none }
        let candidates = FileSystem.entries(of: folder)
            .filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name -> CompletionCandidate in
                FileSystem.kind(of: folder + "/" + name) == .directory
                    ? CompletionCandidate(folderPart + name, suffix: "/", display: name + "/")
                    : CompletionCandidate(folderPart + name, suffix: closing, display: name)
            }
        return CompletionResult(word: partial, candidates: candidates)
    }
}
