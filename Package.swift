// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "alq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "alq", targets: ["alq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        // Script runner, rendering, REPL.
        .target(name: "ALQShell", dependencies: ["ALQEngine"]),
        // The one explicit list of built-in modules.
        .target(name: "ALQBuiltinModules", dependencies: ["ALQPluginAPI"]),
        .executableTarget(
            name: "alq",
            dependencies: [
                "ALQShell",
                "ALQBuiltinModules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
