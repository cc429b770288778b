/// What the small parts of a workbook say: where the workbook part is, its sheets and where their
/// parts are, the shared strings, which styles are dates, and the date system.
struct WorkbookParts {
    /// A sheet: its name and the path of its part in the zip.
    struct Sheet {
        var name: String
        var path: String
    }

    var sheets: [Sheet] = []
    var sharedStrings: [String] = []
    /// For each cell style (`s`), whether its number format is a date.
    var dateStyles: [Bool] = []
    /// Whether dates count from 1904-01-01 (`<workbookPr date1904="1"/>`).
    var date1904 = false

    init(_ zip: ZipParts) throws(XLSXError) {
        let workbookPath = try WorkbookParts.officeDocument(zip)
        guard let workbook = try zip.read(workbookPath) else {
            throw XLSXError("it is not an xlsx workbook: it has no part \(workbookPath)")
        }
        let folder = WorkbookParts.folder(of: workbookPath)
        let relationships = try WorkbookParts.relationships(
            zip, path: folder + "_rels/" + workbookPath.split(separator: "/").last! + ".rels", folder: folder)
        var parser = XMLPullParser(workbook, part: workbookPath)
        while let event = try parser.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr", let flag = attributes.value("date1904") {
                date1904 = flag == "1" || flag == "true"
            } else if name == "sheet" {
                guard let sheetName = attributes.value("name"), let id = attributes.value("id"),
                    let target = relationships.first(where: { $0.id == id })
                else { throw XLSXError("\(workbookPath) lists a sheet without a name or a part") }
                // Chart sheets and macro sheets have no cells to read.
                guard target.type.hasSuffix("/worksheet") else { continue }
                sheets.append(Sheet(name: sheetName, path: target.path))
            }
        }
        if let path = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.path,
            let bytes = try zip.read(path)
        {
            sharedStrings = try WorkbookParts.sharedStrings(bytes, part: path)
        }
        if let path = relationships.first(where: { $0.type.hasSuffix("/styles") })?.path, let bytes = try zip.read(path)
        {
            dateStyles = try WorkbookParts.dateStyles(bytes, part: path)
        }
    }

    /// The workbook part named by the package's relationships (`xl/workbook.xml` as a rule).
    private static func officeDocument(_ zip: ZipParts) throws(XLSXError) -> String {
        let relationships = try relationships(zip, path: "_rels/.rels", folder: "")
        if let target = relationships.first(where: { $0.type.hasSuffix("/officeDocument") }) { return target.path }
        if zip.contains("xl/workbook.xml") { return "xl/workbook.xml" }
        throw XLSXError("it is not an xlsx workbook: it has no workbook part")
    }

    private struct Relationship {
        var id: String
        var type: String
        var path: String
    }

    private static func relationships(_ zip: ZipParts, path: String, folder: String) throws(XLSXError)
        -> [Relationship]
    {
        guard let bytes = try zip.read(path) else { return [] }
        var parser = XMLPullParser(bytes, part: path)
        var found: [Relationship] = []
        while let event = try parser.next() {
            guard case .start("Relationship", let attributes, _) = event, let id = attributes.value("Id"),
                let type = attributes.value("Type"), let target = attributes.value("Target"),
                attributes.value("TargetMode") != "External"
            else { continue }
            found.append(Relationship(id: id, type: type, path: resolve(target, in: folder)))
        }
        return found
    }

    /// A relationship's target as a path in the zip: relative to the folder of the part, or from the
    /// root when it starts with `/`; `.` and `..` resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        let full = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var segments: [Substring] = []
        for segment in full.split(separator: "/") {
            if segment == "." { continue }
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The folder of a part, with its trailing `/` (`xl/` for `xl/workbook.xml`).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The shared strings in order: each `<si>`'s text, the runs of rich text joined, phonetic
    /// guides (`<rPh>`) left out, Excel's `_xHHHH_` escapes undone.
    static func sharedStrings(_ bytes: [UInt8], part: String) throws(XLSXError) -> [String] {
        var parser = XMLPullParser(bytes, part: part)
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        while let event = try parser.next() {
            switch event {
            case .start("si", _, _): current = ""
            case .end("si"): strings.append(XMLText.unescapeExcel(current))
            case .start("rPh", _, _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _, _): inText = phonetic == 0
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            default: continue
            }
        }
        return strings
    }

    /// For each entry of `<cellXfs>`, whether its number format shows a date.
    static func dateStyles(_ bytes: [UInt8], part: String) throws(XLSXError) -> [Bool] {
        var parser = XMLPullParser(bytes, part: part)
        var customDates: [Int: Bool] = [:]
        var styles: [Bool] = []
        var inCellXfs = false
        while let event = try parser.next() {
            switch event {
            case .start("numFmt", let attributes, _):
                if let id = attributes.value("numFmtId").flatMap({ Int($0) }), let code = attributes.value("formatCode")
                {
                    customDates[id] = NumberFormat.isDate(code: code)
                }
            case .start("cellXfs", _, _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let attributes, _) where inCellXfs:
                let id = attributes.value("numFmtId").flatMap { Int($0) } ?? 0
                styles.append(customDates[id] ?? NumberFormat.isDate(builtIn: id))
            default: continue
            }
        }
        return styles
    }
}
