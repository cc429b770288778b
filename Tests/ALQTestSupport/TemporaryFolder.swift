import Foundation

/// Fresh folders for tests' files.
public enum TemporaryFolder {
    /// A new, empty folder under the system's temporary folder, named `alq-<label>-<unique>`.
    public static func make(_ label: String = "test") throws -> String {
        let path = NSTemporaryDirectory() + "alq-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
