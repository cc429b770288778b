/// Splits the command line at the first `--` that is not an option's value: what comes before is
/// alq's own, what comes after is the script's (`args`).
enum ScriptArguments {
    /// Whether an option takes the next argument as its value. (A switch, not a `Set`: the set's generic
    /// metadata would be built from its mangled name at every start.)
    private static func takesValue(_ argument: String) -> Bool {
        switch argument {
        case "-c", "--format", "--set", "--plugin": true
        default: false
        }
    }

    static func split(_ arguments: [String]) -> (own: [String], forScript: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                return (Array(arguments[..<index]), Array(arguments[(index + 1)...]))
            }
            index += takesValue(argument) ? 2 : 1
        }
        return (arguments, [])
    }
}
