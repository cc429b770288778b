import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import FormatSupport

extension PluginConnection {
    /// The most rows sent in one `export.rows` request.
    static let rowsPerBatch = 1000

    /// Streams a table to the plugin's format: `export.begin`, `export.rows` in batches, `export.end`;
    /// every answer may carry output bytes, written to `output` in order. The whole export is one
    /// exchange: no other request reaches the plugin meanwhile.
    func export(_ table: Table, format: String, to output: any OutputSink) throws(Diagnostic) {
        try exclusively { () throws(Diagnostic) in try exportHoldingExchange(table, format: format, to: output) }
    }

    private func exportHoldingExchange(_ table: Table, format: String, to output: any OutputSink) throws(Diagnostic) {
        let layout = ExportLayout.columns(of: table, unitInHeader: false)
        let columns: [Value] = layout.map { column in
            let type = column.role == .units ? "string" : PluginConnection.typeName(table.columns[column.source])
            return .record(Record([("name", .string(column.name)), ("type", .string(type))]))
        }
        let begin = try request(
            "export.begin",
            ["format": .string(format), "columns": .list(columns), "rows": .number(Double(table.rowCount))])
        try deliver(begin, to: output, method: "export.begin")
        var start = 0
        while start < table.rowCount {
            let end = min(start + PluginConnection.rowsPerBatch, table.rowCount)
            let params = PluginConnection.encodeRows(table, layout: layout, rows: start..<end)
            let result = try request("export.rows", encodedParams: params) { (chunk) throws(Diagnostic) in
                try self.deliver(chunk, to: output, method: "export.rows")
            }
            try deliver(result, to: output, method: "export.rows")
            start = end
        }
        let end = try request("export.end", encodedParams: Array("{}".utf8)) { (chunk) throws(Diagnostic) in
            try self.deliver(chunk, to: output, method: "export.end")
        }
        try deliver(end, to: output, method: "export.end")
    }

    private func deliver(_ result: Record, to output: any OutputSink, method: String) throws(Diagnostic) {
        var bytes: [UInt8]
        switch (result["data"], result["base64"]) {
        case (.string(let text)?, _): bytes = Array(text.utf8)
        case (_, .string(let encoded)?):
            guard let decoded = Base64.decode(encoded) else {
                stop()
                throw Diagnostic(
                    .pluginProtocol, "\(label) answered '\(method)' with 'base64' that is not base64; it was stopped")
            }
            bytes = decoded
        default: return
        }
        do {
            try output.write(bytes)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(.exportFailed, "cannot write the output of \(label): \(error)")
        }
        bytes = []
    }

    static func typeName(_ column: Column) -> String {
        switch column {
        case .number(let numbers): numbers.isInteger ? "integer" : "number"
        case .string: "string"
        case .bool: "bool"
        case .quantity: "number"
        case .mixed: "any"
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
                    case (.values, _): try JSONText.appendValue(PluginValues.wire(value), to: out)
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
