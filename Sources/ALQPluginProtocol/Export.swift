import ALQJSON

/// A column of an export (`export.begin`) or of a read (`read.begin`):
/// `{"name": "value", "type": "number", "unit": "t", "kind": "actual"}`.
public struct ExportColumnDescription: Sendable, Equatable {
    /// The column's type on the wire.
    public enum ColumnType: String, Sendable, CaseIterable {
        /// Whole numbers (JSON numbers without a fraction), or null.
        case integer
        /// Numbers, or null.
        case number
        /// Strings, or null.
        case string
        /// `true`/`false`, or null.
        case bool
        /// Dates as ISO 8601 strings, `YYYY-MM-DD`, or null (version 2).
        case date
        /// Any JSON value.
        case any
    }

    /// The column's name.
    public var name: String
    /// The type of its values. An export to a version-1 plugin reads unknown types as `any`; a reader's
    /// column of an unknown type is an error.
    public var type: ColumnType
    /// The base unit (`t`, `CNY`, `CNY/t`, …) of every quantity in the column (version 2): the values are
    /// plain numbers in that unit. `nil` when the column holds no quantities, or quantities of several
    /// units (then a companion column `NAME_unit` holds each row's unit, as in version 1).
    public var unit: String?
    /// The kind (`actual`, `expected`, `plan`, `target`) of every quantity in the column, when they share one.
    public var kind: String?

    /// A column.
    public init(name: String, type: ColumnType, unit: String? = nil, kind: String? = nil) {
        self.name = name
        self.type = type
        self.unit = unit
        self.kind = kind
    }

    /// Whether the column holds numbers (`integer` or `number`).
    public var isNumeric: Bool { type == .integer || type == .number }

    /// Reads a descriptor; with `strictType`, a type other than the six is an error rather than `any`.
    public init(_ value: JSONValue, strictType: Bool, context: String) throws(PluginProtocolError) {
        guard let column = value.objectValue, let name = column.string("name") else {
            throw PluginProtocolError("\(context) with a column without a name")
        }
        let typeName = column.string("type") ?? "any"
        guard let type = ColumnType(rawValue: typeName) ?? (strictType ? nil : .any) else {
            throw PluginProtocolError("\(context) with column '\(name)' of unknown type '\(typeName)'")
        }
        self.init(name: name, type: type, unit: column.string("unit"), kind: column.string("kind"))
    }

    /// The descriptor as JSON; `unit` and `kind` only when set.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name)), ("type", .string(type.rawValue))]
        if let unit { members.append(("unit", .string(unit))) }
        if let kind { members.append(("kind", .string(kind))) }
        return .object(JSONObject(members))
    }
}

/// A column descriptor, the name used by readers.
public typealias ColumnDescription = ExportColumnDescription

/// The params of `export.begin`: the format asked for, the columns, the number of rows to come.
public struct ExportBegin: Sendable, Equatable {
    /// The format's name (a plugin may write several).
    public var format: String
    /// The columns, in order.
    public var columns: [ExportColumnDescription]
    /// How many rows the `export.rows` requests will carry in all.
    public var rowCount: Int
    /// The table's name when alq has one (the base name of the file written); optional, absent when
    /// writing to standard output. A plugin that does not know the field ignores it.
    public var name: String?

    /// The start of an export.
    public init(format: String, columns: [ExportColumnDescription], rowCount: Int) {
        self.format = format
        self.columns = columns
        self.rowCount = rowCount
    }

    /// Reads the params.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let format = object.string("format") else { throw PluginProtocolError("export.begin without a 'format'") }
        guard let columns = object["columns"]?.arrayValue else {
            throw PluginProtocolError("export.begin without 'columns'")
        }
        self.format = format
        self.columns = try columns.map { (column) throws(PluginProtocolError) in
            try ExportColumnDescription(column, strictType: false, context: "export.begin")
        }
        rowCount = object["rows"]?.numberValue?.int ?? 0
        name = object.string("name")
    }

    /// The params as JSON.
    public var json: JSONObject {
        var members: [(String, JSONValue)] = [
            ("format", .string(format)), ("columns", .array(columns.map(\.json))),
            ("rows", .number(JSONNumber(rowCount))),
        ]
        if let name { members.append(("name", .string(name))) }
        return JSONObject(members)
    }
}

/// The params of `export.rows`: in version 1 `rows`, at most ``PluginProtocol/rowsPerBatch`` rows, one
/// value per column each; in version 2 `batch`, a ``ColumnBatch``, read here into rows. The host writes
/// them straight from its table; this is the reading side.
public struct ExportRows: Sendable, Equatable {
    /// The rows.
    public var rows: [[JSONValue]]

    /// A batch.
    public init(rows: [[JSONValue]]) { self.rows = rows }

    /// Reads the params; every row must be an array, and a batch must be well formed.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        if let batch = object["batch"] {
            self.rows = try ColumnBatch(batch, context: "export.rows").rows
            return
        }
        guard let rows = object["rows"]?.arrayValue else { throw PluginProtocolError("export.rows without 'rows'") }
        self.rows = try rows.map { (row) throws(PluginProtocolError) in
            guard let cells = row.arrayValue else {
                throw PluginProtocolError("export.rows with a row that is not an array")
            }
            return cells
        }
    }

    /// The params as JSON.
    public var json: JSONObject { JSONObject([("rows", .array(rows.map { .array($0) }))]) }
}

/// Output of an export, in a result or a chunk: `{"data": "text"}` (UTF-8) or `{"base64": "…"}` (bytes).
public struct ExportOutput: Sendable, Equatable {
    /// The bytes to write to the destination.
    public var bytes: [UInt8]

    /// Output of these bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads the output of a result or chunk; `nil` bytes when it carries none.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        if let text = object.string("data") {
            bytes = Array(text.utf8)
        } else if let encoded = object.string("base64") {
            guard let decoded = Base64.decode(encoded) else { throw PluginProtocolError("'base64' that is not base64") }
            bytes = decoded
        } else {
            bytes = []
        }
    }

    /// The output as JSON: `data` when the bytes are UTF-8, `base64` otherwise; empty when there are none.
    public var json: JSONObject {
        var members: [(String, JSONValue)] = []
        appendJSON(to: &members)
        return JSONObject(members)
    }

    private func appendJSON(to members: inout [(String, JSONValue)]) {
        if bytes.isEmpty { return }
        if let text = String(validating: bytes, as: UTF8.self) {
            members.append(("data", .string(text)))
        } else {
            members.append(("base64", .string(Base64.encode(bytes))))
        }
    }
}
