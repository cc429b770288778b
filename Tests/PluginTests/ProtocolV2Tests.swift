import ALQJSON
import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQSyntax
import FormatCSV
import Foundation
import Testing

/// Protocol version 2: readers through `open()`, columnar exports with column descriptors, region packs
/// from plugins, and readers that lie (docs/plugins.md, "Protocol version 2").
@Suite struct ProtocolV2Tests {
    static let scripted = Support.fixture("plugins/scripted_v2.py")

    static func host(timeout: Double = 10, maximumReadRows: Int = 100_000_000) -> FileHost {
        FileHost(limits: PluginLimits(timeout: timeout, maximumReadRows: maximumReadRows))
    }

    /// A file for the scripted reader: its columns and its answers to `read.rows`.
    static func script(_ json: String) throws -> String {
        let path = Support.temporaryFolder() + "/table.cols"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: Versions

    @Test func versionOnePluginKeepsVersionOneMessages() throws {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Support.fixture("plugins/good.py"), registry: registry)
        #expect(host.plugins.map(\.protocolVersion) == [1])
        let format = try #require(registry.format(named: "pipes"))
        #expect(format.reads == false && format.writes == true)
        // Version 1's rows: a quantity column keeps its companion unit column.
        let sink = MemorySink()
        try host.write(Support.sampleTable().prefix(1), format: format, to: sink, label: "memory")
        #expect(sink.text.hasPrefix("region|year|share|ok|output|output_unit|"))
    }

