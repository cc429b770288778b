// swift-tools-version:6.0
import PackageDescription

// An external alq plugin written in Swift: the `markdown` export format.
// It is its own package: it does not link alq, it only speaks alq's plugin protocol (docs/plugins.md).
let package = Package(
    name: "alq-markdown",
    products: [.executable(name: "alq-markdown", targets: ["alq-markdown"])],
    targets: [.executableTarget(name: "alq-markdown")],
    swiftLanguageModes: [.v6]
)
