import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// `open(path, format = null, delimiter = null, header = true, sheet = null, options = null)`.
enum OpenArguments {
    static func open(_ call: BuiltinCall) throws(Diagnostic) -> Value {
        let (path, format, options) = try request(call)
        return .table(
            try call.session.host.open(path: path, format: format, options: options, registry: call.session.registry))
    }

    /// The path, format and reader options a call of `open` asks for.
    static func request(_ call: BuiltinCall) throws(Diagnostic) -> (path: String, format: String?, options: ReadOptions)
    {
        let path = try call.string(0, "a path string")
        var format: String?
        if !call[1].isNull { format = try call.string(1, "a format name") }
        var options = ReadOptions()
        if !call[2].isNull {
            let text = try call.string(2, "a one-character string")
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 10, byte != 13
            else {
                throw Diagnostic(
                    .invalidArgument, "a delimiter is one ASCII character other than a quote or a line break",
                    help: "for example delimiter = \"\\t\" or delimiter = \";\"")
            }
            options.delimiter = byte
        }
        switch call[3] {
        case .null: break
        case .bool(let flag): options.header = flag
        default: throw call.mistyped(3, "true or false")
        }
        // Options alq does not define itself go to the format's reader (a plugin's) as they are.
        if !call[4].isNull { options.formatOptions.append(("sheet", call[4])) }
        switch call[5] {
        case .null: break
        case .record(let record):
            for (key, value) in zip(record.keys, record.values) {
                options.formatOptions.removeAll { $0.name == key }
                options.formatOptions.append((key, value))
            }
        default: throw call.mistyped(5, "a record of options, such as {sheet: \"Facts\"}")
        }
        return (path, format, options)
    }
}
