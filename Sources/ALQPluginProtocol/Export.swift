import ALQJSON

/// A column of an export, as `export.begin` announces it.
public struct ExportColumnDescription: Sendable, Equatable {
    /// The column's type on the wire.
    public enum ColumnType: String, Sendable {
        case integer, number, string, bool, any
    }

    /// The column's name (a quantity column's units follow in a column `NAME_unit`).
    public var name: String
    /// The type of its values; unknown types read as `any`.
    public var type: ColumnType

    /// A column.
    public init(name: String, type: ColumnType) {
        self.name = name
        self.type = type
    }

    /// Whether the column holds numbers (`integer` or `number`).
    public var isNumeric: Bool { type == .integer || type == .number }
}

/// The params of `export.begin`: the format asked for, the columns, the number of rows to come.
public struct ExportBegin: Sendable, Equatable {
    /// The format's name (a plugin may write several).
    public var format: String
    /// The columns, in order.
    public var columns: [ExportColumnDescription]
    /// How many rows the `export.rows` requests will carry in all.
    public var rowCount: Int

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
            guard let column = column.objectValue, let name = column.string("name") else {
                throw PluginProtocolError("export.begin with a column without a name")
            }
            return ExportColumnDescription(
                name: name, type: column.string("type").flatMap(ExportColumnDescription.ColumnType.init) ?? .any)
        }
        rowCount = object["rows"]?.numberValue?.int ?? 0
    }

    /// The params as JSON.
    public var json: JSONObject {
        let columns = columns.map { column in
            JSONValue.object(JSONObject([("name", .string(column.name)), ("type", .string(column.type.rawValue))]))
        }
        return JSONObject([
            ("format", .string(format)), ("columns", .array(columns)), ("rows", .number(JSONNumber(rowCount))),
        ])
    }
}

/// The params of `export.rows`: a batch of at most ``PluginProtocol/rowsPerBatch`` rows, one value per
/// column each. The host writes them straight from its table; this is the reading side.
public struct ExportRows: Sendable, Equatable {
    /// The rows.
    public var rows: [[JSONValue]]

    /// A batch.
    public init(rows: [[JSONValue]]) { self.rows = rows }

    /// Reads the params; every row must be an array.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
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
