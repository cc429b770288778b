import ALQRuntime
import ALQSyntax

/// `spark(list)`: a one-line chart of a list of numbers, from `▁` (the smallest) to `█` (the largest).
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline of `values`: one character each, a space for a null. Quantities must share one
    /// dimension; anything else is an error naming what was found.
    static func text(_ values: [Value]) throws(Diagnostic) -> String {
        var numbers: [Double?] = []
        var dimensions: [Dimension] = []
        for value in values {
            switch value {
            case .null:
                numbers.append(nil)
            case .number(let number):
                numbers.append(number)
                if !dimensions.contains(.none) { dimensions.append(.none) }
            case .quantity(let quantity):
                numbers.append(quantity.value)
                if !dimensions.contains(quantity.dimension) { dimensions.append(quantity.dimension) }
            default:
                throw Diagnostic(.typeMismatch, "spark needs numbers or quantities, found a \(value.typeName)")
            }
        }
        if dimensions.count > 1 {
            let names = dimensions.map { $0 == .none ? "plain numbers" : $0.symbol }
            throw Diagnostic(
                .unitMismatch, "spark needs values of one unit, found \(names.joined(separator: ", "))",
                help: "keep one unit first, for example: where unit == \"t\"")
        }
        let present = numbers.compactMap { $0 }.filter(\.isFinite)
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: numbers.count)
        }
        return String(
            numbers.map { number -> Character in
                guard let number, number.isFinite else { return " " }
                guard high > low else { return levels[3] }
                let level = Int(((number - low) / (high - low) * Double(levels.count - 1)).rounded())
                return levels[min(max(level, 0), levels.count - 1)]
            })
    }
}

extension Builtins {
    static let charts: [Builtin] = [
        builtin(
            "spark", "spark(list)",
            "A one-line chart of a list of numbers (▁ smallest to █ largest, a space for null); in agg, per group.",
            example: "spark([3, 1, 4, 1, 5, 9, 2, 6])", arity: 1...1
        ) { call throws(Diagnostic) in
            .string(try Sparkline.text(try call.list(0)))
        }
    ]
}
