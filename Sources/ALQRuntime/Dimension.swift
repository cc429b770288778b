/// What a quantity measures: a product of powers of base dimensions, such as `CNY` (money),
/// `CNY/t` (money per mass) or `kWh/t` (energy per mass). Quantities of different dimensions never
/// add or compare.
///
/// The ratios `%`, `x` and `pp` and the ordinal `rank` are dimensions of their own; they do not
/// combine into compound units (multiplying or dividing by a ratio scales the other side instead,
/// see the percent rules in docs/language.md).
public struct Dimension: Sendable, Hashable {
    /// The base dimensions, in the order their symbols are written.
    public enum Base: Int, Sendable, CaseIterable {
        case money, mass, energy, time, count, percent, multiple, points, rank

        /// The base unit's symbol.
        public var symbol: String {
            switch self {
            case .money: "CNY"
            case .mass: "t"
            case .energy: "kWh"
            case .time: "a"
            case .count: "count"
            case .percent: "%"
            case .multiple: "x"
            case .points: "pp"
            case .rank: "rank"
            }
        }

        /// What the base dimension measures, as dimension errors name it.
        public var name: String {
            switch self {
            case .money: "money"
            case .mass: "mass"
            case .energy: "energy"
            case .time: "time"
            case .count: "a count"
            case .percent: "a percentage"
            case .multiple: "a multiple"
            case .points: "percentage points"
            case .rank: "a rank"
            }
        }
    }

    /// The power of each base dimension, indexed by ``Base/rawValue``.
    public private(set) var powers: [Int8]

    private init(powers: [Int8]) {
        self.powers = powers
    }

    /// A base dimension to the first power.
    public init(_ base: Base) {
        var powers = [Int8](repeating: 0, count: Base.allCases.count)
        powers[base.rawValue] = 1
        self.powers = powers
    }

    /// A plain number.
    public static let none = Dimension(powers: [Int8](repeating: 0, count: Base.allCases.count))
    public static let money = Dimension(.money)
    public static let mass = Dimension(.mass)
    public static let energy = Dimension(.energy)
    public static let time = Dimension(.time)
    public static let count = Dimension(.count)
    public static let percent = Dimension(.percent)
    /// A multiple, as in "more than 5 times 2020".
    public static let multiple = Dimension(.multiple)
    /// Percentage points: the difference of two percentages.
    public static let points = Dimension(.points)
    public static let rank = Dimension(.rank)

    /// The dimensions with a base unit of their own, as the `unit` column of the dataset names them.
    public static let simple: [Dimension] = Base.allCases.map(Dimension.init)

    /// Whether the dimension is a ratio (`%`, `x`, `pp`): dividing or multiplying by it scales.
    public var isRatio: Bool { self == .percent || self == .multiple || self == .points }

    /// Whether the dimension is a single base dimension or none.
    public var isSimple: Bool { powers.allSatisfy { $0 == 0 || $0 == 1 } && powers.filter { $0 != 0 }.count <= 1 }

    /// Whether the dimension is one alq writes as a unit: every power -1, 0 or 1, and at least one
    /// positive (`CNY/t`, `t/a`; not `t^2` or `1/t`).
    public var isUnit: Bool {
        powers.allSatisfy { $0 >= -1 && $0 <= 1 } && powers.contains { $0 > 0 }
    }

    /// The part of the dimension with positive powers: `CNY` for `CNY/t`, the whole of a simple one.
    public var numerator: Dimension { Dimension(powers: powers.map { Swift.max($0, 0) }) }

    /// The part with negative powers, as positive powers: `t` for `CNY/t`, ``none`` for a simple one.
    public var denominator: Dimension { Dimension(powers: powers.map { Swift.max(-$0, 0) }) }

    /// The product of two dimensions (`CNY/t` × `t` is `CNY`).
    public func multiplied(by other: Dimension) -> Dimension {
        Dimension(powers: zip(powers, other.powers).map { $0 + $1 })
    }

    /// The quotient of two dimensions (`CNY` ÷ `t` is `CNY/t`).
    public func divided(by other: Dimension) -> Dimension {
        Dimension(powers: zip(powers, other.powers).map { $0 - $1 })
    }

    /// The base unit's symbol: `CNY`, `t`, `CNY/t`, `kWh/t`, `t/a`; empty for a plain number.
    public var symbol: String {
        func factors(_ sign: Int8) -> [String] {
            Base.allCases.compactMap { base in
                let power = powers[base.rawValue] * sign
                guard power > 0 else { return nil }
                return power == 1 ? base.symbol : "\(base.symbol)^\(power)"
            }
        }
        let numerator = factors(1)
        let denominator = factors(-1)
        if denominator.isEmpty { return numerator.joined(separator: "·") }
        return (numerator.isEmpty ? "1" : numerator.joined(separator: "·")) + "/" + denominator.joined(separator: "·")
    }

    /// What the dimension measures, for messages: `money (CNY)`, `money per mass (CNY/t)`.
    public var name: String {
        if self == .none { return "a plain number" }
        if isSimple, let base = Base.allCases.first(where: { powers[$0.rawValue] == 1 }) {
            return "\(base.name) (\(symbol))"
        }
        func names(_ sign: Int8) -> [String] {
            Base.allCases.compactMap { base in
                let power = powers[base.rawValue] * sign
                guard power > 0 else { return nil }
                return power == 1 ? base.name : "\(base.name)^\(power)"
            }
        }
        let numerator = names(1)
        let denominator = names(-1)
        let text =
            (numerator.isEmpty ? "one" : numerator.joined(separator: " × "))
            + (denominator.isEmpty ? "" : " per " + denominator.joined(separator: " × "))
        return "\(text) (\(symbol))"
    }

    /// The dimension a base unit symbol names (`CNY`, `t`, `%`, `count`, `CNY/t`, `kWh/t`, `t/a`).
    public init?(symbol: String) {
        guard !symbol.isEmpty else { return nil }
        let parts = symbol.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let numerator = Self.product(parts[0], allowOne: parts.count == 2) else { return nil }
        var result = numerator
        if parts.count == 2 {
            guard let denominator = Self.product(parts[1], allowOne: false), denominator != .none else { return nil }
            result = result.divided(by: denominator)
        }
        guard result != .none else { return nil }
        self = result
    }

    private static func product(_ text: Substring, allowOne: Bool) -> Dimension? {
        if allowOne && text == "1" { return Dimension.none }
        var result = Dimension.none
        for factor in text.split(separator: "·", omittingEmptySubsequences: false) {
            let pieces = factor.split(separator: "^", maxSplits: 1, omittingEmptySubsequences: false)
            guard let base = Base.allCases.first(where: { $0.symbol == pieces[0] }) else { return nil }
            var power: Int8 = 1
            if pieces.count == 2 {
                guard let parsed = Int8(pieces[1]), parsed > 0 else { return nil }
                power = parsed
            }
            for _ in 0..<power { result = result.multiplied(by: Dimension(base)) }
        }
        return result
    }
}
