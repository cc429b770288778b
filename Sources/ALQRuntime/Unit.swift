/// A unit as a user writes it: a dimension and a scale, such as `kt` (mass × 1,000) or `bn CNY`.
public struct Unit: Sendable, Hashable {
    public var dimension: Dimension
    /// How many base units one of this unit is.
    public var scale: Double
    /// How the unit is written: `kt`, `bn CNY`, `亿 CNY`, `%`.
    public var symbol: String

    public init(dimension: Dimension, scale: Double, symbol: String) {
        self.dimension = dimension
        self.scale = scale
        self.symbol = symbol
    }

    /// The base unit of a dimension (`CNY`, `t`, `CNY/t`).
    public static func base(_ dimension: Dimension) -> Unit {
        Unit(dimension: dimension, scale: 1, symbol: dimension.symbol)
    }

    /// The factors of the scale words.
    public static let scaleWords: [String: Double] = [
        "k": 1e3, "thousand": 1e3, "M": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "万": 1e4, "亿": 1e8,
    ]

    /// The unit words and what they mean.
    public static let unitWords: [String: Unit] = [
        "CNY": .base(.money), "yuan": .base(.money), "元": .base(.money),
        "t": .base(.mass), "tons": .base(.mass), "tonnes": .base(.mass),
        "kg": Unit(dimension: .mass, scale: 1e-3, symbol: "kg"),
        "kt": Unit(dimension: .mass, scale: 1e3, symbol: "kt"),
        "Mt": Unit(dimension: .mass, scale: 1e6, symbol: "Mt"),
        "kWh": .base(.energy), "MWh": Unit(dimension: .energy, scale: 1e3, symbol: "MWh"),
        "GWh": Unit(dimension: .energy, scale: 1e6, symbol: "GWh"),
        "TWh": Unit(dimension: .energy, scale: 1e9, symbol: "TWh"),
        "a": .base(.time), "year": .base(.time), "years": .base(.time),
        "%": .base(.percent), "pp": .base(.points), "count": .base(.count), "rank": .base(.rank),
        "x": .base(.multiple),
    ]

    /// Resolves the words of a unit as written (`["bn", "CNY"]`, `["Mt"]`, `["万"]`).
    ///
    /// Returns `nil` when the words do not form a unit.
    ///
    /// Spelt-out scale words are shown abbreviated (`3 million t` is shown as `3 Mt`, `2 billion yuan`
    /// as `2 bn CNY`). A scale word before a unit that has a scale of its own (`bn Mt`) is not a unit.
    ///
    /// A compound unit is written with `/` between its parts (`["CNY", "/", "t"]`, `["万", "CNY", "/", "t"]`):
    /// the first part may have a scale word, each later part is one unit word, and each `/` divides all
    /// that stands before it (`CNY/t/a` is CNY per tonne per year). Ratios and ranks do not form compound
    /// units.
    public static func resolve(_ words: [String]) -> Unit? {
        if let slash = words.lastIndex(of: "/") {
            guard let numerator = resolve(Array(words[..<slash])), let rest = resolve(Array(words[(slash + 1)...])),
                rest.dimension != .none, !rest.dimension.isRatio, rest.dimension != .rank,
                !numerator.dimension.isRatio, numerator.dimension != .rank
            else { return nil }
            let numeratorSymbol = numerator.dimension == .none && numerator.scale == 1 ? "1" : numerator.symbol
            return Unit(
                dimension: numerator.dimension.divided(by: rest.dimension), scale: numerator.scale / rest.scale,
                symbol: "\(numeratorSymbol)/\(rest.symbol)")
        }
        switch words.count {
        case 1:
            if let unit = unitWords[words[0]] { return unit.canonical }
            if let factor = scaleWords[words[0]] {
                return Unit(dimension: .none, scale: factor, symbol: scaleSymbol(words[0]))
            }
            return nil
        case 2:
            guard let factor = scaleWords[words[0]], let unit = unitWords[words[1]], unit.scale == 1 else { return nil }
            let base = unit.canonical
            let scale = scaleSymbol(words[0])
            if base.dimension == .mass, scale == "k" || scale == "M" {
                return Unit(dimension: .mass, scale: factor, symbol: "\(scale)t")
            }
            return Unit(dimension: base.dimension, scale: factor, symbol: "\(scale) \(base.symbol)")
        default:
            return nil
        }
    }

    /// The short spelling of a scale word: `thousand` is `k`, `million` `M`, `billion` `bn`.
    private static func scaleSymbol(_ word: String) -> String {
        switch word {
        case "thousand": "k"
        case "million": "M"
        case "billion": "bn"
        default: word
        }
    }

    /// The unit with its preferred spelling (`yuan` becomes `CNY`).
    private var canonical: Unit {
        scale == 1 ? .base(dimension) : self
    }

    /// The unit a value is shown in when the user did not choose one: a human scale.
    ///
    /// A compound unit scales its first part as a simple unit would (`12 bn CNY/a`, `615 kt/a`,
    /// `58.1 TWh/a`), except that a quantity per tonne keeps the base unit below 10^6 of it
    /// (`13,500 kWh/t`, `47,630 CNY/t`), as the industry quotes its intensities.
    public static func humanScale(for baseValue: Double, dimension: Dimension) -> Unit {
        let denominator = dimension.denominator
        guard denominator != .none else { return simpleHumanScale(for: baseValue, dimension: dimension) }
        let numerator = dimension.numerator
        guard numerator.isSimple, numerator != .none,
            !(denominator.powers[Dimension.Base.mass.rawValue] > 0 && abs(baseValue) < 1e6)
        else { return .base(dimension) }
        let first = simpleHumanScale(for: baseValue, dimension: numerator)
        guard first.scale != 1 else { return .base(dimension) }
        return Unit(dimension: dimension, scale: first.scale, symbol: "\(first.symbol)/\(denominator.symbol)")
    }

    /// The human scale of a simple dimension: `bn CNY`, `M CNY`, `Mt`, `kt`, `TWh`, `GWh`, `MWh`.
    private static func simpleHumanScale(for baseValue: Double, dimension: Dimension) -> Unit {
        let magnitude = abs(baseValue)
        switch dimension {
        case .money:
            if magnitude >= 1e9 { return Unit(dimension: .money, scale: 1e9, symbol: "bn CNY") }
            if magnitude >= 1e6 { return Unit(dimension: .money, scale: 1e6, symbol: "M CNY") }
            return .base(.money)
        case .mass:
            if magnitude >= 1e6 { return Unit(dimension: .mass, scale: 1e6, symbol: "Mt") }
            if magnitude >= 1e3 { return Unit(dimension: .mass, scale: 1e3, symbol: "kt") }
            return .base(.mass)
        case .energy:
            if magnitude >= 1e9 { return Unit(dimension: .energy, scale: 1e9, symbol: "TWh") }
            if magnitude >= 1e6 { return Unit(dimension: .energy, scale: 1e6, symbol: "GWh") }
            if magnitude >= 1e3 { return Unit(dimension: .energy, scale: 1e3, symbol: "MWh") }
            return .base(.energy)
        default:
            return .base(dimension)
        }
    }
}