    @Test func versionTwoPluginReadsAndWrites() throws {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        try registry.register(format: CSVFormat(), origin: .builtIn)
        let message = try host.load(path: Self.scripted, registry: registry)
        #expect(message == "loaded plugin scripted 2.0.0 from \(Self.scripted): format cols")
        #expect(host.plugins.map(\.protocolVersion) == [2])
        #expect(
            registry.formatsTable().cellTexts.map { Array($0.prefix(5)) } == [
                ["'csv'", "'csv'", "'text/csv'", "true", "true"],
                ["'cols'", "'cols'", "'application/json'", "true", "true"],
            ])
    }

    // MARK: Reading

    @Test func openReadsThroughThePluginWithTypesUnitsAndKinds() throws {
        let path = try Self.script(
            """
            {"columns": [{"name": "region", "type": "string"}, {"name": "year", "type": "integer"},
                         {"name": "output", "type": "number", "unit": "CNY", "kind": "expected"},
                         {"name": "capacity", "type": "number", "unit": "t"}, {"name": "share", "type": "number"},
                         {"name": "day", "type": "date"}, {"name": "ok", "type": "bool"}, {"name": "extra", "type": "any"}],
             "answers": [
               {"batch": {"length": 2, "columns": [["Guangxi", "百色"], [2024, null], [2.4e11, 5e9], [14543000, null],
                                                   [0.5, 1], ["2025-09-23", null], [true, false], [[1, "a"], {"value": 3, "unit": "%"}]]},
                "done": false},
               {"batch": {"length": 1, "columns": [[null], [2023], [null], [1], [null], ["2024-01-02"], [null], ["x"]]},
                "done": true}]}
            """)
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Self.scripted, registry: registry)
        let table = try host.open(path: path, registry: registry)
        #expect(table.columnNames == ["region", "year", "output", "capacity", "share", "day", "ok", "extra"])
        #expect(
            table.cellTexts == [
                [
                    "'Guangxi'", "2024.0", "240000000000.0 CNY", "14543000.0 t", "0.5", "date 2025-09-23", "true",
                    "[1.0,'a']",
                ],
                ["'百色'", "null", "5000000000.0 CNY", "null", "1.0", "null", "false", "3.0 %"],
                ["null", "2023.0", "null", "1.0 t", "null", "date 2024-01-02", "null", "'x'"],
            ])
        #expect(table.columns.map(\.typeName) == ["string", "integer", "any", "t", "number", "date", "bool", "any"])
        guard case .quantity(let output) = table.columns[2][0] else { throw PluginTestError("not a quantity") }
        #expect(output.kind == .expected)
        // The plugin stays loaded: a second read works.
        #expect(try host.open(path: path, registry: registry).cellTexts == table.cellTexts)
    }

    @Test func openPassesSheetAndOtherOptionsToThePlugin() throws {
        let path = try Self.script(#"{"columns": [{"name": "options", "type": "string"}], "answers": ["options"]}"#)
        let result = try AlqBinary.run([
            "--no-init", "--plugin", Self.scripted, "--format", "csv", "-c",
            "open(\"\(path)\", sheet = \"Facts\", options = {header_row: 2, sheet: \"Other\"})",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "options\n\"{\"\"header_row\"\": 2, \"\"sheet\"\": \"\"Other\"\"}\"\n")
        // The built-in readers take no such option.
        let csv = Support.temporaryFolder() + "/x.csv"
        try "a\n1\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let refused = try AlqBinary.run(["--no-init", "-c", "open(\"\(csv)\", sheet = \"Facts\")"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("E0204") && refused.error.contains("the csv reader takes no option 'sheet'"))
    }

    @Test func readerErrorsFailTheOpenAndThePluginStays() throws {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Self.scripted, registry: registry)
        let failing = try Self.script(#"{"error": "no sheet named 'Facts'"}"#)
        let diagnostic = try #require(throws: Diagnostic.self) { try host.open(path: failing, registry: registry) }
        #expect(diagnostic.code == .pluginFailed)
        #expect(diagnostic.message.hasSuffix("failed to 'read.begin': no sheet named 'Facts'"))
        let missing = try #require(throws: Diagnostic.self) {
            try host.open(path: "/no/such/file.cols", registry: registry)
        }
        #expect(missing.code == .cannotOpenFile && missing.message == "cannot open '/no/such/file.cols': no such file")
        let good = try Self.script(#"{"columns": [{"name": "a", "type": "integer"}], "answers": []}"#)
        #expect(try host.open(path: good, registry: registry).columnNames == ["a"])
    }

    /// What a lying reader sends, and the words of the error it gets.
    static let lies: [(script: String, message: String)] = [
        (
            #"{"columns": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}], "answers": [{"batch": {"length": 2, "columns": [[1, 2], ["x"]]}, "done": true}]}"#,
            "answered read.rows with batch column 2 of 1 values; the batch's length is 2; it was stopped"
        ),
        (
            #"{"columns": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}], "answers": [{"batch": {"length": 1, "columns": [[1]]}, "done": true}]}"#,
            "answered read.rows with a batch of 1 columns; 'read.begin' announced 2"
        ),
        (
            #"{"columns": [{"name": "year", "type": "integer"}], "answers": [{"batch": {"length": 2, "columns": [[1, "x"]]}, "done": true}]}"#,
            "read.rows with the string \"x\" in column 'year' of type integer (row 2)"
        ),
        (
            #"{"columns": [{"name": "a", "type": "decimal"}], "answers": []}"#,
            "answered read.begin with column 'a' of unknown type 'decimal'; it was stopped"
        ),
        (#"{"columns": [{"name": "a", "type": "number", "unit": "tons"}]}"#, "column 'a' of unknown unit 'tons'"),
        (#"{"columns": [{"name": "a"}, {"name": "a"}]}"#, "read.begin with two columns named 'a'"),
        (#"{"columns": {"a": 1}}"#, "read.begin without 'columns'"),
        (
            #"{"columns": [{"name": "a", "type": "any"}], "answers": [{"batch": {"length": 1, "columns": [[1]]}}]}"#,
            "read.rows without 'done'"
        ),
        (
            #"{"columns": [{"name": "a", "type": "any"}], "answers": [{"batch": {"length": 0, "columns": [[]]}, "done": false}]}"#,
            "read.rows with no rows and 'done' false"
        ),
        (
            #"{"columns": [{"name": "a", "type": "any"}], "answers": [{"batch": {"length": -1, "columns": [[]]}, "done": true}]}"#,
            "read.rows with a batch without a 'length'"
        ),
        (
            #"{"columns": [{"name": "a", "type": "any"}], "answers": [{"batch": {"length": 1, "columns": [7]}, "done": true}]}"#,
            "read.rows with batch column 1 that is not an array"
        ),
        (#"{"columns": [{"name": "a", "type": "any"}], "forever": true}"#, "sent more than 1000 rows for"),
    ]

    @Test(arguments: 0..<lies.count) func lyingReaderIsStoppedWithAClearError(_ index: Int) throws {
        let (script, message) = Self.lies[index]
        let host = Self.host(maximumReadRows: 1000)
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Self.scripted, registry: registry)
        let path = try Self.script(script)
        let diagnostic = try #require(throws: Diagnostic.self) { try host.open(path: path, registry: registry) }
        #expect(diagnostic.code == .pluginProtocol)
        #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
        #expect(host.plugins.first?.isRunning == false)
        // The format stays listed, and says the plugin is gone.
        let again = try #require(throws: Diagnostic.self) { try host.open(path: path, registry: registry) }
        #expect(again.message.contains("is no longer running"))
    }

    @Test func readerThatDoesNotAnswerTimesOut() throws {
        let host = Self.host(timeout: 0.5)
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Self.scripted, registry: registry)
        let path = try Self.script(#"{"columns": [{"name": "a", "type": "any"}], "sleep": 30, "answers": []}"#)
        let diagnostic = try #require(throws: Diagnostic.self) { try host.open(path: path, registry: registry) }
        #expect(diagnostic.code == .pluginTimeout)
        #expect(diagnostic.message.contains("did not answer 'read.rows' within 0.5 s"))
    }

    /// The time limit applies to each message: a `read.begin` that takes longer than the limit in all
    /// but sends progress messages well within it (six, one second apart, under a 4 s limit: 6 s in all, and
    /// 3 s of slack for each message on a busy machine) is read.
    @Test func progressMessagesRenewTheTimeLimitOfReadBegin() throws {
        let host = Self.host(timeout: 4)
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Self.scripted, registry: registry)
        let path = try Self.script(
            #"{"columns": [{"name": "a", "type": "integer"}], "progress": 6, "progress_every": 1, "answers": [{"batch": {"length": 1, "columns": [[7]]}, "done": true}]}"#
        )
        let table = try host.open(path: path, registry: registry)
        #expect(table.cellTexts == [["7.0"]])
    }

    // MARK: Exporting

    /// The scripted plugin's output: each export request's params.
    static func exportRequests(_ table: Table) throws -> [JSONObject] {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Self.scripted, registry: registry)
        let sink = MemorySink()
        try host.write(table, format: try #require(registry.format(named: "cols")), to: sink, label: "memory")
        return try sink.text.split(separator: "\n").map { line in
            try #require(try JSONParser.parse(Array(line.utf8)).objectValue)
        }
    }

    @Test func exportSendsDescriptorsAndColumnarBatches() throws {
        let requests = try Self.exportRequests(Support.sampleTable())
        #expect(requests.count == 3)
        let begin = try #require(requests[0]["export.begin"]?.objectValue)
        let columns = try #require(begin["columns"])
        #expect(
            String(decoding: JSONWriter.encode(columns), as: UTF8.self)
                == #"[{"name":"region","type":"string"},{"name":"year","type":"integer"},{"name":"share","type":"number"},{"name":"ok","type":"bool"},{"name":"output","type":"number","unit":"CNY"},{"name":"note","type":"string"},{"name":"mixed","type":"any"},{"name":"mixed_unit","type":"string"}]"#
        )
        let batch = try #require(requests[1]["export.rows"]?.objectValue?["batch"])
        #expect(
            String(decoding: JSONWriter.encode(batch), as: UTF8.self)
                == #"{"length":6,"columns":[["Guangxi","百色","Comma, Inc.","Say \"hi\"",null,""],[2024,2023,null,2020,-5,2019],[0.5,33.69,-1.25,1e-07,1e+21,null],[true,false,null,true,false,true],[205000000000,41900000000,null,1,2.5,0],["=SUM(A1)","+1","-x","@home","line1\nline2","'=already"],[14543000,3,"a",null,[1,"b"],5],["t",null,null,null,null,"%"]]}"#
        )
        #expect(requests[2]["export.end"] != nil)
    }

    @Test func exportSaysAColumnsUnitAndKindWhenAllShareThem() throws {
        let target = { (value: Double) in Value.quantity(Quantity(value: value, dimension: .mass, kind: .target)) }
        let table = Table(
            columnNames: ["capacity", "when", "value", "unit"],
            columns: [
                .mixed([target(6e6), .null, target(1.2e6)]),
                .mixed([
                    .date(CalendarDate(year: 2025, month: 9, day: 23)!), .null,
                    .date(CalendarDate(year: 2024, month: nil, day: nil)!),
                ]),
                .mixed([
                    .quantity(Quantity(value: 1, dimension: .mass)), .quantity(Quantity(value: 2, dimension: .money)),
                    .number(3),
                ]),
                .string(StringColumn(["t", "CNY", nil])),
            ])
        let requests = try Self.exportRequests(table)
        let begin = try #require(requests[0]["export.begin"]?.objectValue?["columns"])
        #expect(
            String(decoding: JSONWriter.encode(begin), as: UTF8.self)
                == #"[{"name":"capacity","type":"number","unit":"t","kind":"target"},{"name":"when","type":"date"},{"name":"value","type":"number"},{"name":"unit","type":"string"}]"#
        )
        let batch = try #require(requests[1]["export.rows"]?.objectValue?["batch"])
        #expect(
            String(decoding: JSONWriter.encode(batch), as: UTF8.self)
                == #"{"length":3,"columns":[[6000000,null,1200000],["2025-09-23",null,"2024"],[1,2,3],["t","CNY",null]]}"#
        )
    }

    @Test func largeExportsGoInBatchesOf16384Rows() throws {
        let count = 40_000
        let table = Table(
            columnNames: ["n"], columns: [.number(NumberColumn(values: (0..<count).map(Double.init), isInteger: true))])
        let requests = try Self.exportRequests(table)
        let lengths = requests.compactMap { $0["export.rows"]?.objectValue?["batch"]?.objectValue?["length"] }
        #expect(lengths == [.number(JSONNumber(16384)), .number(JSONNumber(16384)), .number(JSONNumber(7232))])
    }

    // MARK: Regions

    @Test func regionPackFromAPluginCarriesQuotes() throws {
        let plugin = Support.fixture("plugins/region_pack.py")
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        let message = try host.load(path: plugin, registry: registry)
        #expect(message == "loaded plugin samplestan 0.2.0 from \(plugin): region Samplestan")
        let region = try #require(registry.region(named: "Samplestan"))
        #expect(registry.origin(of: region) == .plugin(path: plugin))
        #expect(
            registry.quotes(forFact: "yunnan_sample.output_value.2024.actual").map(\.text) == [
                "SAMPLE: in 2024 the invented output value was 123 billion yuan"
            ])
        // source() on the plugin's facts, through the binary.
        let result = try AlqBinary.run([
            "--no-init", "--plugin", plugin, "--format", "csv", "-c",
            "source(Samplestan.electrolytic_aluminium_capacity[2027]) | select quote",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "quote\nSAMPLE: by 2027 the invented capacity should exceed 6 million tons\n")
    }

    @Test func invalidRegionPackFromAPluginIsRefused() throws {
        let plugin = Support.fixture("plugins/bad_region_pack.py")
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        let diagnostic = try #require(throws: Diagnostic.self) { try host.load(path: plugin, registry: registry) }
        #expect(diagnostic.code == .invalidPack)
        #expect(
            diagnostic.message.hasPrefix(
                "invalid region pack from plugin 'samplestan' (\(plugin)): facts[1].unit: expected one of"))
        #expect(registry.regions.isEmpty)
    }
}

