import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQSyntax
import Foundation
import Testing

/// The example plugins in Examples/plugins: built, loaded and used as a user would.
@Suite(.serialized) struct ExamplePluginTests {
    /// The Swift example on the plugin kit, built by the package next to `alq` (product `alq-html`).
    static func htmlPlugin() throws -> String {
        let path = URL(fileURLWithPath: AlqBinary.path).deletingLastPathComponent().appendingPathComponent("alq-html")
            .path
        try #require(
            FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: swift build --product alq-html")
        return path
    }

    @Test func swiftHTMLPlugin() throws {
        let plugin = try Self.htmlPlugin()
        let host = FileHost()
        defer { host.shutdown() }
        let registry = Registry()
        let message = try host.load(path: plugin, registry: registry)
        #expect(message == "loaded plugin html 1.0.0 from \(plugin): format html")
        #expect(
            registry.formatsTable().cellTexts == [
                ["'html'", "'html, htm'", "'text/html'", "false", "true", "'1.0.0'", "'plugin \(plugin)'"]
            ])
        let folder = Support.temporaryFolder()
        let path = "\(folder)/sample.html"
        try host.export(
            Support.sampleTable(), format: FileHost.resolveFormat(name: nil, path: path, registry: registry), path: path
        )
        #expect(
            try String(contentsOfFile: path, encoding: .utf8) == """
                <table>
                <thead>
                <tr><th>region</th><th>year</th><th>share</th><th>ok</th><th>output [CNY]</th><th>note</th><th>mixed</th><th>mixed_unit</th></tr>
                </thead>
                <tbody>
                <tr><td>Guangxi</td><td align=right>2024</td><td align=right>0.5</td><td>true</td><td align=right>205000000000</td><td>=SUM(A1)</td><td>14543000</td><td>t</td></tr>
                <tr><td>百色</td><td align=right>2023</td><td align=right>33.69</td><td>false</td><td align=right>41900000000</td><td>+1</td><td>3</td><td></td></tr>
                <tr><td>Comma, Inc.</td><td align=right></td><td align=right>-1.25</td><td></td><td align=right></td><td>-x</td><td>a</td><td></td></tr>
                <tr><td>Say &quot;hi&quot;</td><td align=right>2020</td><td align=right>1e-07</td><td>true</td><td align=right>1</td><td>@home</td><td></td><td></td></tr>
                <tr><td></td><td align=right>-5</td><td align=right>1e+21</td><td>false</td><td align=right>2.5</td><td>line1<br>line2</td><td>[1,&quot;b&quot;]</td><td></td></tr>
                <tr><td></td><td align=right>2019</td><td align=right></td><td>true</td><td align=right>0</td><td>&#39;=already</td><td>5</td><td>%</td></tr>
                </tbody>
                </table>

                """)
    }
}

/// docs/plugins.md shows the Swift example as it is.
@Test func pluginsPageShowsTheKitExampleAsItIs() throws {
    let page = try String(contentsOfFile: "\(Support.root)/docs/plugins.md", encoding: .utf8)
    let source = try String(
        contentsOfFile: "\(Support.root)/Examples/plugins/html/Sources/alq-html/main.swift", encoding: .utf8)
    #expect(page.contains("```swift\n" + source + "```\n"))
}
