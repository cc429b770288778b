import ALQCalendar

/// Reads the cells of a worksheet part (`<sheetData>`): each `<c>` with its type (`t`), style (`s`),
/// value (`<v>`) or inline string (`<is>`); formulas are read by their cached value.
struct SheetReader {
    let parts: WorkbookParts
    let limits: ReadLimits

    /// The cells of each row; `progress` is called at each row.
    func rows(_ bytes: [UInt8], part: String, progress: () -> Void = {}) throws(XLSXError)
        -> [[(column: Int, cell: XLSXCell)]]
    {
        var parser = XMLPullParser(bytes, part: part)
        var rows: [[(column: Int, cell: XLSXCell)]] = []
        var cellCount = 0
        var rowNumber = 0
        var nextColumn = 1
        var cell: (column: Int, type: String, style: Int)?
        var value = ""
        var inlineText = ""
        var capture: Capture = .none
        var phonetic = 0
        while let event = try parser.next() {
            switch event {
            case .start("row", let attributes, _):
                progress()
                if let text = attributes.value("r") {
                    guard let number = Int(text), number > rowNumber, number <= CellReference.maximumRows else {
                        throw XLSXError("\(part) has a row numbered '\(text)' out of order or past row 1048576")
                    }
                    rowNumber = number
                } else {
                    rowNumber += 1
                }
                nextColumn = 1
            case .start("c", let attributes, _):
                var column = nextColumn
                if let reference = attributes.value("r") {
                    guard let parsed = CellReference(reference) else {
                        throw XLSXError("\(part) has a cell at '\(reference)', which is no cell of a sheet")
                    }
                    column = parsed.column
                }
                guard column <= CellReference.maximumColumns else {
                    throw XLSXError("\(part) has a cell past column XFD")
                }
                nextColumn = column + 1
                cell = (column, attributes.value("t") ?? "n", attributes.value("s").flatMap { Int($0) } ?? 0)
                value = ""
                inlineText = ""
            case .start("v", _, _): capture = .value
            case .start("rPh", _, _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _, _) where cell != nil: capture = phonetic == 0 ? .inline : .none
            case .end("v"), .end("t"): capture = .none
            case .text(let text):
                switch capture {
                case .value: value += text
                case .inline: inlineText += text
                case .none: break
                }
            case .end("c"):
                guard let current = cell else { continue }
                cell = nil
                let read = try self.cell(type: current.type, style: current.style, value: value, inline: inlineText)
                if read == .empty { continue }
                cellCount += 1
                guard cellCount <= limits.cells else {
                    throw XLSXError("\(part) has more than the \(limits.cells) cells alq reads from a sheet")
                }
                let index = max(rowNumber, 1) - 1
                if rows.count <= index {
                    rows.append(contentsOf: repeatElement([], count: index + 1 - rows.count))
                }
                rows[index].append((current.column, read))
            default: continue
            }
        }
        return rows
    }

    private enum Capture { case none, value, inline }

    private func cell(type: String, style: Int, value: String, inline: String) throws(XLSXError) -> XLSXCell {
        switch type {
        case "s":
            guard let index = Int(value.trimmingSpaces), parts.sharedStrings.indices.contains(index) else {
                throw XLSXError("a cell refers to shared string '\(value)', which the workbook does not have")
            }
            return .string(parts.sharedStrings[index])
        case "inlineStr": return .string(XMLText.unescapeExcel(inline))
        case "str": return .string(XMLText.unescapeExcel(value))
        case "b": return value.trimmingSpaces == "1" || value.trimmingSpaces == "true" ? .bool(true) : .bool(false)
        case "e": return .empty
        case "d": return SheetReader.isoDate(value.trimmingSpaces) ?? .string(value)
        default:
            let text = value.trimmingSpaces
            if text.isEmpty { return .empty }
            guard let number = Double(text), number.isFinite else {
                throw XLSXError("a number cell holds '\(text)', which is not a number")
            }
            if parts.dateStyles.indices.contains(style), parts.dateStyles[style],
                let (day, seconds) = ExcelSerialDate.dayAndTime(of: number, date1904: parts.date1904),
                number >= 1 || parts.date1904
            {
                return seconds == 0 ? .date(day) : .dateTime(day, secondsIntoDay: seconds)
            }
            return SheetReader.isBigInteger(text, number) ? .bigInteger(text) : .number(number)
        }
    }

    /// Whether `text` is an integer of more digits than a double holds exactly (it is kept as text).
    static func isBigInteger(_ text: String, _ number: Double) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard digits.count > 15, digits.allSatisfy(\.isASCIIDigit) else { return false }
        guard let integer = UInt64(digits) else { return true }
        return UInt64(exactly: number.magnitude) != integer
    }

    /// A `t="d"` cell's ISO 8601 text: `2024-05-01` or `2024-05-01T13:30:00`.
    static func isoDate(_ text: String) -> XLSXCell? {
        guard let day = CivilDay(iso8601: String(text.prefix(10))) else { return nil }
        let time = text.dropFirst(10)
        if time.isEmpty { return .date(day) }
        let parts = time.dropFirst().split(separator: ":")
        guard time.first == "T", parts.count >= 2, let hours = Double(parts[0]), let minutes = Double(parts[1]) else {
            return nil
        }
        let seconds = parts.count > 2 ? Double(parts[2].prefix { $0 != "Z" && $0 != "+" }) ?? 0 : 0
        let total = hours * 3600 + minutes * 60 + seconds
        return total == 0 ? .date(day) : .dateTime(day, secondsIntoDay: total)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
