import ALQSystem
import Foundation
import SystemPackage
import Testing

@Suite struct FileContentsTests {
    @Test func readsARegularFileWhole() throws {
        let path = scratchFolder() + "/data.csv"
        let text = String(repeating: "region,value\n", count: 20_000)
        makeFile(path, text)
        #expect(try FileContents.read(path) == Array(text.utf8))
        #expect(try FileContents.read(path, limit: 6, truncating: true) == Array("region".utf8))
        #expect(throws: FileContents.Failure.tooLarge(limit: 6, kind: .file)) { try FileContents.read(path, limit: 6) }
    }

    @Test func missingFilesAndDirectoriesAreFailures() {
        let folder = scratchFolder()
        #expect(throws: FileContents.Failure.missing) { try FileContents.read(folder + "/nope") }
        #expect(throws: FileContents.Failure.directory) { try FileContents.read(folder) }
        #expect(FileContents.Failure.missing.description == "no such file")
    }

    @Test func devicesAndNamedFIFOsAreRefusedAtOnce() throws {
        #expect(throws: FileContents.Failure.notRegular(.characterDevice)) { try FileContents.read("/dev/zero") }
        let path = scratchFolder() + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: FileContents.Failure.notRegular(.fifo)) { try FileContents.read(path) }
        #expect(
            FileContents.Failure.notRegular(.fifo).description.hasPrefix(
                "it is a FIFO (named pipe), not a regular file"))
    }

    @Test func anEndlessStreamStopsAtTheLimit() throws {
        let zero = try FileDescriptor.open("/dev/zero", .readOnly)
        defer { try? zero.close() }
        #expect(throws: FileContents.Failure.tooLarge(limit: 1 << 20, kind: .characterDevice)) {
            try FileContents.readAll(from: zero, limit: 1 << 20)
        }
        #expect(try FileContents.readAll(from: zero, limit: 10, truncating: true) == [UInt8](repeating: 0, count: 10))
        let failure = FileContents.Failure.tooLarge(limit: FileContents.streamLimit, kind: .characterDevice)
        #expect(
            failure.description
                == "it is a character device that gave more than 256 MiB; alq stops reading such files there")
    }

    @Test func readsAPipeToItsEnd() throws {
        let (reader, writer) = try FileDescriptor.pipe()
        defer { try? reader.close() }
        try writer.writeAllBytes(Array("a,b\n1,2\n".utf8))
        try writer.close()
        #expect(try FileContents.readAll(from: reader) == Array("a,b\n1,2\n".utf8))
    }

    @Test func waitingForAPipeCanBeCancelled() throws {
        let (reader, writer) = try FileDescriptor.pipe()
        defer {
            try? reader.close()
            try? writer.close()
        }
        var asked = 0
        #expect(throws: FileContents.Failure.interrupted) {
            try FileContents.readAll(from: reader) {
                asked += 1
                return asked >= 3
            }
        }
        #expect(asked == 3)
    }
}
