import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Works out the schema a pipeline produces — its column names and, where they are known, their
/// types and units — without running it: completion and static checks must not run queries (they
/// may be slow, write files with `export`, or change `_`).
///
/// Inputs are what the session already holds (variables, registry tables, region tables) or a file's
/// header, read through ``EngineHost/header(path:registry:)``. Each stage maps the schema flowing into
/// it to the one flowing out in ``schema(after:from:)``: a new stage adds one case there.
public struct SchemaInference {
    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// The columns of the table `expr` hands to a table stage (a region hands over its facts, a list
    /// of records its rows), or `nil` when that cannot be told without running anything.
    public func schema(of expr: Expr) -> TableSchema? {
        switch expr.kind {
        case .pipeline(let input, let stages):
            guard var schema = schema(of: input) else { return nil }
            for stage in stages {
                guard let next = self.schema(after: stage, from: schema) else { return nil }
                schema = next
            }
            return schema
        case .call("open", _, let arguments):
            guard arguments.count == 1, case .string(let path) = arguments[0].kind else { return nil }
            return session.host.header(path: path, registry: session.registry)
        default:
            return inputTable(of: expr)?.schema
        }
    }

    /// The schema flowing out of `stage` when `input` flows in; `nil` when the stage gives no table or
    /// its columns depend on the data.
    public func schema(after stage: Stage, from input: TableSchema) -> TableSchema? {
        switch stage.kind {
        case .filter, .sort, .take:
            return input
        case .select(let bindings):
            return project(input, bindings, keepingOthers: false)
        case .derive(let bindings):
            return project(input, bindings, keepingOthers: true)
        case .distinct(let bindings):
            return bindings.isEmpty ? input : project(input, bindings, keepingOthers: false)
        case .group(let keys, let aggregates):
            let grouped = project(input, keys, keepingOthers: false)
            return TableSchema(grouped.columns + aggregated(input, aggregates).columns)
        case .aggregate(let aggregates):
            return aggregated(input, aggregates)
        case .join(let clause):
            guard let right = schema(of: clause.table) else { return nil }
            return joined(input, right, clause)
        case .rename(let renames):
            return TableSchema(
                input.columns.map { column in
                    SchemaColumn(renames.first { $0.old.name == column.name }?.new.name ?? column.name, column.type)
                }, isPartial: input.isPartial)
        case .drop(let drops):
            return TableSchema(
                input.columns.filter { column in !drops.contains { $0.name == column.name } },
                isPartial: input.isPartial)
        case .window(let bindings, _):
            // Window functions' result types are not worked out: names only.
            var result = input
            for binding in bindings { result = result.setting(SchemaColumn(binding.name)) }
            return result
        case .pivot(let names, let values):
            // The new columns are named by the data: only the row keys are known.
            return TableSchema(
                input.columns.filter { $0.name != names.name && $0.name != values.name }, isPartial: true)
        case .unpivot(let listed, let name, let value):
            let unpivoted = input.columns.filter { column in listed.contains { $0.name == column.name } }
            let types = Set(unpivoted.map(\.type))
            return TableSchema(
                input.columns.filter { column in !listed.contains { $0.name == column.name } }
                    + [
                        SchemaColumn(name.name, .string),
                        SchemaColumn(value.name, types.count == 1 ? types.first! : nil),
                    ],
                isPartial: input.isPartial)
        case .describe:
            return TableSchema(
                Describe.columnNames.map { SchemaColumn($0, $0 == "column" || $0 == "type" ? .string : nil) })
        case .chart:
            // A chart is not a table.
            return nil
        case .export:
            // An export's value is null, not a table.
            return nil
        case .call:
            // A function of the whole table: what it returns is known only by running it.
            return nil
        }
    }

    /// `join`: the left columns, then the right ones but a key named once (`on region`); a right column
    /// whose name the left side has gets `_right`.
    private func joined(_ left: TableSchema, _ right: TableSchema, _ clause: JoinClause) -> TableSchema {
        let shared = Set(clause.keys.filter(\.isShared).map(\.right.name))
        var columns = left.columns
        for column in right.columns where !shared.contains(column.name) {
            var unique = column.name
            while columns.contains(where: { $0.name == unique }) { unique += Join.clashSuffix }
            columns.append(SchemaColumn(unique, column.type))
        }
        return TableSchema(columns, isPartial: left.isPartial || right.isPartial)
    }

    /// The table an expression starts from when the session already holds it: a variable, a
    /// registry table (`facts`), a region (its facts) or a region's table (`Guangxi.companies`).
    /// Files are not read: `nil` for `open(…)` and for anything computed.
    public func inputTable(of expr: Expr) -> Table? {
        switch expr.kind {
        case .name(let name):
            if let value = session.variables[name] {
                if case .module(let id) = value { return session.registry.region(id: id)?.table(named: "facts") }
                return Table(rowsOf: value)
            }
            return session.registry.table(named: name) ?? session.registry.region(named: name)?.table(named: "facts")
        case .member(let base, let name, _):
            guard case .name(let baseName) = base.kind else { return nil }
            let module: (any RegionModule)?
            if case .module(let id)? = session.variables[baseName] {
                module = session.registry.region(id: id)
            } else {
                module = session.registry.region(named: baseName)
            }
            return module?.table(named: name)
        case .pipeline(let input, _):
            return inputTable(of: input)
        default:
            return nil
        }
    }

    /// `select` and `derive`: each binding sees the input's columns and the columns bound before it.
    private func project(_ input: TableSchema, _ bindings: [Binding], keepingOthers: Bool) -> TableSchema {
        var scope = input
        var result = keepingOthers ? input : TableSchema([])
        for binding in bindings {
            let column = SchemaColumn(binding.name, ExpressionType(scope: scope).type(of: binding.value))
            result = result.setting(column)
            scope = keepingOthers ? result : scope.setting(column)
        }
        return result
    }

    /// The columns `agg name = f(column), …` makes.
    private func aggregated(_ input: TableSchema, _ bindings: [Binding]) -> TableSchema {
        var result = TableSchema([])
        for binding in bindings {
            result = result.setting(
                SchemaColumn(binding.name, ExpressionType(scope: input).aggregateType(of: binding.value)))
        }
        return result
    }
}

extension Session {
    /// The schema of the table the text's pipeline hands on (see ``SchemaInference``), or `nil` when
    /// the text is not one expression or the schema cannot be told without running it.
    public func schema(of text: String) -> TableSchema? {
        guard let expr = singleExpression(text) else { return nil }
        return SchemaInference(session: self).schema(of: expr)
    }

    /// The table the text's pipeline starts from when the session already holds it (see
    /// ``SchemaInference/inputTable(of:)``); completion lists a column's values from it.
    public func inputTable(of text: String) -> Table? {
        guard let expr = singleExpression(text) else { return nil }
        return SchemaInference(session: self).inputTable(of: expr)
    }

    private func singleExpression(_ text: String) -> Expr? {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "<schema>", text: text))
        guard diagnostics.isEmpty, statements.count == 1, case .expression(let expr) = statements[0] else { return nil }
        return expr
    }
}
