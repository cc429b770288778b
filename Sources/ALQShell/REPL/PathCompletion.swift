import Foundation

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
        var folder = folderPart.isEmpty ? "." : folderPart
        if folder.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            folder = home + folder.dropFirst()
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return .none }
        let candidates = names.sorted()
            .filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name -> CompletionCandidate in
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
                return isFolder.boolValue
                    ? CompletionCandidate(folderPart + name, suffix: "/", display: name + "/")
                    : CompletionCandidate(folderPart + name, suffix: closing, display: name)
            }
        return CompletionResult(word: partial, candidates: candidates)
    }
}
