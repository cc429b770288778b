import ALQRuntime
import ALQShell
import Testing

/// Terminal charts: honest marks, widths that fit, CJK labels in line, ASCII and colour policies.
@Suite struct ChartRendererTests {
    /// Guangxi's output value as the dataset has it: an actual, a part-year actual, an expected bound.
    private var guangxi: Chart {
        let unit = Unit.humanScale(for: 240e9, dimension: .money)
        return Chart(
            kind: .bar, xName: "year", yName: "value", dimension: .money, unit: unit,
            series: [
                ChartSeries(
                    name: nil,
                    points: [
                        ChartPoint(label: "2024", x: 2024, value: 205e9),
                        ChartPoint(label: "2025", x: 2025, value: 133e9, period: "Jan–Jul"),
                        ChartPoint(label: "2025", x: 2025, value: 240e9, mark: .expected, bound: .atLeast),
                    ])
            ])
    }

    private func render(_ chart: Chart, width: Int = 80, unicode: Bool = true, color: Bool = false) -> [String] {
        ChartRenderer(width: width, color: ColorPolicy(enabled: color), unicode: unicode).render(chart)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func barChartMarksExpectedValuesApartFromActualOnes() {
        let lines = render(guangxi)
        #expect(lines[0] == "value by year (bn CNY)")
        let actual = lines.first { $0.hasPrefix("2024 ") } ?? ""
        let expected = lines.first { $0.hasPrefix("2025  ") } ?? ""
        #expect(actual.contains("█") && !actual.contains("▓") && actual.hasSuffix(" 205"))
        #expect(expected.contains("▓") && !expected.contains("█") && expected.hasSuffix("≥ 240 (expected)"))
        #expect(lines.contains { $0.hasPrefix("2025 (Jan–Jul) ") && $0.hasSuffix(" 133") })
        #expect(lines.contains("█ actual  ▓ expected"))
        #expect(lines.last?.hasPrefix("≥ at least") == true)
    }

    @Test func barLengthsFollowTheValuesAtEighthCellResolution() {
        let lines = render(guangxi)
        func barCells(_ line: String) -> Double {
            var cells = 0.0
            for character in line {
                switch character {
                case "█", "▓": cells += 1
                case "▏": cells += 1 / 8
                case "▎": cells += 2 / 8
                case "▍": cells += 3 / 8
                case "▌": cells += 4 / 8
                case "▋": cells += 5 / 8
                case "▊": cells += 6 / 8
                case "▉": cells += 7 / 8
                default: break
                }
            }
            return cells
        }
        let bars = lines.filter { $0.hasPrefix("20") }.map(barCells)
        #expect(bars.count == 3)
        #expect(abs(bars[0] / bars[2] - 205.0 / 240) < 0.03)
        #expect(abs(bars[1] / bars[2] - 133.0 / 240) < 0.03)
    }

    @Test(arguments: [40, 80, 120])
    func everyLineFitsTheWidth(width: Int) {
        var line = guangxi
        line.kind = .line
        var column = guangxi
        column.kind = .column
        for chart in [guangxi, line, column] {
            for text in render(chart, width: width) {
                #expect(DisplayWidth.of(text) <= width, "\(chart.kind) at \(width): \(text)")
            }
        }
    }

    @Test func lineChartUsesBrailleWithHollowMarksForExpectations() {
        var chart = guangxi
        chart.kind = .line
        let text = render(chart).joined(separator: "\n")
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(text.contains("●") && text.contains("○"))
        #expect(text.contains("○ 2025: ≥ 240 (expected)"))
        #expect(text.contains("● 2025: 133 (Jan–Jul)"))
        #expect(text.contains("○ expected (hollow, reached by a dotted line)"))
    }

    @Test func columnChartShadesTargets() {
        var chart = guangxi
        chart.kind = .column
        chart.series[0].points.append(
            ChartPoint(label: "2027", x: 2027, value: 100e9, mark: .target, bound: .atLeast))
        let lines = render(chart)
        #expect(lines.contains { $0.contains("░") })
        #expect(lines.contains("█ actual  ▓ expected  ░ target"))
        #expect(lines.contains("░ 2027: ≥ 100 (target)"))
    }

    @Test func asciiFallbackUsesNoBlockOrBrailleCharacters() {
        for kind in Chart.Kind.allCases {
            var chart = guangxi
            chart.kind = kind
            let text = render(chart, unicode: false).joined(separator: "\n")
            let drawing = text.unicodeScalars.filter {
                (0x2500...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value)
            }
            #expect(drawing.isEmpty, "\(kind): \(text)")
            #expect(text.contains(">= 240"))
        }
    }

    @Test func colourOnlyWhenColourIsOn() {
        var chart = guangxi
        chart.series = [
            ChartSeries(name: "Guangxi", points: guangxi.series[0].points),
            ChartSeries(name: "Guangyuan", points: [ChartPoint(label: "2024", x: 2024, value: 41.9e9)]),
        ]
        for kind in Chart.Kind.allCases {
            chart.kind = kind
            #expect(!render(chart).joined().contains("\u{1B}"))
            #expect(render(chart, color: true).joined().contains("\u{1B}["))
        }
    }

    @Test func chineseLabelsLineUp() {
        let chart = Chart(
            kind: .bar, xName: "region", yName: "value", dimension: .mass,
            unit: Unit.humanScale(for: 1e7, dimension: .mass),
            series: [
                ChartSeries(
                    name: nil,
                    points: [
                        ChartPoint(label: "广西", x: nil, value: 1.4e7), ChartPoint(label: "百色", x: nil, value: 1e7),
                        ChartPoint(label: "Guangyuan", x: nil, value: 2e6),
                    ])
            ])
        let starts = render(chart).dropFirst().map { line -> Int in
            let prefix = line.prefix { $0 != "█" && $0 != "▏" && $0 != "▎" && $0 != "▍" && $0 != "▌" }
            return DisplayWidth.of(String(prefix))
        }
        #expect(Set(starts).count == 1, "bars start at columns \(starts)")
    }

    @Test func localeDecidesBetweenUnicodeAndASCII() {
        #expect(ChartRenderer.localeIsUTF8([:]))
        #expect(ChartRenderer.localeIsUTF8(["LANG": "en_US.UTF-8"]))
        #expect(!ChartRenderer.localeIsUTF8(["LANG": "C"]))
        #expect(!ChartRenderer.localeIsUTF8(["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]))
        #expect(ChartRenderer.localeIsUTF8(["LC_CTYPE": "C.utf8", "LANG": "C"]))
    }
}
