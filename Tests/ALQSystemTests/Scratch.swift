import Foundation

/// A fresh temporary folder for one test.
func scratchFolder() -> String {
    let path = NSTemporaryDirectory() + "alq-system-tests-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The permission bits, owner and group of a path.
func ownership(_ path: String) -> (mode: mode_t, uid: uid_t, gid: gid_t) {
    var info = stat()
    precondition(stat(path, &info) == 0, "cannot stat \(path)")
    return (info.st_mode & 0o7777, info.st_uid, info.st_gid)
}

func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// Makes a file with `text` in it.
func makeFile(_ path: String, _ text: String) {
    precondition(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)), "cannot create \(path)")
}
