/// Rounding to decimal places, shared by `round()` and its column kernel.
enum Rounding {
    /// 10 to the power of a number of decimal places (0 to 15).
    static func factor(places: Double) -> Double {
        var factor = 1.0
        for _ in 0..<Int(places) { factor *= 10 }
        return factor
    }

    /// `x` rounded at `factor`; a number too large to have decimals at this precision is already round.
    static func rounded(_ x: Double, factor: Double) -> Double {
        let scaled = x * factor
        return scaled.isFinite ? scaled.rounded() / factor : x
    }
}
