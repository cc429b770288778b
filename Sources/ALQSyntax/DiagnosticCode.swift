/// The stable code of every diagnostic alq reports. The raw value is what users see (`E0102`).
///
/// The hundreds digit groups codes by what went wrong and decides the exit status:
/// `E00xx` lexical and `E001x` syntax errors exit 3, `E05xx` plugin errors exit 4, `E0306` (interrupted)
/// exits 130, all others exit 1 (see ``ExitStatus``).
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Lexical
    case invalidCharacter = "E0001"
    case unterminatedString = "E0002"
    case numberOutOfRange = "E0003"
    case invalidEscape = "E0004"
    case invalidUTF8 = "E0005"
    // Syntax
    case unexpectedToken = "E0010"
    case expectedExpression = "E0011"
    case unclosedBracket = "E0012"
    case nestingTooDeep = "E0013"
    case unknownUnit = "E0014"
    case invalidStage = "E0015"
    // Names
    case unknownName = "E0101"
    case unknownColumn = "E0102"
    case unknownFunction = "E0103"
    case unknownMember = "E0104"
    case unknownFormat = "E0105"
    // Types and units
    case typeMismatch = "E0201"
    case unitMismatch = "E0202"
    case wrongArgumentCount = "E0203"
    case invalidArgument = "E0204"
    case invalidPattern = "E0205"
    // Evaluation
    case divisionByZero = "E0301"
    case indexOutOfRange = "E0302"
    case keyNotFound = "E0303"
    case ambiguousLookup = "E0304"
    case numericOverflow = "E0305"
    case interrupted = "E0306"
    case recursionTooDeep = "E0307"
    case valueTooDeep = "E0308"
    // Files and data
    case cannotOpenFile = "E0401"
    case malformedData = "E0402"
    case exportFailed = "E0403"
    // Plugins and packs
    case pluginFailed = "E0501"
    case pluginProtocol = "E0502"
    case pluginTimeout = "E0503"
    case invalidPack = "E0504"
    case moduleConflict = "E0505"

    /// Whether the code reports a problem found before anything ran (exit status 3).
    public var isSyntaxError: Bool { rawValue < "E0100" }

    /// The process exit status a script that stops on this diagnostic ends with.
    public var exitStatus: Int32 {
        if self == .interrupted { return ExitStatus.interrupted }
        if isSyntaxError { return ExitStatus.syntaxError }
        if rawValue.hasPrefix("E05") { return ExitStatus.pluginError }
        return ExitStatus.runtimeError
    }
}
