import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Applies one pipeline stage to the value flowing into it.
struct PipelineStage {
    let interpreter: Interpreter
    let stage: Stage

    private var file: SourceFile { interpreter.file }

    func apply(to input: Value) throws(Diagnostic) -> Value {
        if case .call(let name, let nameSpan, let arguments) = stage.kind {
            try StageDiagnostics.checkCallable(name, nameSpan: nameSpan, interpreter: interpreter)
            var values = try interpreter.arguments(arguments, row: nil)
            values.positional.insert(input, at: 0)
            return try interpreter.call(name, nameSpan: nameSpan, arguments: values, span: stage.span)
        }
        if case .chart(let chart) = input,
            case .export(let format, let formatSpan, let pathExpr, let factIDs) = stage.kind
        {
            try export(.chart(chart), format: format, formatSpan: formatSpan, pathExpr: pathExpr, factIDs: factIDs)
            return .null
        }
        let table = try tableInput(input)
        switch stage.kind {
        case .filter(let predicate):
            return .table(try filter(table, predicate))
        case .select(let bindings):
            return .table(try project(table, bindings, keepingOthers: false))
        case .derive(let bindings):
            if bindings.contains(where: { Window.contains($0.value) }) {
                return .table(try Window(interpreter: interpreter, table: table).derived(bindings, partitions: []))
            }
            return .table(try project(table, bindings, keepingOthers: true))
        case .window(let bindings, let partitions):
            return .table(try Window(interpreter: interpreter, table: table).derived(bindings, partitions: partitions))
        case .join(let clause):
            let right = try tableInput(try interpreter.eval(clause.table))
            return .table(try Join(interpreter: interpreter, clause: clause).joined(table, right))
        case .rename(let renames):
            return .table(try RenameDrop(file: file).renamed(table, renames))
        case .drop(let columns):
            return .table(try RenameDrop(file: file).dropped(table, columns))
        case .pivot(let names, let values):
            return .table(try Pivot(interpreter: interpreter, table: table).pivoted(names: names, values: values))
        case .unpivot(let columns, let name, let value):
            return .table(
                try Pivot(interpreter: interpreter, table: table).unpivoted(columns, name: name, value: value))
        case .describe:
            return .table(try Describe(interpreter: interpreter).described(table))
        case .sort(let keys):
            return .table(try Sorting(interpreter: interpreter, table: table).sorted(by: keys))
        case .take(let countExpr):
            let count = try interpreter.eval(countExpr)
            guard let number = count.plainNumber, number >= 0, number == number.rounded() else {
                throw Diagnostic(
                    .invalidArgument, "take needs a whole number of rows ≥ 0, found \(count.literalText)",
                    span: countExpr.span, file: file)
            }
            return .table(table.prefix(number > Double(Int.max / 2) ? Int.max / 2 : Int(number)))
        case .distinct(let bindings):
            let projected = bindings.isEmpty ? table : try project(table, bindings, keepingOthers: false)
            return .table(try Aggregation(interpreter: interpreter, table: projected).distinct())
        case .group(let keys, let aggregates):
            return .table(
                try Aggregation(interpreter: interpreter, table: table).grouped(by: keys, aggregates: aggregates))
        case .aggregate(let aggregates):
            return .table(
                try Aggregation(interpreter: interpreter, table: table).grouped(by: [], aggregates: aggregates))
        case .export(let format, let formatSpan, let pathExpr, let factIDs):
            try export(.table(table), format: format, formatSpan: formatSpan, pathExpr: pathExpr, factIDs: factIDs)
            return .null
        case .chart(let spec):
            return .chart(
                try ChartBuilder(interpreter: interpreter, table: table, spec: spec, span: stage.span).build())
        case .call:
            preconditionFailure("handled above")
        }
    }

    /// The stage's input as a table: tables as they are, lists of records as rows, a region as its facts.
    func tableInput(_ input: Value) throws(Diagnostic) -> Table {
        if let table = Table(rowsOf: input) { return table }
        switch input {
        case .chart(let chart):
            return chart.dataTable
        case .module(let id):
            if let table = interpreter.session.registry.region(id: id)?.table(named: "facts") {
                return FactValues.withQuantities(table)
            }
            fallthrough
        default:
            throw Diagnostic(
                .typeMismatch, "'\(stageName)' needs a table, found a \(input.typeName)", span: stage.span, file: file)
        }
    }

    private var stageName: String {
        switch stage.kind {
        case .filter: "where"
        case .select: "select"
        case .derive, .window: "derive"
        case .join: "join"
        case .rename: "rename"
        case .drop: "drop"
        case .pivot: "pivot"
        case .unpivot: "unpivot"
        case .describe: "describe"
        case .sort: "sort"
        case .take: "take"
        case .distinct: "distinct"
        case .group: "group"
        case .aggregate: "agg"
        case .export: "export"
        case .chart: "chart"
        case .call(let name, _, _): name
        }
    }

