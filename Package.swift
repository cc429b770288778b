// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "alq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "alq", targets: ["alq"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The language: tokens, spans, diagnostics, parser, AST.
        .target(name: "ALQSyntax"),
        // Values, units, quantities, provenance and columnar tables.
        .target(name: "ALQRuntime", dependencies: ["ALQSyntax"]),
        // What a region module and an export format are, and the registry.
        .target(name: "ALQPluginAPI", dependencies: ["ALQRuntime"]),
        // The evaluator and builtins.
        .target(name: "ALQEngine", dependencies: ["ALQSyntax", "ALQRuntime", "ALQPluginAPI"]),
        // Shared by the built-in formats: buffered output, number text, JSON text, byte interning.
        .target(name: "FormatSupport", dependencies: ["ALQRuntime", "ALQPluginAPI"], path: "Plugins/FormatSupport"),
        // The built-in CSV format (csv, csv-excel): writer and reader.
        .target(
            name: "FormatCSV", dependencies: ["FormatSupport", "ALQRuntime", "ALQPluginAPI", "ALQSyntax"],
            path: "Plugins/FormatCSV"),
        // The built-in JSON formats (json, ndjson): writers and reader.
        .target(
            name: "FormatJSON", dependencies: ["FormatSupport", "ALQRuntime", "ALQPluginAPI", "ALQSyntax"],
            path: "Plugins/FormatJSON"),
        // The built-in SVG format: charts as standalone SVG 1.1 documents.
        .target(name: "FormatSVG", dependencies: ["ALQRuntime", "ALQPluginAPI"], path: "Plugins/FormatSVG"),
        // The built-in Markdown format (markdown): a pipe table for reports.
        .target(name: "FormatMarkdown", dependencies: ["ALQRuntime", "ALQPluginAPI"], path: "Plugins/FormatMarkdown"),
        // Files, exports, region packs and external plugin processes: the engine's host.
        .target(
            name: "ALQPluginHost",
            dependencies: ["ALQSyntax", "ALQRuntime", "ALQPluginAPI", "ALQEngine", "FormatSupport", "FormatJSON"]
        ),
        // libedit (line editing, history) for the REPL; see Sources/CLibEdit/shim.h.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Script runner, rendering, REPL.
        .target(name: "ALQShell", dependencies: ["ALQEngine", "CLibEdit"]),
        // The one explicit list of built-in modules.
        .target(
            name: "ALQBuiltinModules",
            dependencies: [
                "ALQPluginAPI", "RegionGuangxi", "RegionGuangyuan", "RegionChongqing", "RegionBaise", "FormatCSV",
                "FormatJSON", "FormatMarkdown", "FormatSVG",
            ]
        ),
        // Built-in region modules: each embeds its region pack (JSON) in code.
        .target(
            name: "RegionGuangxi", dependencies: ["ALQPluginAPI"], path: "Plugins/RegionGuangxi",
            resources: [.embedInCode("guangxi.json")]),
        .target(
            name: "RegionGuangyuan", dependencies: ["ALQPluginAPI"], path: "Plugins/RegionGuangyuan",
            resources: [.embedInCode("guangyuan.json")]),
        .target(
            name: "RegionChongqing", dependencies: ["ALQPluginAPI"], path: "Plugins/RegionChongqing",
            resources: [.embedInCode("chongqing.json")]),
        .target(
            name: "RegionBaise", dependencies: ["ALQPluginAPI"], path: "Plugins/RegionBaise",
            resources: [.embedInCode("baise.json")]),
        .testTarget(
            name: "DatasetTests",
            dependencies: ["ALQPluginAPI", "RegionGuangxi", "RegionGuangyuan", "RegionChongqing", "RegionBaise"]
        ),
        .testTarget(
            name: "ALQEngineTests",
            dependencies: [
                "ALQEngine", "ALQBuiltinModules", "ALQPluginAPI", "ALQRuntime", "ALQSyntax", "ALQShell",
                "ALQTestSupport",
            ]
        ),
        .testTarget(name: "ALQSyntaxTests", dependencies: ["ALQSyntax", "ALQTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["alq"]),
        // Helpers shared by the test targets (position markers).
        .target(name: "ALQTestSupport", dependencies: ["ALQSyntax"], path: "Tests/ALQTestSupport"),
        .testTarget(
            name: "PluginTests",
            dependencies: [
                "ALQPluginHost", "ALQBuiltinModules", "FormatCSV", "FormatJSON", "FormatMarkdown", "FormatSupport",
                "ALQPluginAPI",
                "ALQRuntime",
                "ALQSyntax",
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .executableTarget(
            name: "alq",
            dependencies: [
                "ALQShell",
                "ALQBuiltinModules",
                "ALQPluginAPI",
                "ALQPluginHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The REPL driven through a pseudo-terminal (runs the built `alq` binary).
        .testTarget(name: "REPLTests", dependencies: ["alq", "ALQShell"], exclude: ["Screens"]),
    ],
    swiftLanguageModes: [.v6]
)
