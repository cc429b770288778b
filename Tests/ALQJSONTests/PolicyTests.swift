import ALQJSON
import Testing

/// The policy beyond the grammar (docs/plugins.md, "JSON"), the same at every depth.
@Suite struct PolicyTests {
    private func error(_ bytes: [UInt8]) -> JSONError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func error(_ text: String) -> JSONError? { error(Array(text.utf8)) }

    @Test(arguments: [0, 1, 5])
    func aRepeatedKeyIsAnErrorAtEveryDepth(depth: Int) {
        let inner = #"{"a":1,"b":2,"a":3}"#
        let text = String(repeating: "[", count: depth) + inner + String(repeating: "]", count: depth)
        #expect(error(text)?.message == #"the key "a" appears twice in one object"#)
        #expect(error(text)?.column == depth + 14)
    }

    @Test(arguments: [#""\ud800""#, #""\udc00""#, #""\ud800x""#, #""\ud800\u0041""#, #""\ud800\ud800""#])
    func aLoneSurrogateIsAnError(text: String) {
        #expect(error(text)?.message.hasPrefix("a lone UTF-16 surrogate") == true, "\(text)")
        #expect(error("{\"k\":[\(text)]}")?.message.hasPrefix("a lone UTF-16 surrogate") == true)
        #expect(error("{\(text):1}")?.message.hasPrefix("a lone UTF-16 surrogate") == true)
    }

    @Test(
        arguments: [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8IsAnErrorInValuesAndKeysAtEveryDepth(bad: [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let value = [quote] + bad + [quote]
        #expect(error(value)?.message == "a string is not valid UTF-8")
        #expect(error(Array("[[".utf8) + value + Array("]]".utf8))?.message == "a string is not valid UTF-8")
        #expect(error(Array("{\"a\":{".utf8) + value + Array(":1}}".utf8))?.message == "a string is not valid UTF-8")
        #expect(
            (try? JSONParser.parseMembers(Array("{\"a\":1,\"b\":[".utf8) + value + Array("]}".utf8), ["a"])) == nil)
    }

    @Test func nestingIsLimitedOnce() throws {
        let limit = JSONScanner.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { _ = try JSONParser.parse(Array(deepest.utf8)) }
        let tooDeep = "[" + deepest + "]"
        #expect(error(tooDeep)?.message == "nesting deeper than \(limit) levels")
        let objects = String(repeating: #"{"a":"#, count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)
        #expect(error(objects)?.message == "nesting deeper than \(limit) levels")
        #expect(error(String(repeating: "[", count: 100_000)) != nil)
    }

    @Test func errorsNameLineAndColumn() {
        let failure = error("[1,\n  2,\n  01]")
        #expect(failure?.line == 3 && failure?.column == 3 && failure?.message == "malformed number")
        #expect(error("[\"广西\", x]")?.column == 8)
    }

    @Test(arguments: [
        "12345678901234567891", "-9223372036854775809", "9007199254740993", "123456789012345678901234567890",
        "1.000000000000000000001", "1E+2", "-0", "0.1e-7",
    ])
    func numbersSurviveAReadAndAWriteUnchanged(text: String) throws {
        let document = "{\"id\":\(text),\"list\":[\(text)]}"
        let value = try JSONParser.parse(Array(document.utf8))
        #expect(String(decoding: JSONWriter.encode(value), as: UTF8.self) == document)
    }

    @Test func exactIntegersAreTold() throws {
        let big = try #require(JSONNumber(text: "12345678901234567891"))
        #expect(!big.isExactInteger && big.isInteger && big.int == nil)
        let safe = try #require(JSONNumber(text: "9007199254740992"))
        #expect(safe.isExactInteger && safe.int == 9_007_199_254_740_992)
        #expect(JSONNumber(text: "9007199254740993")?.isExactInteger == false)
        #expect(JSONNumber(text: "2.5")?.isInteger == false)
        #expect(JSONNumber(text: "+1") == nil)
        #expect(JSONNumber(205e9)?.text == "205000000000")
        #expect(JSONNumber(0.1)?.text == "0.1")
        #expect(JSONNumber(.nan) == nil)
    }

    @Test func writerEscapesMinimallyAndRoundTrips() throws {
        let value: JSONValue = ["s\"k": "a\"b\\c\n\t\u{01}广西/", "n": nil, "l": [true, false, 3]]
        let text = String(decoding: JSONWriter.encode(value), as: UTF8.self)
        #expect(text == #"{"s\"k":"a\"b\\c\n\t\u0001广西/","n":null,"l":[true,false,3]}"#)
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
    }

    @Test func membersKeepTheirOrder() throws {
        let value = try JSONParser.parse(Array(#"{"z":1,"a":2,"m":3}"#.utf8))
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func parseMembersBuildsOnlyWhatIsAskedButChecksEverything() throws {
        let object = try JSONParser.parseMembers(Array(#"{"a":1,"b":{"c":[1,2]},"d":"x"}"#.utf8), ["a", "d"])
        #expect(object.keys == ["a", "d"])
        #expect((try? JSONParser.parseMembers(Array(#"{"a":1,"b":[01]}"#.utf8), ["a"])) == nil)
        #expect((try? JSONParser.parseMembers(Array(#"{"a":1,"b":{"c":1,"c":2}}"#.utf8), ["a"])) == nil)
        #expect((try? JSONParser.parseMembers(Array(#"{"a":1} x"#.utf8), ["a"])) == nil)
        let header = try JSONParser.parseMembers(
            Array(#"{"a":1,"b":2,"c":[01"#.utf8), ["a", "b"], stoppingWhenFound: true)
        #expect(header.keys.sorted() == ["a", "b"])
        #expect(
            (try? JSONParser.parseMembers(Array(#"{"a":1,"c":[01],"b":2}"#.utf8), ["a", "b"], stoppingWhenFound: true))
                == nil)
    }
}
