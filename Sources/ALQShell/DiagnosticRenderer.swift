import ALQSyntax

/// Renders a diagnostic for people:
///
/// ```
/// report.alq:3:14: error[E0102]: unknown column 'yeer'
///   3 | facts | where yeer == 2024
///     |               ^^^^
///     = help: did you mean 'year'?
/// ```
/// Carets line up under East Asian wide characters, which take two columns.
public struct DiagnosticRenderer: Sendable {
    public let color: ColorPolicy

    /// How many columns of a long line are shown on each side of the problem.
    static let context = 60

    public init(color: ColorPolicy) {
        self.color = color
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let heading =
            color.paint("error[\(diagnostic.code.rawValue)]", .boldRed) + color.paint(": \(diagnostic.message)", .bold)
        guard let file = diagnostic.file, let span = diagnostic.span else {
            var text = "\(diagnostic.file?.name ?? "alq"): \(heading)\n"
            if let help = diagnostic.help { text += "  = help: \(help)\n" }
            return text
        }
        let (line, column) = file.location(of: span.start)
        var text = "\(file.name):\(line):\(column): \(heading)\n"
        let (lineText, lineStart) = file.lineText(containing: span.start)
        let lineBytes = Array(lineText.utf8)
        let startInLine = min(max(0, span.start - lineStart), lineBytes.count)
        let endInLine = min(max(startInLine, span.end - lineStart), lineBytes.count)
        var before = String(decoding: lineBytes[..<startInLine], as: UTF8.self).replacingTabs()
        var covered = String(decoding: lineBytes[startInLine..<endInLine], as: UTF8.self).replacingTabs()
        var after = String(decoding: lineBytes[endInLine...], as: UTF8.self).replacingTabs()
        if DisplayWidth.of(before) > Self.context {
            before = "…" + String(before.suffix(Self.context))
        }
        if DisplayWidth.of(covered) > Self.context * 2 {
            covered = String(covered.prefix(Self.context * 2)) + "…"
            after = ""
        }
        if DisplayWidth.of(after) > Self.context {
            after = String(after.prefix(Self.context)) + "…"
        }
        let gutter = String(line)
        let blank = String(repeating: " ", count: gutter.count)
        text += color.paint("\(gutter) |", .boldBlue) + " \(before)\(covered)\(after)\n"
        let carets = String(repeating: "^", count: max(1, DisplayWidth.of(covered)))
        text +=
            color.paint("\(blank) |", .boldBlue) + " " + String(repeating: " ", count: DisplayWidth.of(before))
            + color.paint(carets, .boldRed) + "\n"
        if let help = diagnostic.help {
            text += color.paint("\(blank) =", .boldBlue) + " " + color.paint("help:", .boldCyan) + " \(help)\n"
        }
        return text
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}
