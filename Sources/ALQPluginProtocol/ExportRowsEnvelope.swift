import ALQJSON

/// The object around an `export.rows` request's params, as the fast readers (``ExportRowsReader``, and the
/// plugin kit's reader of typed batches) walk it: `id` and `method` in any order, unknown keys skipped, duplicate keys
/// refused, and `params` handed to the reader's own scanner once the id and method are known.
public enum ExportRowsEnvelope {
    /// Reads the request object on `scanner` to its end. `params` is called with the scanner at the value
    /// of `params`, after an `id` and the method `export.rows`; it reads that value and returns `false`
    /// when the params are not its kind. The request's id, or `nil` for another request, one whose `params`
    /// come before its `id` and `method`, or one `params` declined.
    public static func read(_ scanner: inout JSONScanner, params: (inout JSONScanner) throws -> Bool) throws -> Int? {
        try scanner.expect(UInt8(ascii: "{"), "'{'")
        var id: Int?
        var isRows = false
        var keys = Set<String>()
        while true {
            let (key, start) = try scanner.key()
            guard keys.insert(key).inserted else { throw scanner.duplicateKey(key, at: start) }
            switch key {
            case "id":
                id = try scanner.value(depth: 1).numberValue?.int
            case "method":
                guard try scanner.value(depth: 1) == .string(PluginMethod.exportRows.rawValue) else { return nil }
                isRows = true
            case "params":
                guard isRows, id != nil, try params(&scanner) else { return nil }
            default:
                try scanner.skipValue(depth: 1)
            }
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.position += 1
                continue
            }
            try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
            try scanner.expectEnd()
            return isRows ? id : nil
        }
    }
}
