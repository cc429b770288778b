import ALQJSON
import ALQPluginAPI
import ALQPluginProtocol
import ALQRuntime
import ALQSyntax
import FormatSupport

extension PluginConnection {
    /// Streams a table to the plugin's format: `export.begin`, `export.rows` in batches, `export.end`;
    /// every answer may carry output bytes, written to `output` in order. The whole export is one
    /// exchange: no other request reaches the plugin meanwhile.
    /// `name` is the table's name, when the destination gives one (`export.begin`'s optional `name`).
    func export(_ table: Table, format: String, name: String? = nil, to output: any OutputSink) throws(Diagnostic) {
        try exclusively { () throws(Diagnostic) in
            try exportHoldingExchange(table, format: format, name: name, to: output)
        }
    }

    private func exportHoldingExchange(
        _ table: Table, format: String, name: String?, to output: any OutputSink
    ) throws(Diagnostic) {
        let deliver = { (result: JSONObject, method: PluginMethod) throws(Diagnostic) in
            try self.deliver(result, to: output, method: method)
        }
        let columns: [ExportColumnDescription]
        var batchRows: Int
        let encode: (Range<Int>) -> ExportFrameEncoder.Frame
        if protocolVersion >= 4 {
            let plan = ColumnarExportPlan(table)
            let numberText = description.formats.first { $0.name == format }?.numberText ?? false
            let frames = ExportFrameEncoder(plan: plan, table: table, numberText: numberText)
            columns = plan.descriptors
            batchRows = PluginProtocol.rowsPerColumnarBatch
            encode = { rows in frames.encode(rows: rows) }
        } else if protocolVersion >= 2 {
            let plan = ColumnarExportPlan(table, dictionaries: protocolVersion >= 3)
            columns = plan.descriptors
            batchRows = PluginProtocol.rowsPerColumnarBatch
            encode = { rows in ExportFrameEncoder.Frame(params: plan.encode(table, rows: rows), bytes: []) }
        } else {
            let layout = ExportLayout.columns(of: table, unitInHeader: false)
            columns = layout.map { column in
                ExportColumnDescription(
                    name: column.name,
                    type: column.role == .units ? .string : PluginConnection.columnType(table.columns[column.source]))
            }
            batchRows = PluginProtocol.rowsPerBatch
            encode = { rows in
                ExportFrameEncoder.Frame(
                    params: PluginConnection.encodeRows(table, layout: layout, rows: rows), bytes: [])
            }
        }
        var begin = ExportBegin(format: format, columns: columns, rowCount: table.rowCount)
        begin.name = name
        try deliver(
            try request(.exportBegin, encodedParams: JSONWriter.encode(.object(begin.json)), output: output),
            .exportBegin)
        // One batch goes ahead: alq encodes and sends batch k + 1 while the plugin writes batch k.
        var outstanding: Int?
        var start = 0
        while start < table.rowCount {
            var rows = start..<min(start + batchRows, table.rowCount)
            var frame = encode(rows)
            // Long strings: fewer rows per batch, so that a message stays well under the size limit.
            while frame.params.count + frame.bytes.count > limits.maximumMessageBytes / 4, rows.count > 1 {
                batchRows = max(1, rows.count / 2)
                rows = start..<start + batchRows
                frame = encode(rows)
            }
            start = rows.upperBound
            let id = try send(
                .exportRows, encodedParams: frame.params, bytes: protocolVersion >= 4 ? frame.bytes : nil)
            if let previous = outstanding {
                do {
                    try deliver(try rowsAnswer(to: previous, deliver: deliver, output: output), .exportRows)
                } catch {
                    // The batch sent ahead is answered too, so that the next request reads its own answer.
                    _ = try? answer(to: id, method: .exportRows) { (_: JSONObject) throws(Diagnostic) in }
                    throw error
                }
            }
            outstanding = id
        }
        if let previous = outstanding {
            try deliver(try rowsAnswer(to: previous, deliver: deliver, output: output), .exportRows)
        }
        let end = try request(
            .exportEnd, encodedParams: Array("{}".utf8),
            onChunk: { (chunk) throws(Diagnostic) in try deliver(chunk, .exportEnd) }, output: output)
        try deliver(end, .exportEnd)
    }

    private func rowsAnswer(
        to id: Int, deliver: @escaping (JSONObject, PluginMethod) throws(Diagnostic) -> Void,
        output: any OutputSink
    ) throws(Diagnostic) -> JSONObject {
        try answer(
            to: id, method: .exportRows, onChunk: { (chunk) throws(Diagnostic) in try deliver(chunk, .exportRows) },
            output: output)
    }

    private func deliver(_ result: JSONObject, to output: any OutputSink, method: PluginMethod) throws(Diagnostic) {
        let bytes: [UInt8]
        do {
            bytes = try ExportOutput(result).bytes
        } catch {
            stop()
            throw Diagnostic(.pluginProtocol, "\(label) answered '\(method)' with \(error.message); it was stopped")
        }
        var failure: Diagnostic?
        bytes.withUnsafeBytes { raw in
            do throws(Diagnostic) {
                try PluginConnection.write(raw, to: output, label: label)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Writes a plugin's output to the destination.
    static func write(_ bytes: UnsafeRawBufferPointer, to output: any OutputSink, label: String) throws(Diagnostic) {
        if bytes.isEmpty { return }
        do {
            try output.write(bytes)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.exportFailed, "cannot write the output of \(label): \(error)")
        }
    }

    static func columnType(_ column: Column) -> ExportColumnDescription.ColumnType {
        switch column {
        case .number(let numbers): numbers.isInteger ? .integer : .number
        case .string: .string
        case .bool: .bool
        case .quantity: .number
        case .mixed: .any
        }
    }

    /// `{"rows":[[...],...]}` for some rows, written straight to bytes.
    static func encodeRows(_ table: Table, layout: [ExportColumn], rows: Range<Int>) -> [UInt8] {
        let sink = CollectingSink()
        let out = ByteWriter(sink)
        do {
            try out.ascii("{\"rows\":[")
            for row in rows {
                if row > rows.lowerBound { try out.byte(UInt8(ascii: ",")) }
                try out.byte(UInt8(ascii: "["))
                for (index, column) in layout.enumerated() {
                    if index > 0 { try out.byte(UInt8(ascii: ",")) }
                    let value = table.columns[column.source][row]
                    switch (column.role, value) {
                    case (.units, .quantity(let quantity)) where quantity.dimension != .none:
                        try JSONText.appendString(quantity.dimension.symbol, to: out)
                    case (.units, _): try out.ascii("null")
                    case (.values, .quantity(let quantity)): try JSONText.appendNumber(quantity.value, to: out)
                    case (.values, _): try JSONText.appendValue(value, to: out)
                    }
                }
                try out.byte(UInt8(ascii: "]"))
            }
            try out.ascii("]}")
            try out.flush()
        } catch {}
        return sink.bytes
    }
}
