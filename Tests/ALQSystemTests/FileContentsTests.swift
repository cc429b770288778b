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

    @Test func anEndlessDeviceStopsAtTheLimit() throws {
        #expect(throws: FileContents.Failure.tooLarge(limit: 1 << 20, kind: .characterDevice)) {
            try FileContents.read("/dev/zero", limit: 1 << 20)
        }
        #expect(try FileContents.read("/dev/zero", limit: 10, truncating: true) == [UInt8](repeating: 0, count: 10))
        #expect(try FileContents.read("/dev/null") == [])
        let failure = FileContents.Failure.tooLarge(limit: FileContents.streamLimit, kind: .characterDevice)
        #expect(
            failure.description
                == "it is a character device that gave more than 256 MiB; alq stops reading such files there")
    }

    @Test func readsAFIFOOnceItsWriterComes() throws {
        let path = scratchFolder() + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        DispatchQueue.global().async {
            let writer = try! FileDescriptor.open(FilePath(path), .writeOnly)
            try! writer.writeAllBytes(Array("a,b\n1,2\n".utf8))
            try! writer.close()
        }
        #expect(try FileContents.read(path) == Array("a,b\n1,2\n".utf8))
    }

    @Test func waitingForAFIFOWithoutAWriterCanBeCancelled() {
        let path = scratchFolder() + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        var asked = 0
        #expect(throws: FileContents.Failure.interrupted) {
            try FileContents.read(path) {
                asked += 1
                return asked >= 3
            }
        }
        #expect(asked == 3)
    }
}
