/// Splits the command line at the first `--` that is not an option's value: what comes before is
/// alq's own, what comes after is the script's (`args`).
enum ScriptArguments {
    /// Options that take the next argument as their value.
    private static let optionsWithValues: Set<String> = ["-c", "--format", "--set", "--plugin"]

    static func split(_ arguments: [String]) -> (own: [String], forScript: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                return (Array(arguments[..<index]), Array(arguments[(index + 1)...]))
            }
            index += optionsWithValues.contains(argument) ? 2 : 1
        }
        return (arguments, [])
    }
}
