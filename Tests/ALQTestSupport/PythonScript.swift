import Foundation
import Testing

/// Python scripts run by tests that check alq's files with Python's own libraries (openpyxl, duckdb).
public enum PythonScript {
    /// Runs `python3 -c script arguments…`; its standard output, or a failed test with its standard error.
    public static func output(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "python3 failed (is openpyxl installed? make deps): \(String(decoding: message, as: UTF8.self))")
        return String(decoding: text, as: UTF8.self)
    }
}
