/// Reads sheets from an `.xlsx` workbook as tables.
///
/// ```swift
/// let workbook = try WorkbookReader(path: "f.xlsx")
/// let table = try workbook.read(sheet: "Facts")   // nil: the first sheet
/// ```
public struct WorkbookReader {
    private let zip: ZipParts
    private let parts: WorkbookParts
    private let limits: ReadLimits

    /// Opens the workbook at `path`.
    public init(path: String, limits: ReadLimits = ReadLimits()) throws(XLSXError) {
        self.limits = limits
        zip = try ZipParts(path: path, limits: limits)
        parts = try WorkbookParts(zip)
    }

    /// Opens the workbook whose bytes are `bytes`.
    public init(bytes: [UInt8], limits: ReadLimits = ReadLimits()) throws(XLSXError) {
        self.limits = limits
        zip = try ZipParts(bytes: bytes, limits: limits)
        parts = try WorkbookParts(zip)
    }

    /// The names of the worksheets, in the workbook's order.
    public var sheetNames: [String] { parts.sheets.map(\.name) }

    /// The sheet named `sheet` (exactly, or else ignoring case, as Excel does), or the first sheet,
    /// with the column names from `header`. `progress` is called as the work advances (each piece of
    /// the unpacked part, each row), so that a caller can say it is still at work on a large sheet.
    public func read(
        sheet: String? = nil, header: HeaderRow = .firstFilled, progress: () -> Void = {}
    ) throws(XLSXError) -> SheetTable {
        guard let first = parts.sheets.first else { throw XLSXError("the workbook has no worksheet") }
        var chosen = first
        if let sheet {
            guard
                let named = parts.sheets.first(where: { $0.name == sheet })
                    ?? parts.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() })
            else {
                let names = parts.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                throw XLSXError("the workbook has no sheet '\(sheet)'; its sheets are \(names)")
            }
            chosen = named
        }
        guard let bytes = try zip.read(chosen.path, progress: progress) else {
            throw XLSXError("the sheet '\(chosen.name)' has no part \(chosen.path) in the workbook")
        }
        let rows = try SheetReader(parts: parts, limits: limits).rows(bytes, part: chosen.path, progress: progress)
        return try SheetTable(sheetName: chosen.name, rows: rows, header: header, limits: limits, progress: progress)
    }
}
