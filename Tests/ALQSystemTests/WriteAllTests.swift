import Foundation
import Synchronization
import SystemPackage
import Testing

@testable import ALQSystem

@Suite struct WriteAllTests {
    @Test func partialWritesAndInterruptionsStillWriteEveryByte() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var written: [UInt8] = []
        var calls = 0
        try bytes.withUnsafeBytes { buffer in
            try FileDescriptor.writeAll(buffer) { (chunk) throws(Errno) -> Int in
                calls += 1
                // Every third call is interrupted; the others take at most 7 bytes, some none at all.
                if calls % 3 == 0 { throw .interrupted }
                let count = min(chunk.count, calls % 4 == 1 ? 0 : 7)
                written.append(contentsOf: chunk.prefix(count))
                return count
            }
        }
        #expect(written == bytes)
    }

    @Test func otherFailuresAreThrown() {
        let bytes: [UInt8] = [1, 2, 3]
        #expect(throws: Errno.brokenPipe) {
            try bytes.withUnsafeBytes { buffer in
                try FileDescriptor.writeAll(buffer) { (_) throws(Errno) -> Int in throw .brokenPipe }
            }
        }
    }

    @Test func writesEverythingThroughANonBlockingPipe() throws {
        let (reader, writer) = try FileDescriptor.pipe()
        _ = fcntl(writer.rawValue, F_SETFL, fcntl(writer.rawValue, F_GETFL) | O_NONBLOCK)
        let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let drained = DispatchSemaphore(value: 0)
        let received = Mutex<[UInt8]>([])
        DispatchQueue.global().async {
            let bytes = (try? FileContents.readAll(from: reader)) ?? []
            received.withLock { $0 = bytes }
            drained.signal()
        }
        // A pipe holds 64 KiB: most of the megabyte meets EAGAIN and partial writes.
        try writer.writeAllBytes(bytes)
        try writer.close()
        drained.wait()
        try reader.close()
        #expect(received.withLock { $0 } == bytes)
    }
}
