import ALQJSON
import Testing

/// The parser against RFC 8259's grammar, production by production: each row is a document and
/// whether the RFC allows it.
@Suite struct GrammarTests {
    /// Documents RFC 8259 allows (section numbers in the comments).
    static let accepted: [String] = [
        // 2. JSON text = ws value ws; any value may be the top level.
        "null", "true", "false", "0", "\"\"", "[]", "{}", " \t\r\n[ ]\n\t ",
        // 4. Objects: name-separator and value-separator with whitespace around them.
        #"{"a":1}"#, #"{ "a" : 1 , "b" : [ ] }"#, #"{"":0}"#, #"{"a":{"a":{"a":null}}}"#,
        // 5. Arrays.
        "[1,2,3]", "[ 1 , \"x\" , null , true , false , {} , [] ]", "[[[]]]",
        // 6. Numbers: minus? int frac? exp?; int = zero / digit1-9 *DIGIT.
        "-0", "0.5", "-0.5", "10", "1e5", "1E5", "1e+5", "1e-5", "1.5e10", "-1.5E-10", "0e0", "0.0",
        "123456789012345678901234567890", "1e308", "4.9e-324",
        // 7. Strings: escapes, \u with surrogate pairs, any other character as itself.
        #""\" \\ \/ \b \f \n \r \t""#, #""\u0041\u00e9\u4E2D""#, #""\ud83d\ude00""#, "\"广西 ☃ 😀\"",
        "\"\u{7F}\"",
        // 8.1 A byte order mark may be ignored.
        "\u{FEFF}[1]",
    ]

    /// Documents RFC 8259 forbids, with the reason.
    static let rejected: [(String, String)] = [
        ("", "no value"), ("   ", "only whitespace"), ("[1] x", "trailing garbage"), ("[1][2]", "two values"),
        ("nul", "truncated literal"), ("True", "literals are lower case"), ("NaN", "no NaN"),
        ("Infinity", "no infinity"), ("undefined", "no undefined"),
        // Numbers.
        ("+1", "leading plus"), ("012", "leading zero"), ("-012", "leading zero after minus"), ("00", "two zeros"),
        ("1.", "fraction without digits"), (".5", "no integer part"), ("-", "minus alone"), ("-.5", "minus dot"),
        ("1e", "exponent without digits"), ("1e+", "signed exponent without digits"), ("1.e5", "dot before e"),
        ("0x10", "hexadecimal"), ("1_000", "digit separator"), ("- 1", "space after minus"), ("1e400", "overflows"),
        ("[1,]", "trailing comma in an array"), ("[,1]", "leading comma"), ("[1 2]", "missing comma"),
        ("[", "unclosed array"), ("]", "closing bracket alone"),
        // Objects.
        (#"{"a":1,}"#, "trailing comma in an object"), (#"{a:1}"#, "unquoted key"), (#"{'a':1}"#, "single quotes"),
        (#"{"a" 1}"#, "missing colon"), (#"{"a":}"#, "missing value"), (#"{1:1}"#, "number as key"),
        (#"{"a":1 "b":2}"#, "missing comma between members"), (#"{"a":1"#, "unclosed object"),
        // Strings.
        (#""abc"#, "unclosed string"), ("'a'", "single-quoted string"), ("\"a\u{01}b\"", "raw control character"),
        ("\"a\nb\"", "raw newline"), ("\"a\tb\"", "raw tab"), (#""\x41""#, "unknown escape"),
        (#""\u12""#, "short \\u escape"),
        (#""\u12G4""#, "non-hex \\u escape"), (#""\'""#, "escaped single quote"),
        // Comments are not JSON.
        ("[1] // c", "line comment"), ("/* c */ [1]", "block comment"),
    ]

    @Test(arguments: GrammarTests.accepted)
    func accepts(_ text: String) throws {
        #expect(throws: Never.self) { _ = try JSONParser.parse(Array(text.utf8)) }
    }

    @Test(arguments: GrammarTests.rejected)
    func rejects(_ text: String, _ reason: String) {
        #expect(throws: JSONError.self, "\(reason): \(text)") { _ = try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func everyRejectedDocumentIsRejectedInsideAnArrayAndAnObjectToo() {
        for (text, reason) in Self.rejected where !text.isEmpty && !text.hasPrefix("/*") && !text.hasSuffix("// c") {
            guard !text.trimmingPrefix(while: { $0 == " " }).isEmpty, !text.contains(" x"), text != "[1][2]" else {
                continue
            }
            #expect(throws: JSONError.self, "\(reason), nested") { _ = try JSONParser.parse(Array("[\(text)]".utf8)) }
            #expect(throws: JSONError.self, "\(reason), as a member") {
                _ = try JSONParser.parse(Array("{\"k\":{\"k\":\(text)}}".utf8))
            }
        }
    }
}
