import ALQRuntime
import Dispatch
import Synchronization

/// How many threads parse a large CSV file's chunks.
enum CSVParallelism {
    /// One per processor, at most 8: ``ALQRuntime/Parallel/workers``.
    static var workers: Int { Parallel.workers }
}

/// Parses chunks as they are submitted, on up to `workers` threads at once (or on the calling thread
/// with one worker), keeping each chunk's columns by its index. At most `workers` chunks are parsed at
/// a time: `submit` waits for a free thread, so only those chunks' bytes (and the one being read) are
/// held.
final class CSVParallelParse: Sendable {
    /// A chunk that failed to parse: where in the input, and why.
    struct Failure: Sendable {
        var index: Int
        var offset: Int
        var message: String
    }

    private struct State: Sendable {
        var parts: [Int: CSVChunkColumns] = [:]
        var failure: Failure?
    }

    private let workers: Int
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let state = Mutex(State())
    /// The statement's interruption source, bound again on the worker threads (it is task-local).
    private let source: (any InterruptionSource)?

    init(workers: Int) {
        self.workers = max(1, workers)
        slots = DispatchSemaphore(value: self.workers)
        source = Interruption.source
    }

    /// Parses `chunk`'s records from `start`, skipping the columns `skipping` marks; returns once a
    /// thread has taken it.
    func submit(_ chunk: CSVChunk, from start: Int, width: Int, delimiter: UInt8, skipping: [Bool]? = nil) {
        guard workers > 1 else {
            return parse(chunk, from: start, width: width, delimiter: delimiter, skipping: skipping)
        }
        slots.wait()
        DispatchQueue.global().async(group: group) { [self] in
            Interruption.$source.withValue(source) {
                parse(chunk, from: start, width: width, delimiter: delimiter, skipping: skipping)
            }
            slots.signal()
        }
    }

    private func parse(_ chunk: CSVChunk, from start: Int, width: Int, delimiter: UInt8, skipping: [Bool]?) {
        let result = chunk.bytes.withUnsafeBufferPointer { data in
            Result { () throws(CSVScanner.Failure) in
                try CSVChunkParser.parse(data, from: start, width: width, delimiter: delimiter, skipping: skipping)
            }
        }
        state.withLock { state in
            switch result {
            case .success(let parsed):
                state.parts[chunk.index] = CSVChunkColumns(
                    builders: parsed.builders, rows: parsed.rows, start: chunk.offset + start,
                    end: chunk.offset + chunk.bytes.count, skippedValidUTF8: parsed.skippedValidUTF8)
            case .failure(let failure):
                if state.failure == nil || state.failure!.index > chunk.index {
                    state.failure = Failure(
                        index: chunk.index, offset: chunk.offset + failure.offset, message: failure.message)
                }
            }
        }
    }

    /// The columns of chunk `index` once it is parsed, no longer kept here; `nil` while it is not
    /// (or when it failed).
    func take(_ index: Int) -> CSVChunkColumns? {
        state.withLock { $0.parts.removeValue(forKey: index) }
    }

    /// Whether a chunk has failed (later chunks need not be read).
    var hasFailed: Bool { state.withLock { $0.failure != nil } }

    /// The failure of the earliest chunk that failed, once ``finish()`` has returned.
    var firstFailure: Failure? { state.withLock { $0.failure } }

    /// Waits for every submitted chunk; their columns in input order.
    func finish() -> [CSVChunkColumns] {
        group.wait()
        return state.withLock { state in
            let parts = state.parts.sorted { $0.key < $1.key }.map(\.value)
            state.parts = [:]
            return parts
        }
    }
}
