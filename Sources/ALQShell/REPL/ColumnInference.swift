import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax
import Foundation

/// Works out, without running anything, which columns flow out of a pipeline: the input table's
/// columns (a registry table, a region's table, a variable holding a table), changed by `select`,
/// `derive`, `group`/`agg` and `distinct` stages on the way.
///
/// Completion must not run queries: they may be slow, write files (`export`) or change `_`.
struct ColumnInference {
    let session: Session

    /// The columns flowing out of `pipeline`, and the input table they started from.
    func infer(_ pipeline: String) -> (columns: [String], input: Table)? {
        let file = SourceFile(name: "<completion>", text: pipeline)
        let (statements, diagnostics) = Parser.parse(file)
        guard diagnostics.isEmpty, statements.count == 1, case .expression(let expr) = statements[0] else { return nil }
        let (inputExpr, stages): (Expr, [Stage])
        if case .pipeline(let input, let pipelineStages) = expr.kind {
            (inputExpr, stages) = (input, pipelineStages)
        } else {
            (inputExpr, stages) = (expr, [])
        }
        let input = table(for: inputExpr)
        guard var columns = input?.columnNames ?? csvHeader(for: inputExpr) else { return nil }
        for stage in stages {
            switch stage.kind {
            case .select(let bindings):
                columns = bindings.map(\.name)
            case .derive(let bindings):
                for binding in bindings where !columns.contains(binding.name) { columns.append(binding.name) }
            case .group(let keys, let aggregates):
                columns = keys.map(\.name) + aggregates.map(\.name)
            case .aggregate(let bindings):
                columns = bindings.map(\.name)
            case .distinct(let bindings):
                if !bindings.isEmpty { columns = bindings.map(\.name) }
            case .join, .rename, .drop, .window, .pivot, .unpivot, .describe:
                columns = TableStageSchema.columns(after: stage.kind, from: columns) { table(for: $0)?.columnNames }
            case .filter, .sort, .take, .export, .call, .chart:
                break
            }
        }
        return (columns, input ?? .empty)
    }

    /// The columns of `open("file.csv")`, from the file's header line alone, so that completion does
    /// not read the whole file.
    private func csvHeader(for expr: Expr) -> [String]? {
        guard case .call("open", _, let arguments) = expr.kind, arguments.count == 1,
            case .string(let path) = arguments[0].kind, path.lowercased().hasSuffix(".csv"),
            let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 65536), as: UTF8.self)
        guard let line = head.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first else {
            return nil
        }
        return line.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: ",", omittingEmptySubsequences: false
        ).map { field in
            var name = field.trimmingCharacters(in: .whitespaces)
            // A header `name [unit]` keeps its whole text as the column's name.
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            return name
        }
    }

    private func table(for expr: Expr) -> Table? {
        switch expr.kind {
        case .name(let name):
            if case .table(let table)? = session.variables[name] { return table }
            return session.registry.table(named: name)
        case .member(let base, let name, _):
            guard case .name(let baseName) = base.kind else { return nil }
            let module: (any RegionModule)?
            if case .module(let id)? = session.variables[baseName] {
                module = session.registry.region(id: id)
            } else {
                module = session.registry.region(named: baseName)
            }
            return module?.table(named: name)
        default:
            return nil
        }
    }
}

extension Column {
    /// The distinct strings in the column, at most `limit` of them.
    func distinctStrings(limit: Int = 5000) -> [String] {
        switch self {
        case .string(let column):
            return Array(column.dictionary.prefix(limit))
        case .mixed(let values):
            var seen: Set<String> = []
            for case .string(let string) in values where seen.count < limit { seen.insert(string) }
            return Array(seen)
        default:
            return []
        }
    }
}
