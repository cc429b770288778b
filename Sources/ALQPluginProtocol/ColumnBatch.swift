import ALQJSON

/// A batch of rows in columns (version 2): `{"length": N, "columns": [[v0, v1, …], [v0, v1, …], …]}`, one
/// array of exactly `length` values per column. `export.rows` carries one as `batch`, and so does each
/// answer to `read.rows`.
public struct ColumnBatch: Sendable, Equatable {
    /// The number of rows.
    public var length: Int
    /// The values, one array per column, each of `length` values.
    public var columns: [[JSONValue]]

    /// A batch; every column must hold `length` values.
    public init(length: Int, columns: [[JSONValue]]) {
        self.length = length
        self.columns = columns
    }

    /// A batch of rows (each one value per column), turned into columns.
    public init(rows: [[JSONValue]], columnCount: Int) {
        length = rows.count
        columns = (0..<columnCount).map { column in rows.map { column < $0.count ? $0[column] : .null } }
    }

    /// Reads a batch: `length` a whole number ≥ 0, `columns` an array of arrays of `length` values each.
    /// `context` begins the message of an error, such as `read.rows`.
    public init(_ value: JSONValue, context: String) throws(PluginProtocolError) {
        guard let object = value.objectValue else {
            throw PluginProtocolError("\(context) with a 'batch' that is not an object")
        }
        guard let number = object["length"]?.numberValue, let length = number.int, length >= 0 else {
            throw PluginProtocolError("\(context) with a batch without a 'length' (a whole number, 0 or more)")
        }
        guard let columns = object["columns"]?.arrayValue else {
            throw PluginProtocolError("\(context) with a batch without 'columns' (an array of arrays)")
        }
        self.length = length
        self.columns = []
        self.columns.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() {
            guard let values = column.arrayValue else {
                throw PluginProtocolError("\(context) with batch column \(index + 1) that is not an array")
            }
            guard values.count == length else {
                throw PluginProtocolError(
                    "\(context) with batch column \(index + 1) of \(values.count) values; the batch's length is \(length)"
                )
            }
            self.columns.append(values)
        }
    }

    /// The rows of the batch, one value per column each.
    public var rows: [[JSONValue]] {
        (0..<length).map { row in columns.map { $0[row] } }
    }

    /// The batch as JSON.
    public var json: JSONValue {
        .object(
            JSONObject([("length", .number(JSONNumber(length))), ("columns", .array(columns.map { .array($0) }))]))
    }
}
