import ALQRuntime
import Testing

@Suite struct UnitTests {
    @Test(arguments: [
        (["t"], Dimension.mass, 1.0, "t"), (["kt"], .mass, 1e3, "kt"), (["Mt"], .mass, 1e6, "Mt"),
        (["tons"], .mass, 1, "t"), (["tonnes"], .mass, 1, "t"), (["CNY"], .money, 1, "CNY"),
        (["yuan"], .money, 1, "CNY"), (["元"], .money, 1, "CNY"), (["%"], .percent, 1, "%"),
        (["count"], .count, 1, "count"), (["rank"], .rank, 1, "rank"), (["x"], .multiple, 1, "x"),
        (["bn", "CNY"], .money, 1e9, "bn CNY"), (["M", "CNY"], .money, 1e6, "M CNY"),
        (["亿", "CNY"], .money, 1e8, "亿 CNY"), (["万", "CNY"], .money, 1e4, "万 CNY"),
        (["万", "t"], .mass, 1e4, "万 t"), (["k", "t"], .mass, 1e3, "kt"), (["M", "t"], .mass, 1e6, "Mt"),
        (["million", "t"], .mass, 1e6, "Mt"), (["billion", "yuan"], .money, 1e9, "bn CNY"),
        (["thousand"], .none, 1e3, "k"), (["亿"], .none, 1e8, "亿"), (["k", "count"], .count, 1e3, "k count"),
    ])
    func resolve(_ words: [String], _ dimension: Dimension, _ scale: Double, _ symbol: String) throws {
        let unit = try #require(Unit.resolve(words))
        #expect(unit.dimension == dimension)
        #expect(unit.scale == scale)
        #expect(unit.symbol == symbol)
    }

    @Test(arguments: [
        ["bn", "Mt"], ["k", "kt"], ["furlong"], [], ["CNY", "bn"], ["t", "t"], ["bn", "M"], ["a", "b", "c"],
    ])
    func wordsThatAreNotUnits(_ words: [String]) {
        #expect(Unit.resolve(words) == nil)
    }

    @Test func quantitiesAreStoredInTheBaseUnit() throws {
        let quantity = Quantity(14.543, try #require(Unit.resolve(["Mt"])))
        #expect(quantity.value == 14_543_000)
        #expect(quantity.dimension == .mass)
        #expect(quantity.shownValue == 14.543)
        #expect(quantity.formatted == "14.543 Mt")
    }

    @Test func conversionBothWaysThroughTheBaseUnit() throws {
        let yi = try #require(Unit.resolve(["亿", "CNY"]))
        let wan = try #require(Unit.resolve(["万", "CNY"]))
        let bn = try #require(Unit.resolve(["bn", "CNY"]))
        var quantity = Quantity(3, yi)
        #expect(quantity.value == 300_000_000)
        quantity.displayUnit = wan
        #expect(quantity.formatted == "30,000 万 CNY")
        quantity.displayUnit = bn
        #expect(quantity.formatted == "0.3 bn CNY")
        var back = Quantity(30_000, wan)
        back.displayUnit = yi
        #expect(back.formatted == "3 亿 CNY")
    }

    @Test(arguments: [
        (999.0, Dimension.mass, "999 t"), (1_000, .mass, "1 kt"), (615_000, .mass, "615 kt"),
        (999_999, .mass, "999.999 kt"), (1_000_000, .mass, "1 Mt"), (14_543_000, .mass, "14.543 Mt"),
        (-2_000_000, .mass, "-2 Mt"), (0.5, .mass, "0.5 t"),
        (999_999, .money, "999,999 CNY"), (1_234_567, .money, "1.234567 M CNY"), (5e8, .money, "500 M CNY"),
        (205e9, .money, "205 bn CNY"), (-41.9e9, .money, "-41.9 bn CNY"), (1.2e13, .money, "12,000 bn CNY"),
        (41.4, .percent, "41.4 %"), (150, .count, "150 count"), (3, .rank, "3 rank"), (5, .multiple, "5 x"),
    ])
    func humanScale(_ value: Double, _ dimension: Dimension, _ text: String) {
        #expect(Quantity(value: value, dimension: dimension).formatted == text)
    }

    /// A compound unit scales its first part as a simple unit would; a quantity per tonne stays in the
    /// base unit below 10^6.
    @Test(arguments: [
        (1.2e10, "CNY/a", "12 bn CNY/a"), (5e6, "CNY/a", "5 M CNY/a"), (999_999, "CNY/a", "999,999 CNY/a"),
        (615_000, "t/a", "615 kt/a"), (4_304_000, "t/a", "4.304 Mt/a"), (999, "t/a", "999 t/a"),
        (58.104e9, "kWh/a", "58.104 TWh/a"), (13_500, "kWh/t", "13,500 kWh/t"), (2e6, "kWh/t", "2 GWh/t"),
        (47_630, "CNY/t", "47,630 CNY/t"), (1.5e9, "CNY/t", "1.5 bn CNY/t"), (-2e10, "CNY/a", "-20 bn CNY/a"),
        (3e6, "count/a", "3,000,000 count/a"), (2e7, "t/count", "20 Mt/count"),
    ])
    func compoundHumanScale(_ value: Double, _ symbol: String, _ text: String) throws {
        let dimension = try #require(Dimension(symbol: symbol))
        #expect(Quantity(value: value, dimension: dimension).formatted == text)
    }

    /// Each `/` divides everything before it: CNY/t/a is CNY per tonne per year.
    @Test func slashesDivideFromTheLeft() throws {
        let unit = try #require(Unit.resolve(["CNY", "/", "t", "/", "a"]))
        #expect(unit.dimension == Dimension(symbol: "CNY/t·a"))
        let scaled = try #require(Unit.resolve(["万", "CNY", "/", "t", "/", "a"]))
        #expect(scaled.scale == 1e4)
        #expect(scaled.symbol == "万 CNY/t/a")
    }

    @Test func aDimensionlessQuantityWithAScaleShowsIt() {
        let quantity = Quantity(value: 50_000, dimension: .none, displayUnit: Unit.resolve(["万"]))
        #expect(quantity.formatted == "5 万")
        #expect(Quantity(value: 4.892601432, dimension: .none).formatted == "4.892601432")
    }

    @Test(arguments: [
        (7.0, "7"), (0.1 + 0.2, "0.3"), (1.0 / 3, "0.3333333333"), (1e15, "1000000000000000"), (1e20, "1e+20"),
        (-0.5, "-0.5"), (2e-10, "2e-10"), (123456789.123, "123456789.1"), (Double.nan, "NaN"),
        (Double.infinity, "inf"), (-Double.infinity, "-inf"), (9.999999999999999e293, "1e+294"),
        (1e300 / 3, "3.333333333e+299"), (-123_456_789_012_345_680, "-1.23456789e+17"), (1.5e-300, "1.5e-300"),
    ])
    func plainNumbers(_ number: Double, _ text: String) {
        #expect(NumberFormat.plain(number) == text)
    }

    @Test(arguments: [
        (14543.0, "14,543"), (1234567.5, "1,234,567.5"), (-1234, "-1,234"), (999, "999"), (1e20, "1e+20"),
    ])
    func groupedNumbers(_ number: Double, _ text: String) {
        #expect(NumberFormat.grouped(number) == text)
    }

    @Test func dimensionsByBaseSymbol() {
        #expect(Dimension(symbol: "CNY") == .money)
        #expect(Dimension(symbol: "t") == .mass)
        #expect(Dimension(symbol: "") == nil)
        #expect(Dimension(symbol: "kt") == nil)
    }
}
