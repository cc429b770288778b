import ALQJSON
import ALQPluginAPI
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax

extension PluginConnection {
    /// Reads a file through the plugin's reader (protocol version 2): `read.begin`, then `read.rows` until
    /// the plugin says `done`. Every batch is checked against the columns announced; a plugin that breaks
    /// the rules, sends more than ``PluginLimits/maximumReadRows`` rows or does not answer in time is
    /// stopped (`E0502`, `E0503`). The whole read is one exchange.
    func read(format: String, path: String, options: JSONObject) throws(Diagnostic) -> Table {
        try exclusively { () throws(Diagnostic) in
            // A long read.begin (a whole sheet parsed for its column types) may send progress messages,
            // chunks before the answer: each renews the time limit, which applies to each message.
            let params = JSONWriter.encode(.object(ReadBegin(format: format, path: path, options: options).json))
            let answer = try request(.readBegin, encodedParams: params) { (_: JSONObject) throws(Diagnostic) in }
            var columns: [ReadColumn] = []
            do throws(PluginProtocolError) {
                for column in try ReadBeginResult(answer).columns { columns.append(try ReadColumn(column)) }
            } catch {
                stop()
                throw Diagnostic(.pluginProtocol, "\(label) answered \(error.message); it was stopped")
            }
            var builders = [ColumnBuilder](repeating: ColumnBuilder(), count: columns.count)
            var rowCount = 0
            while true {
                let answer = try request(.readRows, encodedParams: Array("{}".utf8))
                let result: ReadRowsResult
                do throws(PluginProtocolError) {
                    result = try ReadRowsResult(answer)
                } catch {
                    stop()
                    throw Diagnostic(.pluginProtocol, "\(label) answered \(error.message); it was stopped")
                }
                if let batch = result.batch {
                    do throws(PluginProtocolError) {
                        try Self.append(batch, to: &builders, columns: columns, firstRow: rowCount)
                    } catch {
                        stop()
                        throw Diagnostic(.pluginProtocol, "\(label) answered \(error.message); it was stopped")
                    }
                    rowCount += batch.length
                    if rowCount > limits.maximumReadRows {
                        stop()
                        throw Diagnostic(
                            .pluginProtocol,
                            "\(label) sent more than \(limits.maximumReadRows) rows for '\(path)'; it was stopped")
                    }
                }
                if result.done { break }
            }
            return Table(
                columnNames: columns.map(\.description.name), columns: builders.map { $0.build() }, rowCount: rowCount)
        }
    }

    /// Appends a batch's values to the columns, checking its shape and each value's type.
    private static func append(
        _ batch: ColumnBatch, to builders: inout [ColumnBuilder], columns: [ReadColumn], firstRow: Int
    ) throws(PluginProtocolError) {
        guard batch.columns.count == columns.count else {
            throw PluginProtocolError(
                "read.rows with a batch of \(batch.columns.count) columns; 'read.begin' announced \(columns.count)")
        }
        for (index, values) in batch.columns.enumerated() {
            let column = columns[index]
            for (offset, value) in values.enumerated() {
                guard let cell = column.value(value) else {
                    throw PluginProtocolError(
                        "read.rows with \(Self.describe(value)) in column '\(column.description.name)' of type \(column.description.type.rawValue) (row \(firstRow + offset + 1))"
                    )
                }
                switch cell {
                case .number(let number) where column.description.type == .number:
                    builders[index].appendNumber(number, isInteger: false)
                default: builders[index].append(cell)
                }
            }
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a bool"
        case .number(let number): "the number \(number.text)"
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A column of a read: its descriptor, and the unit and kind its numbers take.
struct ReadColumn {
    let description: ColumnDescription
    let dimension: Dimension?
    let kind: FactKind?

    /// Checks a descriptor: a unit and a kind must be ones alq knows, and only numbers have them.
    init(_ description: ColumnDescription) throws(PluginProtocolError) {
        self.description = description
        if let unit = description.unit {
            guard let dimension = Dimension(symbol: unit) else {
                throw PluginProtocolError("read.begin with column '\(description.name)' of unknown unit '\(unit)'")
            }
            guard description.isNumeric else {
                throw PluginProtocolError(
                    "read.begin with column '\(description.name)' with a unit but of type \(description.type.rawValue), not number"
                )
            }
            self.dimension = dimension
        } else {
            dimension = nil
        }
        if let kind = description.kind {
            guard let known = FactKind(rawValue: kind) else {
                throw PluginProtocolError("read.begin with column '\(description.name)' of unknown kind '\(kind)'")
            }
            guard dimension != nil else {
                throw PluginProtocolError("read.begin with column '\(description.name)' with a kind but no unit")
            }
            self.kind = known
        } else {
            kind = nil
        }
    }

    /// The value of a cell, or `nil` when it does not have the column's type (null always does).
    func value(_ json: JSONValue) -> Value? {
        if case .null = json { return .null }
        switch description.type {
        case .integer, .number:
            guard case .number(let number) = json else { return nil }
            if description.type == .integer {
                guard number.double == number.double.rounded() else { return nil }
                // An integer a double cannot hold exactly keeps its digits, as everywhere in alq.
                if !number.isExactInteger, dimension == nil { return .string(number.text) }
            }
            if let dimension { return .quantity(Quantity(value: number.double, dimension: dimension, kind: kind)) }
            return .number(number.double)
        case .string:
            guard case .string(let text) = json else { return nil }
            return .string(text)
        case .bool:
            guard case .bool(let flag) = json else { return nil }
            return .bool(flag)
        case .date:
            guard case .string(let text) = json, let date = CalendarDate.parse(text) else { return nil }
            return .date(date)
        case .any:
            return PluginValues.value(json)
        }
    }
}
