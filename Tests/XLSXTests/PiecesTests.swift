import Testing

@testable import XLSX

/// The small pieces: cell references, sheet names, header units, the XML reader and text escaping.
@Suite struct PiecesTests {
    @Test func cellReferences() {
        #expect(CellReference("A1") == CellReference(column: 1, row: 1))
        #expect(CellReference("xfd1048576") == CellReference(column: 16_384, row: 1_048_576))
        for text in ["XFE1", "A1048577", "A0", "1A", "A", "", "A1B", "$A$1"] {
            #expect(CellReference(text) == nil, "\(text)")
        }
        #expect(
            [1, 26, 27, 52, 702, 703, 16_384].map(CellReference.letters(ofColumn:)) == [
                "A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD",
            ])
    }

    @Test func sheetNames() {
        #expect(SheetName.valid("facts") == "facts")
        #expect(SheetName.valid("a/b:c?d*e[f]g\\h") == "a_b_c_d_e_f_g_h")
        #expect(SheetName.valid("'quoted'") == "quoted")
        #expect(SheetName.valid("") == "Sheet1")
        #expect(SheetName.valid(String(repeating: "长", count: 40)) == String(repeating: "长", count: 31))
        #expect(SheetName.valid("Data", taken: ["data", "Data (2)"]) == "Data (3)")
        #expect(SheetName.valid("history") == "history_")
        #expect(SheetName.valid("History of 2024") == "History of 2024")
    }

    @Test func headerUnits() {
        let units: Set<String> = ["CNY", "t", "%"]
        let isUnit = { units.contains($0) }
        #expect(HeaderUnit.header(name: "value", unit: "CNY") == "value (CNY)")
        #expect(HeaderUnit.header(name: "value", unit: nil) == "value")
        #expect(HeaderUnit.split("value (CNY)", isUnit: isUnit)! == ("value", "CNY"))
        #expect(HeaderUnit.split("output [t]", isUnit: isUnit)! == ("output", "t"))
        #expect(HeaderUnit.split("GDP (2024)", isUnit: isUnit) == nil)
        #expect(HeaderUnit.split("(CNY)", isUnit: isUnit) == nil)
        #expect(HeaderUnit.split("value", isUnit: isUnit) == nil)
    }

    @Test func xmlEvents() throws {
        let document = """
            <?xml version="1.0"?><!-- a comment --><x:root a="1 &amp; 2" x:b='&#x4E2D;&#25991;'>\
            text &lt;&gt;&quot;&apos;<![CDATA[<raw & text>]]><empty/></x:root>
            """
        var parser = XMLPullParser(Array(document.utf8), part: "test.xml")
        var events: [XMLEvent] = []
        while let event = try parser.next() { events.append(event) }
        #expect(
            events == [
                .start(name: "root", attributes: [("a", "1 & 2"), ("b", "中文")], isEmpty: false),
                .text("text <>\"'"), .text("<raw & text>"), .start(name: "empty", attributes: [], isEmpty: true),
                .end(name: "empty"), .end(name: "root"),
            ])
    }

    @Test func malformedXMLIsAnError() {
        for document in [
            "<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", "<x>&unknown;</x>", "<x a=1/>", "<x", "<!-- never closed",
            "<x>&#xD800;</x>", "<x>& </x>", "<a><b></a></b>", "<a>cut off", "</a>",
        ] {
            var parser = XMLPullParser(Array(document.utf8), part: "bad.xml")
            #expect(throws: XLSXError.self, "\(document)") { while try parser.next() != nil {} }
        }
    }

    @Test func textEscapes() {
        var out: [UInt8] = []
        XMLText.appendContent("a&<>\r\u{1}_x0041_\u{FFFF}\n\"", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&amp;&lt;&gt;&#13;_x0001__x005F_x0041__xFFFF_\n\"")
        #expect(
            XMLText.unescapeExcel("_x0001__x005F_x0041__xFFFF_ _x41_ _xZZZZ_") == "\u{1}_x0041_\u{FFFF} _x41_ _xZZZZ_")
        var attribute: [UInt8] = []
        XMLText.appendAttribute("a\"b&\t", to: &attribute)
        #expect(String(decoding: attribute, as: UTF8.self) == "a&quot;b&amp;&#9;")
    }
}
