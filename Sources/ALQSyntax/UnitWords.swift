/// The words the parser accepts after a number or after `in`: scale words and unit symbols.
///
/// Their meaning (dimension and factor) lives with the values; the parser only needs to know
/// which identifiers belong to a quantity.
public enum UnitWords {
    /// Scale words: a factor with no dimension of its own.
    public static let scales: Set<String> = ["k", "M", "bn", "万", "亿", "thousand", "million", "billion"]
    /// Unit words, some of which carry a scale of their own (`kt`, `Mt`).
    public static let units: Set<String> = [
        "CNY", "yuan", "元", "t", "kt", "Mt", "kg", "tons", "tonnes", "kWh", "MWh", "GWh", "TWh", "a", "year",
        "years", "%", "pp", "count", "rank", "x",
    ]

    /// Unit words that carry a scale of their own, so that no scale word may precede them.
    public static let scaledUnits: Set<String> = ["kt", "Mt", "kg", "MWh", "GWh", "TWh"]

    /// Unit words that may follow `/` in a compound unit (`CNY/t`, `kWh/t`, `t/a`): not the ratios
    /// `%`, `x`, `pp` or `rank`, so that `5 t / x` still divides by a variable `x`.
    public static let denominators: Set<String> = [
        "CNY", "yuan", "元", "t", "kt", "Mt", "kg", "tons", "tonnes", "kWh", "MWh", "GWh", "TWh", "a", "year",
        "count",
    ]

    /// Unit words of time, which right after `in` would shadow a list named `a` (`x in a`): there
    /// they are a unit only inside a compound unit (`in t/a`).
    public static let timeWords: Set<String> = ["a", "year", "years"]

    /// Whether an identifier may start a unit.
    public static func isUnitWord(_ word: String) -> Bool {
        scales.contains(word) || units.contains(word)
    }
}
