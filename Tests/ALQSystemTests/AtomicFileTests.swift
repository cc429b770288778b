import ALQSystem
import Foundation
import SystemPackage
import Testing

@Suite struct AtomicFileTests {
    private func write(_ text: String, to path: String) throws {
        try AtomicFile.replace(path) { file in try file.descriptor.writeAllBytes(Array(text.utf8)) }
    }

    @Test func createsANewFileWithTheGivenMode() throws {
        let folder = scratchFolder()
        let path = folder + "/new.txt"
        try AtomicFile.replace(path, newFileMode: 0o600) { file in try file.descriptor.writeAllBytes(Array("a\n".utf8))
        }
        #expect(contents(path) == "a\n")
        #expect(ownership(path).mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["new.txt"])
    }

    @Test func keepsTheModeOfAReplacedFile() throws {
        let path = scratchFolder() + "/kept.txt"
        makeFile(path, "old\n")
        chmod(path, 0o640)
        try write("new\n", to: path)
        #expect(contents(path) == "new\n")
        #expect(ownership(path).mode == 0o640)
    }

    @Test func keepsTheOwnerOfAReplacedFile() throws {
        let path = scratchFolder() + "/owned.txt"
        makeFile(path, "old\n")
        // Only root may give a file away; others check that their own ownership stays.
        let (uid, gid): (uid_t, gid_t) = getuid() == 0 ? (4242, 4343) : (getuid(), getgid())
        #expect(chown(path, uid, gid) == 0)
        chmod(path, 0o604)
        try write("new\n", to: path)
        let after = ownership(path)
        #expect(after.uid == uid && after.gid == gid && after.mode == 0o604)
        #expect(contents(path) == "new\n")
    }

    @Test func refusesASymbolicLinkAndLeavesBothAlone() throws {
        let folder = scratchFolder()
        makeFile(folder + "/target.txt", "old\n")
        #expect(symlink(folder + "/target.txt", folder + "/link.txt") == 0)
        #expect(throws: AtomicFile.Failure.notRegular(.symbolicLink)) { try write("new\n", to: folder + "/link.txt") }
        #expect(contents(folder + "/target.txt") == "old\n")
        #expect(FileSystem.kind(of: folder + "/link.txt", followingLinks: false) == .symbolicLink)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.txt", "target.txt"])
    }

    @Test func refusesAFIFO() throws {
        let folder = scratchFolder()
        #expect(mkfifo(folder + "/pipe", 0o600) == 0)
        var ran = false
        #expect(throws: AtomicFile.Failure.notRegular(.fifo)) {
            try AtomicFile.replace(folder + "/pipe") { _ in ran = true }
        }
        #expect(!ran)
        #expect(FileSystem.kind(of: folder + "/pipe") == .fifo)
        let failure = AtomicFile.Failure.notRegular(.fifo)
        #expect(failure.description == "it is a FIFO (named pipe), not a regular file; alq replaces only regular files")
        #expect(failure.suggestion != nil)
    }

    @Test func refusesADevice() throws {
        // Checked without writing anything: /dev/null must never be at risk in a test.
        #expect(throws: AtomicFile.Failure.notRegular(.characterDevice)) {
            try AtomicFile.checkReplaceable("/dev/null")
        }
        // Root can make a device node of its own to try the whole operation on.
        guard getuid() == 0 else { return }
        let node = scratchFolder() + "/null"
        guard mknod(node, S_IFCHR | 0o600, dev_t(1 << 8 | 3)) == 0 else { return }
        #expect(throws: AtomicFile.Failure.notRegular(.characterDevice)) { try write("x", to: node) }
        #expect(FileSystem.kind(of: node) == .characterDevice)
    }

    @Test func refusesDirectoriesAndMissingFolders() throws {
        let folder = scratchFolder()
        #expect(throws: AtomicFile.Failure.directory) { try write("x", to: folder) }
        #expect(throws: AtomicFile.Failure.directory) { try write("x", to: folder + "/") }
        #expect(throws: AtomicFile.Failure.emptyPath) { try write("x", to: "") }
        #expect(throws: AtomicFile.Failure.missingFolder(folder + "/no")) { try write("x", to: folder + "/no/x") }
    }

    @Test func aFailingBodyLeavesTheOldFileAndNoTemporaryFile() throws {
        struct Boom: Error {}
        let folder = scratchFolder()
        let path = folder + "/old.txt"
        makeFile(path, "old\n")
        #expect(throws: Boom.self) {
            try AtomicFile.replace(path) { file in
                try file.descriptor.writeAllBytes(Array("partial".utf8))
                throw Boom()
            }
        }
        #expect(contents(path) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["old.txt"])
    }

    @Test func aBodyMayWriteByPath() throws {
        let path = scratchFolder() + "/by-path.txt"
        try AtomicFile.replace(path) { file in
            #expect(FileManager.default.createFile(atPath: file.path, contents: Data("by path\n".utf8)))
        }
        #expect(contents(path) == "by path\n")
    }
}
