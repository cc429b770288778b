import Foundation
import Testing

/// Charts on the built binary: drawn the same way in `-c` and scripts, exported as SVG that parses as
/// XML and renders with rsvg-convert.
@Suite struct ChartTests {
    private static let lineChart =
        "facts | where metric == \"output_value\" | chart line year, value by region title \"Output value\""

    /// Runs a program, returning its status and standard output.
    private func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, stdout: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardInput = stdin
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    @Test func chartsDrawWithBlocksAndBrailleWithoutEscapeCodesWhenPiped() throws {
        let bar = try AlqProcess.run(
            ["-c", "Guangxi.output_value | chart bar year, value"], environment: ["NO_COLOR": "", "LANG": "C.UTF-8"])
        #expect(bar.status == 0)
        #expect(bar.stdout.contains("█") && bar.stdout.contains("▓") && bar.stdout.contains("≥ 240 (expected)"))
        #expect(!bar.stdout.contains("\u{1B}"))
        let line = try AlqProcess.run(["-c", Self.lineChart], environment: ["NO_COLOR": "", "LANG": "C.UTF-8"])
        #expect(line.status == 0)
        #expect(line.stdout.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(line.stdout.contains("○") && line.stdout.contains("series: ● Guangxi  ■ Guangyuan"))
        #expect(line.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aScriptDrawsTheSameChartAsDashC() throws {
        let folder = try AlqProcess.temporaryFolder()
        let script = folder.appendingPathComponent("chart.alq")
        try (Self.lineChart + "\n").write(to: script, atomically: true, encoding: .utf8)
        let fromScript = try AlqProcess.run([script.path])
        let fromCommand = try AlqProcess.run(["-c", Self.lineChart])
        #expect(fromScript.status == 0)
        #expect(fromScript.stdout == fromCommand.stdout)
    }

    @Test func asciiWhereTheLocaleIsNotUTF8() throws {
        let result = try AlqProcess.run(
            ["-c", "Guangxi.output_value | chart bar year, value"], environment: ["LC_ALL": "C"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("#") && result.stdout.contains(">= 240 (expected)"))
        #expect(!result.stdout.contains("█"))
    }

    @Test func exportSVGWritesAFileThatParsesAsXMLAndRenders() throws {
        let folder = try AlqProcess.temporaryFolder()
        let svg = folder.appendingPathComponent("ov.svg")
        let result = try AlqProcess.run(["-c", Self.lineChart + " | export svg to \"\(svg.path)\""])
        #expect(result.status == 0, "\(result.stderr)")
        let check = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            ns = '{http://www.w3.org/2000/svg}'
            assert root.tag == ns + 'svg', root.tag
            assert root.get('version') == '1.1'
            texts = [t.text or '' for t in root.iter(ns + 'text')]
            assert root.find(ns + 'title').text == 'Output value (bn CNY)'
            assert 'Guangxi' in texts and 'Guangyuan' in texts, texts
            assert any('≥ 100 (target)' in t for t in texts), texts
            hollow = [c for c in root.iter(ns + 'circle') if c.get('fill') == '#ffffff']
            assert len(hollow) >= 3, len(hollow)
            assert not [e for e in root.iter() if e.get('href') or e.get('{http://www.w3.org/1999/xlink}href')]
            print('ok')
            """
        let parsed = try run(["python3", "-c", check, svg.path])
        #expect(parsed.status == 0)
        #expect(String(decoding: parsed.stdout, as: UTF8.self) == "ok\n")
        let png = folder.appendingPathComponent("ov.png")
        let rendered = try run(["rsvg-convert", "-o", png.path, svg.path])
        #expect(rendered.status == 0, "rsvg-convert is installed by make test (librsvg2-bin)")
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func formatSVGWritesChartsToStandardOutputAndRefusesTables() throws {
        let chart = try AlqProcess.run(["--format", "svg", "-c", "Guangxi.output_value | chart column year, value"])
        #expect(chart.status == 0)
        #expect(chart.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(chart.stdout.hasSuffix("</svg>\n"))
        let table = try AlqProcess.run(["-c", "facts | export svg to \"never.svg\""])
        #expect(table.status == 1)
        #expect(table.stderr.contains("error[E0201]: svg draws charts, not tables"))
    }

    @Test func aChartOfMixedUnitsIsAnError() throws {
        let result = try AlqProcess.run(["-c", "facts | chart line year, value"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[E0202]: a chart needs values of one unit, found CNY"))
    }

    @Test(
        "the README's chart images are what the example scripts draw (make chart-images)",
        arguments: ["output_value_chart", "guangyuan_capacity_chart", "guangxi_output_value_chart"])
    func chartImagesAreCurrent(name: String) throws {
        let drawn = try AlqProcess.run(["--format", "svg", "Examples/\(name).alq"])
        #expect(drawn.status == 0)
        let image = AlqProcess.packageRoot.appendingPathComponent("docs/images/\(name).svg")
        let committed = try String(contentsOf: image, encoding: .utf8)
        #expect(drawn.stdout == committed, "docs/images/\(name).svg is out of date: run make chart-images")
    }
}
