import ALQEngine
import ALQSyntax
import Testing

/// The columns the table stages produce, worked out without running the pipeline (for completion).
@Suite struct TableStageSchemaTests {
    private let tables = [
        "facts": ["id", "region", "metric", "year", "value", "unit", "note"],
        "companies": ["id", "region", "name", "note"],
    ]

    /// The columns after every stage of `pipeline`, starting from the named table's columns.
    private func columns(_ pipeline: String) -> [String] {
        let (statements, diagnostics) = Parser.parse(SourceFile(name: "test", text: pipeline))
        guard diagnostics.isEmpty, case .expression(let expr) = statements.first,
            case .pipeline(let input, let stages) = expr.kind, case .name(let name) = input.kind
        else { return ["<unparsed>"] }
        var result = tables[name] ?? []
        for stage in stages {
            result = TableStageSchema.columns(after: stage.kind, from: result) { table in
                if case .name(let name) = table.kind { return tables[name] }
                return nil
            }
        }
        return result
    }

    @Test func join() {
        #expect(
            columns("facts | join left companies on region")
                == ["id", "region", "metric", "year", "value", "unit", "note", "id_right", "name", "note_right"])
        #expect(columns("companies | join facts on region == id").contains("region_right"))
    }

    @Test func renameDropAndWindow() {
        #expect(columns("companies | rename company = name | drop note") == ["id", "region", "company"])
        #expect(columns("facts | derive prev = lag(value) by region").last == "prev")
    }

    @Test func pivotUnpivotDescribe() {
        #expect(columns("facts | pivot year values value") == ["id", "region", "metric", "unit", "note"])
        #expect(columns("companies | unpivot name, note into field, text") == ["id", "region", "field", "text"])
        #expect(
            columns("facts | describe")
                == ["column", "type", "units", "count", "nulls", "distinct", "min", "max", "mean"])
    }
}