/// The minimal readers in docs/plugins.md, in Python and in Swift, work as printed and agree.
@Suite struct DocumentationReaderTests {
    static let psv = "region|year|output|note\nGuangxi|2024|205000000000|first\nBaise||1.5e9|\n百色|2023|-3|a,b\n"
    static let expected = [
        ["'region'", "'year'", "'output'", "'note'"],
        ["'Guangxi'", "2024.0", "205000000000.0", "'first'"],
        ["'Baise'", "null", "1500000000.0", "null"],
        ["'百色'", "2023.0", "-3.0", "'a,b'"],
    ]

    /// Reads `psv` through the reader plugin at `plugin`.
    static func read(with plugin: String) throws -> [[String]] {
        let folder = Support.temporaryFolder()
        try psv.write(toFile: "\(folder)/f.psv", atomically: true, encoding: .utf8)
        let host = FileHost()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: plugin, registry: registry)
        let format = try #require(registry.format(forPath: "f.psv"))
        #expect(format.reads && !format.writes)
        let table = try host.open(path: "\(folder)/f.psv", registry: registry)
        return [table.columnNames.map { "'\($0)'" }] + table.cellTexts
    }

    @Test func pythonReaderFromTheDocs() throws {
        let docs = try String(contentsOfFile: "\(Support.root)/docs/plugins.md", encoding: .utf8)
        let section = try #require(docs.range(of: "### A minimal reader in Python"))
        let start = try #require(docs.range(of: "```python\n", range: section.upperBound..<docs.endIndex))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        let path = Support.temporaryFolder() + "/alq-psv-reader.py"
        try String(docs[start.upperBound..<end.lowerBound]).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        #expect(try Self.read(with: path) == Self.expected)
    }

    @Test func swiftReaderExampleIsShownAsItIsAndReadsTheSame() throws {
        let docs = try String(contentsOfFile: "\(Support.root)/docs/plugins.md", encoding: .utf8)
        let source = try String(
            contentsOfFile: "\(Support.root)/Examples/plugins/psv-reader/Sources/alq-psv-reader/main.swift",
            encoding: .utf8)
        #expect(docs.contains("```swift\n" + source + "```"))
        let plugin = URL(fileURLWithPath: AlqBinary.path).deletingLastPathComponent().appendingPathComponent(
            "alq-psv-reader"
        ).path
        try #require(FileManager.default.isExecutableFile(atPath: plugin), "swift build --product alq-psv-reader")
        #expect(try Self.read(with: plugin) == Self.expected)
    }
}

struct PluginTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
