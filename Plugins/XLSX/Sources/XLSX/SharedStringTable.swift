/// The workbook's shared strings as the writer collects them: each distinct text once, cells refer to
/// it by index (`<c t="s"><v>INDEX</v></c>`), as Excel itself writes text.
struct SharedStringTable {
    private var indexes: [String: Int] = [:]
    private(set) var strings: [String] = []
    /// Each string's length in UTF-16 units, as Excel counts characters.
    private(set) var lengths: [Int] = []
    /// About how many character widths each string takes (``WorksheetWriter/width(of:)``).
    private(set) var widths: [Double] = []
    /// How many cells refer to the table.
    private(set) var references = 0

    /// The index of `text`, added when new.
    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        let index = strings.count
        indexes[text] = index
        strings.append(text)
        lengths.append(text.utf16.count)
        widths.append(WorksheetWriter.width(of: text))
        return index
    }

    /// The part `xl/sharedStrings.xml`.
    var xml: [UInt8] {
        var out = Array(SpreadsheetML.declaration.utf8)
        out.append(
            contentsOf: #"<sst xmlns="\#(SpreadsheetML.main)" count="\#(references)" uniqueCount="\#(strings.count)">"#
                .utf8)
        for text in strings {
            out.append(contentsOf: XMLText.needsPreserve(text) ? #"<si><t xml:space="preserve">"#.utf8 : "<si><t>".utf8)
            XMLText.appendContent(text, to: &out)
            out.append(contentsOf: "</t></si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }
}
