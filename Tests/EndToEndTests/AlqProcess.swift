import Foundation

/// Runs the built `alq` binary and captures what it did.
struct AlqProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary under test: $ALQ_BINARY, else the one `swift build` put next to the tests.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ALQ_BINARY"] { return URL(fileURLWithPath: path) }
        let testBundle = Bundle.main.bundleURL
        let sibling = testBundle.deletingLastPathComponent().appendingPathComponent("alq")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        return packageRoot.appendingPathComponent(".build/debug/alq")
    }

    /// Runs alq with arguments and optional standard input, in the package root.
    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], directory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("alq-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
