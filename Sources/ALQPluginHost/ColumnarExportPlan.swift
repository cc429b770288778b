import ALQJSON
import ALQPluginProtocol
import ALQRuntime
import FormatSupport

/// How a table crosses to a plugin that speaks protocol version 2: one column descriptor per column
/// (with `unit` and `kind` where the column's quantities share them), and batches written column by
/// column straight from the typed columns (docs/plugins.md, "Columnar batches").
///
/// Columns are planned by ``ExportLayout`` as in version 1, except that a column whose quantities all
/// have one unit says so in its descriptor and gets no companion `NAME_unit` column.
struct ColumnarExportPlan {
    /// One written column.
    struct Entry {
        var descriptor: ColumnDescription
        /// The table column it comes from.
        var source: Int
        /// Its values, or the units of its quantities.
        var role: ExportColumn.Role
        /// A string column's dictionary, escaped once.
        var strings: EncodedStrings?
    }

    let entries: [Entry]
    /// Whether string columns may travel as a dictionary and codes (protocol 3).
    let encodesDictionaries: Bool

    /// The plan for `table`; with `dictionaries` (protocol 3), a batch of a string column whose rows
    /// repeat goes as `{"dictionary": […], "codes": […]}`.
    init(_ table: Table, dictionaries: Bool = false) {
        encodesDictionaries = dictionaries
        let layout = ExportLayout.columns(of: table, unitInHeader: false)
        let shapes = table.columns.map(Shape.init)
        entries = layout.compactMap { column -> Entry? in
            let shape = shapes[column.source]
            if column.role == .units {
                if shape.unit != nil { return nil }
                return Entry(
                    descriptor: ColumnDescription(name: column.name, type: .string), source: column.source,
                    role: .units)
            }
            var strings: EncodedStrings?
            if case .string(let values) = table.columns[column.source] {
                strings = EncodedStrings(values.dictionary, encode: JSONText.encodedString)
            }
            return Entry(
                descriptor: ColumnDescription(name: column.name, type: shape.type, unit: shape.unit, kind: shape.kind),
                source: column.source, role: .values, strings: strings)
        }
    }

    /// The descriptors, for `export.begin`.
    var descriptors: [ColumnDescription] { entries.map(\.descriptor) }

    /// What a column holds, as far as its descriptor says.
    struct Shape {
        var type: ColumnDescription.ColumnType
        var unit: String?
        var kind: String?

        init(_ column: Column) {
            switch column {
            case .number(let numbers): type = numbers.isInteger ? .integer : .number
            case .string: type = .string
            case .bool: type = .bool
            case .quantity(let quantities):
                type = .number
                if quantities.dimension != .none { unit = quantities.dimension.symbol }
            case .mixed(let values): self = Shape(values)
            }
        }

        /// A mixed column: numbers when every value is a number or a quantity (with `unit` when all are
        /// quantities of one unit, and `kind` when they share one), dates when every value is a date,
        /// `any` otherwise.
        init(_ values: [Value]) {
            var numeric = true
            var dates = true
            var dimension: Dimension?
            var uniform = true
            var kind: FactKind??
            var sawValue = false
            for value in values {
                switch value {
                case .null: continue
                case .number:
                    dates = false
                    uniform = false
                case .quantity(let quantity):
                    dates = false
                    if quantity.dimension == .none {
                        uniform = false
                    } else if let known = dimension {
                        if known != quantity.dimension { uniform = false }
                    } else {
                        dimension = quantity.dimension
                    }
                    if let known = kind {
                        if known != quantity.kind { kind = .some(nil) }
                    } else {
                        kind = .some(quantity.kind)
                    }
                case .date:
                    numeric = false
                    uniform = false
                default:
                    numeric = false
                    dates = false
                    uniform = false
                }
                sawValue = true
                if !numeric && !dates { break }
            }
            if sawValue, numeric {
                type = .number
                if uniform, let dimension {
                    unit = dimension.symbol
                    self.kind = (kind ?? nil)?.rawValue
                }
            } else {
                type = sawValue && dates ? .date : .any
            }
        }
    }

    /// The params of `export.rows` for some rows: `{"batch":{"length":N,"columns":[[…],…]}}`.
    func encode(_ table: Table, rows: Range<Int>) -> [UInt8] {
        let sink = CollectingSink()
        let out = ByteWriter(sink)
        do {
            try out.ascii("{\"batch\":{\"length\":")
            try NumberText.appendInteger(Int64(rows.count), to: out)
            try out.ascii(",\"columns\":[")
            for (index, entry) in entries.enumerated() {
                if index > 0 { try out.byte(UInt8(ascii: ",")) }
                if encodesDictionaries, case .string(let strings) = table.columns[entry.source],
                    try writeDictionary(strings, view: entry.strings!.view, rows: rows, to: out)
                {
                    continue
                }
                try out.byte(UInt8(ascii: "["))
                try write(entry, of: table.columns[entry.source], rows: rows, to: out)
                try out.byte(UInt8(ascii: "]"))
            }
            try out.ascii("]}}")
            try out.flush()
        } catch {}
        return sink.bytes
    }

