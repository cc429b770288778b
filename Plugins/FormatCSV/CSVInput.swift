import ALQSyntax
import ALQSystem

/// Where the CSV reader takes its bytes from: a regular file, read a chunk at a time so that its bytes
/// are never all held at once, or bytes already in memory (standard input, tests).
enum CSVInput {
    case file(FileRegions, name: String)
    case bytes([UInt8])

    /// The number of bytes.
    var size: Int {
        switch self {
        case .file(let file, _): file.size
        case .bytes(let bytes): bytes.count
        }
    }

    /// `prefix` followed by the `count` bytes at `offset` (fewer at the end of the input).
    func read(_ count: Int, at offset: Int, after prefix: [UInt8] = []) throws(Diagnostic) -> [UInt8] {
        let count = max(0, min(count, size - offset))
        switch self {
        case .bytes(let bytes):
            return prefix + bytes[offset..<offset + count]
        case .file(let file, let name):
            var failure: FileContents.Failure?
            let result = [UInt8](unsafeUninitializedCapacity: prefix.count + count) { buffer, initialized in
                _ = buffer.initialize(fromContentsOf: prefix)
                do throws(FileContents.Failure) {
                    let target = UnsafeMutableRawBufferPointer(
                        UnsafeMutableBufferPointer(rebasing: buffer[prefix.count...]))
                    initialized = prefix.count + (try file.read(into: target, at: offset))
                } catch {
                    initialized = prefix.count
                    failure = error
                }
            }
            if let failure { throw Diagnostic(.cannotOpenFile, "cannot read '\(name)': \(failure)") }
            return result
        }
    }
}
