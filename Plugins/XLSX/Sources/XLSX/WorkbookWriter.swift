import Foundation
import ZIPFoundation

/// Writes a workbook: sheets of typed cells, with their header rows, into the bytes of an `.xlsx`
/// file (a zip of SpreadsheetML parts, deflated).
///
/// ```swift
/// var workbook = WorkbookWriter()
/// try workbook.addSheet(named: "facts", header: ["region", "value (CNY)"])
/// try workbook.appendRow([.string("Guangxi"), .number(205e9)])
/// let bytes = try workbook.finish()
/// ```
public struct WorkbookWriter {
    private var strings = SharedStringTable()
    private var sheets: [WorksheetWriter] = []

    public init() {}

    /// Starts a sheet; later rows go to it. The name is made valid for Excel (``SheetName/valid(_:taken:)``).
    public mutating func addSheet(named name: String, header: [String]) throws(XLSXError) {
        let name = SheetName.valid(name, taken: sheets.map(\.name))
        sheets.append(try WorksheetWriter(name: name, header: header, strings: &strings))
    }

    /// The names the sheets were given, in order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// Appends a row to the last sheet; `.empty` cells are left out.
    public mutating func appendRow(_ cells: [XLSXCell]) throws(XLSXError) {
        guard !sheets.isEmpty else { throw XLSXError("a row before any sheet") }
        try sheets[sheets.count - 1].appendRow(cells, strings: &strings)
    }

    /// The workbook's bytes. A workbook needs a sheet: with none, it has one empty `Sheet1`.
    public mutating func finish() throws(XLSXError) -> [UInt8] {
        if sheets.isEmpty { try addSheet(named: "Sheet1", header: []) }
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", WriterStyle.stylesXML), ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml)) }
        return try ZipArchiveWriter.archive(parts)
    }

    private var contentTypes: [UInt8] {
        var text = SpreadsheetML.declaration + #"<Types xmlns="\#(SpreadsheetML.contentTypes)">"#
        text += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        text += #"<Default Extension="xml" ContentType="application/xml"/>"#
        let prefix = SpreadsheetML.contentTypePrefix
        text += #"<Override PartName="/xl/workbook.xml" ContentType="\#(prefix)sheet.main+xml"/>"#
        text += #"<Override PartName="/xl/styles.xml" ContentType="\#(prefix)styles+xml"/>"#
        text += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(prefix)sharedStrings+xml"/>"#
        for index in sheets.indices {
            text +=
                #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="\#(prefix)worksheet+xml"/>"#
        }
        return Array((text + "</Types>").utf8)
    }

    private var packageRelationships: [UInt8] {
        Array(
            (SpreadsheetML.declaration + #"<Relationships xmlns="\#(SpreadsheetML.packageRelationships)">"#
                + #"<Relationship Id="rId1" Type="\#(SpreadsheetML.officeDocument)" Target="xl/workbook.xml"/>"#
                + "</Relationships>").utf8)
    }

    private var workbook: [UInt8] {
        var out = Array(SpreadsheetML.declaration.utf8)
        out.append(
            contentsOf: #"<workbook xmlns="\#(SpreadsheetML.main)" xmlns:r="\#(SpreadsheetML.relationships)">"#.utf8)
        out.append(contentsOf: "<bookViews><workbookView/></bookViews><sheets>".utf8)
        for (index, sheet) in sheets.enumerated() {
            out.append(contentsOf: "<sheet name=\"".utf8)
            XMLText.appendAttribute(sheet.name, to: &out)
            out.append(contentsOf: "\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>".utf8)
        }
        out.append(contentsOf: "</sheets></workbook>".utf8)
        return out
    }

    private var workbookRelationships: [UInt8] {
        var text = SpreadsheetML.declaration + #"<Relationships xmlns="\#(SpreadsheetML.packageRelationships)">"#
        for index in sheets.indices {
            text +=
                #"<Relationship Id="rId\#(index + 1)" Type="\#(SpreadsheetML.worksheetRelationship)" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        let styles = sheets.count + 1
        text += #"<Relationship Id="rId\#(styles)" Type="\#(SpreadsheetML.stylesRelationship)" Target="styles.xml"/>"#
        text +=
            #"<Relationship Id="rId\#(styles + 1)" Type="\#(SpreadsheetML.sharedStringsRelationship)" Target="sharedStrings.xml"/>"#
        return Array((text + "</Relationships>").utf8)
    }
}

/// The zip container, through ZIPFoundation, in memory.
enum ZipArchiveWriter {
    /// 1980-01-01, the earliest date a zip entry has: the same table gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static func archive(_ parts: [(String, [UInt8])]) throws(XLSXError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in parts {
                let data = Data(bytes)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw XLSXError("the zip archive has no data") }
            return [UInt8](data)
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError("cannot write the zip archive: \(error)")
        }
    }
}