    /// Writes the rows of a string column as `{"dictionary":[…],"codes":[…]}` (protocol 3) when their
    /// distinct values (null counting as one) are at most half as many as the rows; `false`, writing
    /// nothing, otherwise. The dictionary holds the batch's values in order of first appearance.
    private func writeDictionary(
        _ strings: StringColumn, view: EncodedStrings.View, rows: Range<Int>, to out: ByteWriter
    ) throws -> Bool {
        let limit = rows.count / 2
        guard limit > 0, strings.dictionary.count <= Self.largestDictionary else { return false }
        // Local code + 1 of each dictionary code in this batch (0: not seen yet); the last slot is null's.
        var local = [Int32](repeating: 0, count: strings.dictionary.count + 1)
        var order: [Int32] = []
        var codes: [Int32] = []
        codes.reserveCapacity(rows.count)
        let nullSlot = strings.dictionary.count
        for row in rows {
            let code = strings.codes[row]
            let slot = code < 0 ? nullSlot : Int(code)
            var assigned = local[slot]
            if assigned == 0 {
                if order.count == limit { return false }
                order.append(code)
                assigned = Int32(order.count)
                local[slot] = assigned
            }
            codes.append(assigned - 1)
        }
        try out.ascii("{\"dictionary\":[")
        for (index, code) in order.enumerated() {
            if index > 0 { try out.byte(UInt8(ascii: ",")) }
            if code < 0 { try out.ascii("null") } else { try view.write(code, to: out) }
        }
        try out.ascii("],\"codes\":[")
        for (index, code) in codes.enumerated() {
            if index > 0 { try out.byte(UInt8(ascii: ",")) }
            if code < 10 {
                try out.byte(UInt8(truncatingIfNeeded: code) &+ 48)
            } else {
                try NumberText.appendInteger(Int64(code), to: out)
            }
        }
        try out.ascii("]}")
        return true
    }

    /// The largest column dictionary that batches encode as dictionaries: the per-batch table of codes
    /// stays small.
    static let largestDictionary = 1 << 20

    private func write(_ entry: Entry, of column: Column, rows: Range<Int>, to out: ByteWriter) throws {
        let comma = UInt8(ascii: ",")
        switch (column, entry.role) {
        case (.number(let numbers), _):
            for row in rows {
                if row > rows.lowerBound { try out.byte(comma) }
                if numbers.isNull(row) {
                    try out.ascii("null")
                } else {
                    try JSONText.appendNumber(numbers.values[row], to: out)
                }
            }
        case (.string(let strings), _):
            let view = entry.strings!.view
            for row in rows {
                if row > rows.lowerBound { try out.byte(comma) }
                let code = strings.codes[row]
                if code < 0 { try out.ascii("null") } else { try view.write(code, to: out) }
            }
        case (.bool(let flags), _):
            for row in rows {
                if row > rows.lowerBound { try out.byte(comma) }
                switch flags.values[row] {
                case 0: try out.ascii("false")
                case 1: try out.ascii("true")
                default: try out.ascii("null")
                }
            }
        case (.quantity(let quantities), .values):
            for row in rows {
                if row > rows.lowerBound { try out.byte(comma) }
                if quantities.isNull(row) {
                    try out.ascii("null")
                } else {
                    try JSONText.appendNumber(quantities.values[row], to: out)
                }
            }
        case (.quantity(let quantities), .units):
            let symbol = JSONText.encodedString(quantities.dimension.symbol)
            for row in rows {
                if row > rows.lowerBound { try out.byte(comma) }
                if quantities.isNull(row) {
                    try out.ascii("null")
                } else {
                    try symbol.withUnsafeBytes { try out.bytes($0) }
                }
            }
        case (.mixed(let values), let role):
            for row in rows {
                if row > rows.lowerBound { try out.byte(comma) }
                switch (role, values[row]) {
                case (.units, .quantity(let quantity)) where quantity.dimension != .none:
                    try JSONText.appendString(quantity.dimension.symbol, to: out)
                case (.units, _): try out.ascii("null")
                case (.values, .quantity(let quantity)): try JSONText.appendNumber(quantity.value, to: out)
                case (.values, let value): try JSONText.appendValue(value, to: out)
                }
            }
        }
    }
}