    private func filter(_ table: Table, _ predicate: Expr) throws(Diagnostic) -> Table {
        let evaluator = VectorEvaluator(interpreter: interpreter, table: table)
        if let kernel = evaluator.predicateKernel(predicate) {
            let rows = try kernel.selectedRows(rowCount: table.rowCount)
            return rows.count == table.rowCount ? table : try table.gather(rows)
        }
        let vector = try evaluator.eval(predicate)
        switch vector {
        case .scalar(let value):
            return try interpreter.truth(value, predicate.span) ? table : table.prefix(0)
        case .column(.bool(let column)):
            var indices: [Int] = []
            column.values.withUnsafeBufferPointer { flags in
                for row in 0..<flags.count where flags[row] == 1 { indices.append(row) }
            }
            return indices.count == table.rowCount ? table : try table.gather(indices)
        case .column(let column):
            let sample = (0..<column.count).map { column[$0] }.first { $0.truthiness == nil } ?? .null
            throw Diagnostic(
                .typeMismatch, "'where' needs a true/false condition, found a \(sample.typeName)",
                span: predicate.span, file: file, help: "compare a column with a value, e.g. where year == 2024")
        }
    }

    /// `select` and `derive`: each binding sees the input's columns and the columns computed before it.
    private func project(_ table: Table, _ bindings: [Binding], keepingOthers: Bool) throws(Diagnostic) -> Table {
        var scope = table
        var result = keepingOthers ? table : Table(columnNames: [], columns: [], rowCount: table.rowCount)
        for binding in bindings {
            let vector = try VectorEvaluator(interpreter: interpreter, table: scope).eval(binding.value)
            let column = vector.column(count: table.rowCount)
            result = result.setting(binding.name, to: column)
            scope = keepingOthers ? result : scope.setting(binding.name, to: column)
        }
        if !keepingOthers, let key = table.keyColumn, result.columnIndex(key) != nil { result.keyColumn = key }
        return result
    }

    /// `export`: a table in any format; a chart in a chart format (`svg`), or as its points in a table format.
    /// With `factIDs`, the table gets a column `fact_ids` (see ``ALQRuntime/Table/withFactIDs(in:)``).
    private func export(_ value: Value, format name: String?, formatSpan: Span?, pathExpr: Expr?, factIDs: Bool)
        throws(Diagnostic)
    {
        let registry = interpreter.session.registry
        var path: String?
        if let pathExpr {
            guard case .string(let text) = try interpreter.eval(pathExpr) else {
                throw Diagnostic(
                    .typeMismatch, "export needs a path string after 'to'", span: pathExpr.span, file: file)
            }
            path = text
        }
        let format: any ExportFormat
        if let name {
            guard let found = registry.format(named: name) else {
                throw Diagnostic(
                    .unknownFormat, "unknown format '\(name)'", span: formatSpan ?? stage.span, file: file,
                    help: Suggestion.didYouMean(name, among: registry.formats.map(\.format.name))
                        ?? "the formats are \(registry.formats.map(\.format.name).joined(separator: ", "))")
            }
            format = found
        } else if let path, let found = registry.format(forPath: path) {
            format = found
        } else {
            throw Diagnostic(
                .unknownFormat,
                path == nil
                    ? "export needs a format: export csv, export json, …" : "cannot tell the format from '\(path!)'",
                span: stage.span, file: file, help: "name it: export csv to \"file\"")
        }
        do throws(Diagnostic) {
            switch value {
            case .chart(let chart):
                if let chartFormat = format as? any ChartFormat {
                    if factIDs {
                        throw Diagnostic(
                            .typeMismatch, "a chart drawn as \(format.name) has no rows to carry fact ids",
                            help: "export the chart's points instead: … | export csv to \"points.csv\" with fact_ids")
                    }
                    try interpreter.session.host.export(chart, format: chartFormat, path: path)
                } else {
                    let table = factIDs ? chart.dataTable.withFactIDs(in: format) : chart.dataTable
                    try interpreter.session.host.export(table, format: format, path: path)
                }
            default:
                guard case .table(let table) = value else { return }
                if format is any ChartFormat {
                    throw Diagnostic(
                        .typeMismatch, "\(format.name) draws charts, not tables",
                        help: "make a chart first: … | chart line year, value | export \(format.name) to \"chart.svg\"")
                }
                try interpreter.session.host.export(
                    factIDs ? table.withFactIDs(in: format) : table, format: format, path: path)
            }
        } catch {
            throw error.at(stage.span).located(in: file)
        }
        if let path {
            switch value {
            case .chart(let chart):
                interpreter.session.onNotice?("exported a \(chart.kind.rawValue) chart as \(format.name) to \(path)")
            case .table(let table):
                interpreter.session.onNotice?(
                    "exported \(table.rowCount) row\(table.rowCount == 1 ? "" : "s") as \(format.name) to \(path)")
            default:
                break
            }
        }
    }
}
