import ALQPluginAPI
import ALQPluginProtocol

/// The bytes of a version-4 frame being built (the buffers after the request's newline): whole buffers are
/// written in place, and text is written through a ``ByteWriter`` that flushes into it (it is the writer's
/// sink), so that no buffer is built on the side and copied in.
final class ExportFrameBody: OutputSink {
    /// The frame's bytes so far.
    private(set) var bytes: [UInt8] = []

    /// A body with room for `capacity` bytes before it grows.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends what a ``ByteWriter`` flushes.
    func write(_ buffer: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: buffer) }

    /// Pads with zeros to the next multiple of ``ExportFrame/alignment``, and returns the offset there.
    @discardableResult
    func align() -> Int {
        let rest = bytes.count % ExportFrame.alignment
        if rest > 0 { bytes.append(contentsOf: repeatElement(0, count: ExportFrame.alignment - rest)) }
        return bytes.count
    }

    /// Appends `count` elements of `T`, each written by `fill` into the new (zeroed) memory in one pass.
    func append<T: FixedWidthInteger>(
        _: T.Type, count: Int, _ fill: (UnsafeMutableBufferPointer<T>) -> Void
    ) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count * MemoryLayout<T>.size))
        bytes.withUnsafeMutableBytes { raw in
            let target = UnsafeMutableRawBufferPointer(rebasing: raw[start...])
            // The offset is aligned to 8 (``align()`` comes first), so the memory is aligned for `T`.
            fill(target.bindMemory(to: T.self))
        }
    }

    /// Appends raw bytes.
    func append(_ source: UnsafeRawBufferPointer) { bytes.append(contentsOf: source) }
}
