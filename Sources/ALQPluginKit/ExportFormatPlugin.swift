@_exported import ALQJSON
@_exported import ALQPluginProtocol

/// An export format written by a plugin: what it is called, and how it writes a table.
///
/// ``PluginKit/run(_:)`` does the rest: the handshake, `describe`, framing, batches and error answers.
/// A format writes its rows in one of three ways; implement the one that suits it:
/// - ``write(columns:to:)``: a batch as typed columns (numbers as doubles with their text, strings as a
///   dictionary and codes): the fast way, with no value built per cell;
/// - ``write(batch:to:)``: a batch as one array of `JSONValue`s per column;
/// - ``write(row:to:)``: one row at a time, one `JSONValue` per column.
///
/// The kit calls ``write(columns:to:)`` for every batch; by default it hands the batch on to
/// ``write(batch:to:)``, which by default hands each row to ``write(row:to:)``. `begin` and `end` have
/// empty defaults, and `version` is `1.0.0` unless given.
public protocol ExportFormatPlugin {
    /// The format's name (`export NAME`); also the plugin's name in the handshake.
    var name: String { get }
    /// The file extensions, without the dot, that choose this format (`export to "x.EXT"`).
    var extensions: [String] { get }
    /// The media type of what it writes.
    var mediaType: String { get }
    /// The plugin's version.
    var version: String { get }

    /// Starts an export: the columns and the number of rows to come. Called once per export, so a
    /// plugin that keeps state resets it here.
    mutating func begin(_ export: ExportBegin, to output: inout PluginOutput) throws
    /// Writes a batch of rows as typed columns, in the order `begin` gave. The default makes the batch's
    /// values (``TypedBatch/columnBatch``) and calls ``write(batch:to:)``.
    mutating func write(columns: TypedBatch, to output: inout PluginOutput) throws
    /// Writes a batch of rows as values in columns. The default calls ``write(row:to:)`` for each row.
    mutating func write(batch: ColumnBatch, to output: inout PluginOutput) throws
    /// Writes one row: one value per column, in the order `begin` gave. A format that implements neither
    /// this nor another `write` fails the export with an error saying so.
    mutating func write(row: [JSONValue], to output: inout PluginOutput) throws
    /// Ends an export.
    mutating func end(to output: inout PluginOutput) throws
}

extension ExportFormatPlugin {
    public var version: String { "1.0.0" }

    public mutating func begin(_ export: ExportBegin, to output: inout PluginOutput) throws {}

    public mutating func end(to output: inout PluginOutput) throws {}

    public mutating func write(columns: TypedBatch, to output: inout PluginOutput) throws {
        try write(batch: columns.columnBatch, to: &output)
    }

    public mutating func write(row: [JSONValue], to output: inout PluginOutput) throws {
        throw PluginError(
            "the format '\(name)' writes no rows: it implements none of write(columns:to:), write(batch:to:) "
                + "and write(row:to:)"
        )
    }

    public mutating func write(batch: ColumnBatch, to output: inout PluginOutput) throws {
        var row = [JSONValue](repeating: .null, count: batch.columns.count)
        for index in 0..<batch.length {
            for column in batch.columns.indices { row[column] = batch.columns[column][index] }
            try write(row: row, to: &output)
        }
    }
}

/// An error a plugin throws to fail one request; alq shows `message` and the plugin stays loaded.
public struct PluginError: Error, CustomStringConvertible {
    /// What went wrong, for the user.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
