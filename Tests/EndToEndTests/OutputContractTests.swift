import Foundation
import Testing

/// Standard output that cannot be written, and command lines the argument parser would misread.
@Suite struct OutputContractTests {
    /// Runs a bash command with `$ALQ` set to the binary under test.
    private func bash(_ script: String) throws -> AlqProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["ALQ"] = AlqProcess.binary.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return AlqProcess.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test(arguments: ["facts", "facts | export csv", "--format json -c facts"])
    func aFullDiskIsAnErrorWithStatusOne(command: String) throws {
        let arguments = command.hasPrefix("--") ? command : "-c '\(command)'"
        let result = try bash("\"$ALQ\" \(arguments) > /dev/full; echo \"status=$?\"")
        #expect(result.stdout == "status=1\n", "\(result.stderr)")
        #expect(result.stderr.contains("No space left on device") || result.stderr.contains("no space left on device"))
    }

    @Test func aClosedPipeIsAnErrorWithStatusOneNotSIGPIPE() throws {
        let result = try bash(
            "\"$ALQ\" --format csv -c 'range(0, 1000000)' | head -n 1; echo \"status=${PIPESTATUS[0]}\"")
        #expect(result.stdout == "value\nstatus=1\n", "\(result.stderr)")
        #expect(result.stderr.contains("could not write to standard output"))
    }

    @Test func invalidUTF8InCommandTextIsE0005() throws {
        let result = try bash("\"$ALQ\" -c \"$(printf '1 + \\xff')\"; echo \"status=$?\"")
        #expect(result.stdout == "status=3\n")
        #expect(result.stderr.contains("E0005"))
    }

    @Test func aRepeatedCommandOptionIsAUsageError() throws {
        let result = try AlqProcess.run(["-c", "1", "-c", "2"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("-c may be given once"))
    }
}

/// An endless input ends in a usage error, not in exhausted memory: a device named as a script is
/// refused, and standard input is read up to 64 MiB.
@Suite struct EndlessScriptTests {
    @Test(arguments: ["\"$ALQ\" /dev/zero", "\"$ALQ\" < /dev/zero"])
    func anEndlessScriptIsRefused(command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment.merging(["ALQ": AlqProcess.binary.path]) { $1 }
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("64 MiB") || message.contains("not a regular file"))
    }
}

/// A pipe the shell hands over by name (`alq <(cmd)`) is read as a script; a named FIFO is refused.
@Suite struct ProcessSubstitutionTests {
    @Test func aScriptFromProcessSubstitutionRuns() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "\"$ALQ\" <(echo '1 + 2 * 3')"]
        process.environment = ProcessInfo.processInfo.environment.merging(["ALQ": AlqProcess.binary.path]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "7")
    }
}
