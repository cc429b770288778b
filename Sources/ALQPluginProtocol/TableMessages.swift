import ALQJSON

/// The params of `table`: which of the region's tables.
public struct TableParams: Sendable, Equatable {
    /// The table's name, one of those `describe` listed.
    public var name: String

    /// A request for a table.
    public init(name: String) { self.name = name }

    /// Reads the params.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let name = object.string("name") else { throw PluginProtocolError("'table' without a 'name'") }
        self.name = name
    }

    /// The params as JSON.
    public var json: JSONObject { JSONObject([("name", .string(name))]) }
}

/// The answer to `table`: column names and rows of values.
public struct TableResult: Sendable, Equatable {
    /// The columns' names.
    public var columns: [String]
    /// The rows, one value per column.
    public var rows: [[JSONValue]]

    /// A table.
    public init(columns: [String], rows: [[JSONValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Reads the answer: `columns` must be strings and every row an array of one value per column.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let header = object["columns"]?.arrayValue, let rows = object["rows"]?.arrayValue else {
            throw PluginProtocolError("without 'columns' and 'rows' arrays")
        }
        columns = header.compactMap(\.stringValue)
        guard columns.count == header.count else {
            throw PluginProtocolError("with a column name that is not a string")
        }
        self.rows = []
        self.rows.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            guard let cells = row.arrayValue, cells.count == columns.count else {
                throw PluginProtocolError("with row \(index + 1) not an array of \(columns.count) cells")
            }
            self.rows.append(cells)
        }
    }

    /// The answer as JSON.
    public var json: JSONObject {
        JSONObject([("columns", jsonStrings(columns)), ("rows", .array(rows.map { .array($0) }))])
    }
}

/// The params of `call`: a function's name and its arguments.
public struct CallParams: Sendable, Equatable {
    /// The function, one of those `describe` listed.
    public var function: String
    /// The arguments (a quantity is `{"value": n, "unit": "CNY"}`).
    public var arguments: [JSONValue]

    /// A call.
    public init(function: String, arguments: [JSONValue]) {
        self.function = function
        self.arguments = arguments
    }

    /// Reads the params.
    public init(_ object: JSONObject) throws(PluginProtocolError) {
        guard let function = object.string("function") else { throw PluginProtocolError("'call' without a 'function'") }
        self.function = function
        arguments = object["args"]?.arrayValue ?? []
    }

    /// The params as JSON.
    public var json: JSONObject { JSONObject([("function", .string(function)), ("args", .array(arguments))]) }
}

/// The answer to `call`: the function's value (`null` when the plugin gives none).
public struct CallResult: Sendable, Equatable {
    /// The value.
    public var value: JSONValue

    /// A result.
    public init(value: JSONValue) { self.value = value }

    /// Reads the answer.
    public init(_ object: JSONObject) { value = object["value"] ?? .null }

    /// The answer as JSON.
    public var json: JSONObject { JSONObject([("value", value)]) }
}
