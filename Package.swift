// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "alq",
    products: [
        .executable(name: "alq", targets: ["alq"]),
        // What a Swift plugin imports: the handshake, framing, batching and errors done (docs/plugins.md).
        .library(name: "ALQPluginKit", targets: ["ALQPluginKit"]),
        // The example plugin on the kit: the `html` export format.
        .executable(name: "alq-html", targets: ["alq-html"]),
        // The example reader on the kit: `open("x.psv")` (docs/plugins.md, "A minimal reader in Swift").
        .executable(name: "alq-psv-reader", targets: ["alq-psv-reader"]),
        // The first-party Excel plugin: the `xlsx` export format and reader (Plugins/XLSX).
        .executable(name: "alq-xlsx", targets: ["alq-xlsx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // The zip container of .xlsx workbooks; used by the alq-xlsx plugin only, never linked into alq.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The one JSON reader and writer (RFC 8259, strict); depends on nothing.
        .target(name: "ALQJSON"),
        // Days of the Gregorian calendar and their numbers; depends on nothing (alq's dates and XLSX share it).
        .target(name: "ALQCalendar"),
        // System calls through swift-system: whole-file reads, writing all bytes, `~`, terminal size,
        // atomic file replacement, a worker thread with a large stack. No Foundation.
        .target(name: "ALQSystem", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        // The plugin protocol as typed messages, shared by the host and the plugin kit.
        .target(name: "ALQPluginProtocol", dependencies: ["ALQJSON"]),
        // The plugin kit: a Swift export-format plugin in a few lines.
        .target(name: "ALQPluginKit", dependencies: ["ALQJSON", "ALQPluginProtocol"]),
        // The example external plugin written with the kit (Examples/plugins/html).
        .executableTarget(
            name: "alq-html", dependencies: ["ALQPluginKit"], path: "Examples/plugins/html/Sources/alq-html"),
        // The example reader plugin written with the kit (Examples/plugins/psv-reader).
        .executableTarget(
            name: "alq-psv-reader", dependencies: ["ALQPluginKit"],
            path: "Examples/plugins/psv-reader/Sources/alq-psv-reader"),
        // Excel workbooks: the writer, the sheet reader, shared strings, date styles (Plugins/XLSX).
        .target(
            name: "XLSX", dependencies: ["ALQCalendar", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Plugins/XLSX/Sources/XLSX"),
        // The first-party `xlsx` plugin on the kit: exports tables as workbooks and reads sheets back.
        .executableTarget(
            name: "alq-xlsx", dependencies: ["ALQCalendar", "ALQPluginKit", "XLSX"],
            path: "Plugins/XLSX/Sources/alq-xlsx"),
        .testTarget(name: "XLSXTests", dependencies: ["ALQCalendar", "XLSX", "ALQTestSupport"]),
        // The language: tokens, spans, diagnostics, parser, AST.
        .target(name: "ALQSyntax"),
        // Values, units, quantities, provenance and columnar tables.
        .target(name: "ALQRuntime", dependencies: ["ALQSyntax", "ALQJSON", "ALQCalendar"]),
        // The plugin interface: what a region module, an export format and a reader are; the registry; origins.
        .target(name: "ALQPluginAPI", dependencies: ["ALQRuntime"]),
        // The region-pack model, its decoding and validation, and the region module serving a pack.
        .target(name: "ALQRegionPack", dependencies: ["ALQJSON", "ALQRuntime", "ALQPluginAPI"]),
        // The evaluator and builtins.
        .target(name: "ALQEngine", dependencies: ["ALQSyntax", "ALQRuntime", "ALQPluginAPI"]),
        // Shared by the built-in formats: buffered output, number text, JSON text, byte interning.
        .target(
            name: "FormatSupport", dependencies: ["ALQJSON", "ALQRuntime", "ALQPluginAPI"],
            path: "Plugins/FormatSupport"),
        // The built-in CSV format (csv, csv-excel): writer and reader.
        .target(
            name: "FormatCSV",
            dependencies: ["ALQJSON", "FormatSupport", "ALQRuntime", "ALQPluginAPI", "ALQSyntax", "ALQSystem"],
            path: "Plugins/FormatCSV"),
        // The built-in JSON formats (json, ndjson): writers and reader.
        .target(
            name: "FormatJSON", dependencies: ["ALQJSON", "FormatSupport", "ALQRuntime", "ALQPluginAPI", "ALQSyntax"],
            path: "Plugins/FormatJSON"),
        // The built-in SVG format: charts as standalone SVG 1.1 documents.
        .target(name: "FormatSVG", dependencies: ["ALQRuntime", "ALQPluginAPI"], path: "Plugins/FormatSVG"),
        // The built-in Markdown format (markdown): a pipe table for reports.
        .target(name: "FormatMarkdown", dependencies: ["ALQRuntime", "ALQPluginAPI"], path: "Plugins/FormatMarkdown"),
        // Files, exports, region packs and external plugin processes: the engine's host.
        .target(
            name: "ALQPluginHost",
            dependencies: [
                "ALQJSON", "ALQSystem", "ALQPluginProtocol", "ALQSyntax", "ALQRuntime", "ALQPluginAPI", "ALQRegionPack",
                "ALQEngine",
                "FormatSupport",
            ]
        ),
        // libedit (line editing, history) for the REPL, loaded when the REPL starts; see Sources/CLibEdit/shim.h.
        // Its header comes from libedit-dev (`make deps`); it is not linked, so no pkg-config flags.
        .systemLibrary(name: "CLibEdit"),
        // Script runner, rendering, REPL.
        .target(name: "ALQShell", dependencies: ["ALQSystem", "ALQEngine", "CLibEdit"]),
        // The one explicit list of built-in modules.
        .target(
            name: "ALQBuiltinModules",
            dependencies: [
                "ALQPluginAPI", "ALQRegionPack", "BuiltinRegions", "FormatCSV", "FormatJSON", "FormatMarkdown",
                "FormatSVG",
            ]
        ),
        // The built-in regions: pack files embedded in code, registered by the one generic pack module.
        .target(
            name: "BuiltinRegions", dependencies: ["ALQPluginAPI", "ALQRegionPack"], path: "Plugins/Regions",
            resources: [.embedInCode("packs")]),
        .testTarget(
            name: "DatasetTests",
            dependencies: [
                "ALQJSON", "ALQPluginAPI", "ALQRegionPack", "BuiltinRegions", "ALQTestSupport",
            ]
        ),
        .testTarget(
            name: "ALQEngineTests",
            dependencies: [
                "ALQEngine", "ALQBuiltinModules", "ALQPluginAPI", "ALQPluginHost", "ALQRuntime", "ALQSyntax",
                "ALQShell", "ALQTestSupport",
            ]
        ),
        .testTarget(name: "ALQSyntaxTests", dependencies: ["ALQSyntax", "ALQTestSupport"]),
        // The shell without a terminal: rendering, completion logic.
        .testTarget(
            name: "ALQShellTests",
            dependencies: ["ALQShell", "ALQEngine", "ALQRuntime", "ALQSyntax", "ALQTestSupport"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["alq", "alq-xlsx", "ALQTestSupport"]),
        // The repository as a whole: docs/architecture.md matches this file, CONTRIBUTING.md's paths exist.
        .testTarget(name: "RepositoryTests", dependencies: ["ALQTestSupport"]),
        .testTarget(name: "ALQJSONTests", dependencies: ["ALQJSON"]),
        // Helpers shared by the test targets: position markers, the package layout and the built binary,
        // the seeds.
        .target(name: "ALQTestSupport", dependencies: ["ALQSyntax"], path: "Tests/ALQTestSupport"),
        .testTarget(
            name: "PluginTests",
            dependencies: [
                "ALQJSON", "ALQPluginHost", "ALQPluginKit", "ALQPluginProtocol", "ALQBuiltinModules", "FormatCSV",
                "FormatJSON", "FormatMarkdown", "FormatSupport",
                "ALQPluginAPI",
                "ALQRuntime",
                "ALQSyntax", "ALQTestSupport",
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .executableTarget(
            name: "alq",
            dependencies: [
                "ALQJSON",
                "ALQShell",
                "ALQSyntax",
                "ALQBuiltinModules",
                "ALQPluginAPI",
                "ALQPluginHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Linking"],
            // Start-up of the release build (docs/architecture.md, "Linking alq"): a position-dependent
            // executable has no 43,000 relative relocations for the loader to apply at every start, not
            // exporting every symbol keeps its dynamic symbol table small, and libstdc++ and libgcc are
            // linked statically (Sources/alq/Linking/libstdc++.so), so that only libc and libm are loaded.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic",
                        "-L", "\(Context.packageDirectory)/Sources/alq/Linking", "-Xclang-linker", "-static-libgcc",
                    ],
                    .when(configuration: .release))
            ]
        ),
        // The system helpers: atomic replacement, writing all bytes, bounded reads, `~`.
        .testTarget(name: "ALQSystemTests", dependencies: ["ALQSystem"]),
        // The REPL driven through a pseudo-terminal (runs the built `alq` binary).
        .testTarget(
            name: "REPLTests", dependencies: ["alq", "ALQShell", "ALQSystem", "ALQTestSupport"], exclude: ["Screens"]),
    ],
    swiftLanguageModes: [.v6]
)
