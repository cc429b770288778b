/// Parses JSON text (RFC 8259, strictly) into a ``JSONValue`` tree.
///
/// The policy every reader shares (docs/plugins.md, "JSON"): the text is UTF-8 (a leading byte order
/// mark is skipped); a repeated key in one object, a lone UTF-16 surrogate, a string that is not
/// UTF-8, a control character in a string, a number outside JSON's grammar or beyond a double's range,
/// nesting deeper than ``JSONScanner/maximumDepth``, and anything but whitespace after the value are
/// errors, at every depth.
public enum JSONParser {
    /// Parses one value filling the whole text (whitespace around it allowed).
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { data throws(JSONError) in try parse(data) }
    }

    /// Parses one value filling the whole text (whitespace around it allowed).
    public static func parse(_ data: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
        var scanner = JSONScanner(data)
        let value = try scanner.value()
        try scanner.expectEnd()
        return value
    }

    /// Parses a document that must be an object, building only the members named in `wanted` and
    /// checking the others without building them (to read a header cheaply). The whole text is checked,
    /// unless `stoppingWhenFound` is set: then reading stops after the last wanted member, and what
    /// follows it is not looked at (for a document that is checked whole later, before it is used).
    public static func parseMembers(_ bytes: [UInt8], _ wanted: Set<String>, stoppingWhenFound: Bool = false)
        throws(JSONError) -> JSONObject
    {
        try bytes.withUnsafeBufferPointer { data throws(JSONError) in
            var scanner = JSONScanner(data)
            try scanner.expect(UInt8(ascii: "{"), "'{'")
            var object = JSONObject()
            var keys = Set<String>()
            if scanner.peek() == UInt8(ascii: "}") {
                scanner.position += 1
            } else {
                while true {
                    let (key, keyStart) = try scanner.key()
                    guard keys.insert(key).inserted else { throw scanner.duplicateKey(key, at: keyStart) }
                    if wanted.contains(key) {
                        object[key] = try scanner.value(depth: 1)
                        if stoppingWhenFound && keys.isSuperset(of: wanted) { return object }
                    } else {
                        try scanner.skipValue(depth: 1)
                    }
                    if scanner.peek() == UInt8(ascii: ",") {
                        scanner.position += 1
                        continue
                    }
                    try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
                    break
                }
            }
            try scanner.expectEnd()
            return object
        }
    }
}
