import ALQSystem
import SystemPackage

/// Reading scripts: files named on the command line, `:load`, `load`, the start-up file and standard
/// input. A script is read up to ``maximumBytes``, so that `alq /dev/stdin < /dev/zero` or an endless
/// pipe ends in an error instead of exhausting memory; devices and named FIFOs are refused at once
/// (see ``FileContents``).
enum ScriptFiles {
    /// The largest script alq reads (64 MiB).
    static let maximumBytes = 64 << 20

    /// The script at `path`.
    static func read(_ path: String, isCancelled: (() -> Bool)? = nil) throws(FileContents.Failure) -> [UInt8] {
        try FileContents.read(path, limit: maximumBytes, isCancelled: isCancelled)
    }

    /// The script on standard input.
    static func readStandardInput() throws(FileContents.Failure) -> [UInt8] {
        try FileContents.readAll(from: .standardInput, limit: maximumBytes)
    }
}
