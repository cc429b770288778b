/// How numbers are written for people: plain numbers as they are, quantities with thousands separators.
public enum NumberFormat {
    /// The most significant digits a displayed number keeps.
    public static let significantDigits = 10

    /// `2024`, `4.892601432`, `0.3`, `1e+20`.
    public static func plain(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        let rounded = roundToSignificant(number)
        var text = rounded.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        if text.contains("e") { text = significantExponent(text) }
        return text
    }

    /// Rounds the mantissa of a number in exponent notation (`9.999999999999999e+293`) to
    /// ``significantDigits`` digits in decimal (`1e+294`), where binary arithmetic would add noise.
    private static func significantExponent(_ text: String) -> String {
        let parts = text.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, var exponent = Int(parts[1].filter { $0 != "+" }) else { return text }
        let negative = parts[0].hasPrefix("-")
        let mantissa = parts[0].drop { $0 == "-" }
        let integerDigits = mantissa.prefix { $0 != "." }.count
        var digits = mantissa.filter { $0 != "." }.compactMap(\.wholeNumberValue)
        guard integerDigits == 1, digits.count > significantDigits else { return text }
        let roundUp = digits[significantDigits] >= 5
        digits = Array(digits.prefix(significantDigits))
        if roundUp {
            var index = digits.count - 1
            while index >= 0 {
                if digits[index] < 9 {
                    digits[index] += 1
                    break
                }
                digits[index] = 0
                index -= 1
            }
            if index < 0 {
                digits.insert(1, at: 0)
                digits.removeLast()
                exponent += 1
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        var result = negative ? "-" : ""
        result += String(digits[0])
        if digits.count > 1 { result += "." + digits.dropFirst().map(String.init).joined() }
        return result + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }

    /// `14,543`, `205`, `1,234.5`.
    public static func grouped(_ number: Double) -> String {
        let text = plain(number)
        guard !text.contains("e"), !text.contains("n") else { return text }
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var grouped = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        if parts.count > 1 { grouped += "." + parts[1] }
        return (negative ? "-" : "") + grouped
    }

    /// The number in shortest round-trip form, for machine-readable output (`205000000000`, `0.1`).
    public static func exact(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return number.description
    }

    /// `number` rounded to `digits` significant digits where that drops decimals (a whole number
    /// keeps its digits).
    static func roundToSignificant(_ number: Double, digits: Int = significantDigits) -> Double {
        guard number != 0 else { return 0 }
        var magnitude = 0
        var probe = abs(number)
        while probe >= 10 {
            probe /= 10
            magnitude += 1
        }
        while probe < 1 {
            probe *= 10
            magnitude -= 1
        }
        let decimals = digits - 1 - magnitude
        guard decimals > 0, decimals < 300 else { return number }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let result = (number * factor).rounded() / factor
        return result.isFinite ? result : number
    }
}
