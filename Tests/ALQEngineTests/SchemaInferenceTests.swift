import ALQBuiltinModules
import ALQEngine
import ALQRuntime
import ALQSyntax
import Testing

/// The schema a pipeline produces, worked out without running it, stage by stage; wherever it gives a
/// name or a type, running the pipeline must agree.
@Suite struct SchemaInferenceTests {
    private func session() throws -> Session {
        let session = Session(registry: try BuiltinModules.registry(), host: TestHost())
        _ = try session.evaluate(
            #"let plants = open("Examples/data/synthetic-plants.csv"); let rows = [{a: 1, b: "x"}, {a: 2, b: "y"}]"#)
        return session
    }

    /// Infers, then runs, and checks that the two agree on every name and every known type.
    @discardableResult
    private func inferredAndChecked(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> TableSchema
    {
        let session = try session()
        let schema = try #require(session.schema(of: text), "no schema for \(text)", sourceLocation: sourceLocation)
        guard case .table(let table) = try session.evaluate(text) else {
            Issue.record("\(text) is not a table", sourceLocation: sourceLocation)
            return schema
        }
        // A partial schema (after pivot) lists the leading columns; the data names the rest.
        let compared = schema.isPartial ? Array(table.columnNames.prefix(schema.names.count)) : table.columnNames
        #expect(schema.names == compared, "\(text)", sourceLocation: sourceLocation)
        for (column, actual) in zip(schema.columns, table.columns) {
            if let type = column.type {
                #expect(type == ColumnType(of: actual), "\(text): \(column.name)", sourceLocation: sourceLocation)
            }
        }
        return schema
    }

    private func type(_ name: String, in schema: TableSchema) -> ColumnType?? {
        schema.column(name).map(\.type)
    }

    @Test(arguments: [
        "facts", "companies", "regions", "Guangxi.facts", "Guangxi.companies", "plants", "rows",
        #"open("Examples/data/capacity.csv")"#,
    ])
    func inputs(_ text: String) throws {
        try inferredAndChecked(text + " | take 1")
    }

    @Test func aRegionHandsOverItsFacts() throws {
        let session = try session()
        #expect(session.schema(of: "Guangxi")?.names == session.schema(of: "facts")?.names)
        try inferredAndChecked("Guangxi | take 1")
        _ = try session.evaluate("let gx = Guangxi")
        #expect(session.schema(of: "gx")?.names == session.schema(of: "facts")?.names)
    }

    @Test(arguments: [
        #"facts | where region == "Guangxi""#, "facts | sort metric, year desc", "facts | take 3",
        "plants | where active | sort capacity_kt | take 2",
    ])
    func whereSortAndTakeKeepTheColumns(_ text: String) throws {
        let schema = try inferredAndChecked(text)
        let input = try #require(try session().schema(of: String(text.prefix { $0 != " " })))
        #expect(schema == input)
    }

    @Test func selectKeepsTheNamedColumnsInOrder() throws {
        let schema = try inferredAndChecked(#"plants | select capacity_kt, plant, big = capacity_kt > 100, t = "x""#)
        #expect(schema.names == ["capacity_kt", "plant", "big", "t"])
        #expect(type("big", in: schema) == .bool)
        #expect(type("t", in: schema) == .string)
        #expect(type("plant", in: schema) == .string)
    }

    @Test func selectSeesColumnsBoundBeforeIt() throws {
        let schema = try inferredAndChecked("plants | select c = 1 t, d = c + c, e = -c")
        #expect(schema.names == ["c", "d", "e"])
        #expect(type("d", in: schema) == .quantity(.mass))
        #expect(type("e", in: schema) == .quantity(.mass))
    }

    @Test func deriveAppendsOrReplacesInPlace() throws {
        let schema = try inferredAndChecked(#"plants | derive site = "S", n = 1, w = 2.5 kt, q = 3 t in kt"#)
        let plants = try #require(try session().schema(of: "plants"))
        #expect(schema.names == plants.names + ["n", "w"] + (plants.names.contains("q") ? [] : ["q"]))
        #expect(type("site", in: schema) == .string)
        #expect(type("n", in: schema) == .integer)
        #expect(type("w", in: schema) == .quantity(.mass))
    }

    @Test func distinctWithAndWithoutColumns() throws {
        #expect(try inferredAndChecked("facts | distinct region, kind").names == ["region", "kind"])
        #expect(try inferredAndChecked("rows | distinct") == (try session().schema(of: "rows")))
    }

    @Test func groupGivesKeysThenAggregates() throws {
        let schema = try inferredAndChecked(
            "plants | group site | agg n = count(), top = max(capacity_kt), mean = avg(capacity_kt), first = first(plant)"
        )
        #expect(schema.names == ["site", "n", "top", "mean", "first"])
        #expect(type("n", in: schema) == .integer)
        #expect(type("first", in: schema) == .string)
    }

    @Test func aggOverTheWholeTable() throws {
        let schema = try inferredAndChecked(
            #"facts | where unit == "t" and kind == "actual" | agg total = sum(value), n = count_distinct(region)"#)
        #expect(schema.names == ["total", "n"])
        #expect(type("n", in: schema) == .integer)
    }

    @Test func joinAddsTheRightColumnsButASharedKey() throws {
        let schema = try inferredAndChecked("facts | join left companies on region")
        let facts = try #require(try session().schema(of: "facts")).names
        let companies = try #require(try session().schema(of: "companies")).names
        #expect(schema.names.prefix(facts.count) == facts[...])
        #expect(schema.names.count == facts.count + companies.count - 1)
        #expect(schema.names.contains("id_right"))
        try inferredAndChecked(#"facts | join (companies | where region != "Chongqing") on region == region"#)
        try inferredAndChecked("plants | join full plants on plant")
        #expect(try session().schema(of: #"facts | join open("nowhere.csv") on region"#) == nil)
    }

    @Test func renameAndDrop() throws {
        let schema = try inferredAndChecked("companies | rename company = name | drop region")
        let companies = try #require(try session().schema(of: "companies")).names
        #expect(schema.names == companies.filter { $0 != "region" }.map { $0 == "name" ? "company" : $0 })
    }

    @Test func windowFunctionsAddColumns() throws {
        let schema = try inferredAndChecked("facts | sort year | derive prev = lag(value), n = row_number() by region")
        #expect(schema.names.suffix(2) == ["prev", "n"])
    }

    @Test func pivotKnowsOnlyItsRowKeys() throws {
        let schema = try inferredAndChecked(
            #"facts | where metric == "output_value" and kind == "actual" | select region, year, value | pivot year values value"#
        )
        #expect(schema.names == ["region"])
        #expect(schema.isPartial)
        #expect(
            try inferredAndChecked("plants | select plant, site, capacity_kt | pivot site values capacity_kt").isPartial
        )
    }

    @Test func unpivotAndDescribe() throws {
        let schema = try inferredAndChecked(
            "plants | select plant, site, capacity_kt | unpivot plant, site into field, text")
        #expect(schema.names == ["capacity_kt", "field", "text"])
        #expect(type("text", in: schema) == .string)
        let described = try inferredAndChecked("facts | describe")
        #expect(described.names == ["column", "type", "units", "count", "nulls", "distinct", "min", "max", "mean"])
        #expect(
            try inferredAndChecked("facts | describe | where type == \"string\" | select column").names == ["column"])
    }

    @Test func quantityColumnsFromAFileHeader() throws {
        let schema = try inferredAndChecked(#"open("Tests/Scripts/data/quantities.csv") | select plant, capacity"#)
        #expect(type("capacity", in: schema) == .quantity(.mass))
        let whole = try #require(try session().schema(of: #"open("Tests/Scripts/data/quantities.csv")"#))
        #expect(whole.names == ["plant", "capacity", "cost"])
        #expect(whole.column("cost")?.type == .quantity(.money))
        #expect(whole.column("plant")?.type == nil, "a plain column's type needs the rows")
    }

    @Test func stagesThatGiveNoKnownTable() throws {
        let session = try session()
        #expect(session.schema(of: "facts | export csv") == nil)
        #expect(session.schema(of: "Guangxi.output_value | chart bar year, value") == nil)
        #expect(session.schema(of: "facts | columns") == nil)
        #expect(session.schema(of: "facts | columns | where type == 1") == nil)
        #expect(session.schema(of: "1 + 1") == nil)
        #expect(session.schema(of: "nothing_here | where x") == nil)
        #expect(session.schema(of: #"open("Tests/Scripts/data/missing.csv")"#) == nil)
        #expect(session.schema(of: "facts | where") == nil, "text that does not parse")
    }

    @Test func nothingRuns() throws {
        let session = try session()
        _ = session.schema(of: #"facts | export csv to "never.csv""#)
        _ = session.schema(of: "facts | select region")
        #expect((session.host as? TestHost)?.exported.isEmpty == true)
        #expect(session.variables["_"] == nil)
    }

    @Test func theInputTableIsTheOneTheSessionHolds() throws {
        let session = try session()
        #expect(
            session.inputTable(of: "facts | select region")?.rowCount
                == session.registry.table(named: "facts")?.rowCount)
        #expect(session.inputTable(of: #"open("Examples/data/capacity.csv") | take 1"#) == nil)
    }
}
