import ALQBuiltinModules
import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import FormatCSV
import Foundation
import Testing

/// The CSV reader's header-only entry point, and the host's `header(path:registry:)` that feeds it
/// the start of a file (what completion and static checks see of `open("x.csv")`).
@Suite struct CSVHeaderTests {
    private func header(_ text: String, isWholeFile: Bool = true) throws -> TableSchema? {
        try CSVFormat().readHeader(Array(text.utf8), name: "t.csv", isWholeFile: isWholeFile)
    }

    @Test func namesAsOpenGivesThem() throws {
        let text = "\u{FEFF}\n\"a,b\",,a,a,capacity [t],cost [CNY]\n1,2,3,4,5,6\n"
        let schema = try #require(try header(text))
        let table = try #require(try CSVFormat().read(Array(text.utf8), name: "t.csv"))
        #expect(schema.names == table.columnNames)
        #expect(schema.names == ["a,b", "column2", "a", "a_2", "capacity", "cost"])
        #expect(schema.column("capacity")?.type == .quantity(.mass))
        #expect(schema.column("cost")?.type == .quantity(.money))
        #expect(schema.column("a")?.type == nil)
    }

    @Test func aHeaderThatMayGoOnPastThePrefixIsUnknown() throws {
        #expect(try header("plant,capac", isWholeFile: false) == nil)
        #expect(try header("\"plant,capac", isWholeFile: false) == nil)
        #expect(try header("plant,capacity\n1,", isWholeFile: false)?.names == ["plant", "capacity"])
        #expect(try header("plant,capacity", isWholeFile: true)?.names == ["plant", "capacity"])
    }

    @Test func emptyAndMalformedHeaders() throws {
        #expect(try header("")?.names == [])
        #expect(try header("\"unterminated\n") == nil)
    }

    @Test func theHostReadsOnlyTheStartOfTheFile() throws {
        let folder = Support.temporaryFolder()
        let registry = try BuiltinModules.registry()
        let host = FileHost()
        let big = folder + "/big.csv"
        var text = "region,value [t]\n"
        while text.utf8.count <= FileHost.headerPrefixLimit { text += "Guangxi,1000\n" }
        try text.write(toFile: big, atomically: true, encoding: .utf8)
        #expect(host.header(path: big, registry: registry)?.names == ["region", "value"])

        let wide = folder + "/wide.csv"
        let names = (0...FileHost.headerPrefixLimit / 4).map { "c\($0)" }
        try (names.joined(separator: ",") + "\n").write(toFile: wide, atomically: true, encoding: .utf8)
        #expect(host.header(path: wide, registry: registry) == nil, "a header longer than the prefix")

        #expect(host.header(path: folder + "/missing.csv", registry: registry) == nil)
        #expect(host.header(path: folder, registry: registry) == nil)
        let fifo = folder + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(host.header(path: fifo, registry: registry) == nil, "a FIFO is not read")
    }
}
