import ALQShell
import ALQSyntax

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks `-c TEXT` on the raw command line, before argument parsing replaces invalid UTF-8 with U+FFFD
/// and a repeated option keeps only its last value.
enum CommandTextCheck {
    /// The exit status to end with, after a message, or `nil` when the command line is fine.
    static func failureStatus(_ arguments: [[UInt8]]) -> Int32? {
        var texts: [[UInt8]] = []
        var index = 1
        while index < arguments.count {
            if arguments[index] == Array("--".utf8) { break }
            if arguments[index] == Array("-c".utf8), index + 1 < arguments.count {
                texts.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        if texts.count > 1 {
            StandardStreams.err(
                "alq: error: -c may be given once; put several statements in one TEXT, separated by ';' or newlines\n")
            return ExitStatus.usageError
        }
        if let text = texts.first,
            case .failure(let diagnostic) = SourceFile.decode(name: "<command line>", bytes: text)
        {
            StandardStreams.err(DiagnosticRenderer(color: ColorPolicy(enabled: false)).render(diagnostic))
            return diagnostic.code.exitStatus
        }
        return nil
    }

    /// The process's arguments as bytes.
    static var rawArguments: [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                    count: strlen(pointer)))
        }
    }
}
