/// Excel's rules for sheet names.
public enum SheetName {
    /// The longest sheet name, in UTF-16 units.
    public static let maximumLength = 31

    /// `name` as a valid sheet name that differs from `taken` (ignoring case, as Excel does): the
    /// characters `: \ / ? * [ ]` and control characters become `_`, a leading or trailing `'` is
    /// dropped, it is cut to 31 characters, an empty name is `Sheet1`, `History` (which Excel reserves,
    /// in any case) is `History_`, and a taken one gets ` (2)`, ` (3)`, ….
    public static func valid(_ name: String, taken: [String] = []) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case ":", "\\", "/", "?", "*", "[", "]": scalars.append("_")
            case _ where scalar.value < 32: scalars.append("_")
            default: scalars.append(scalar)
            }
        }
        var base = String(scalars)
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet1" }
        if base.lowercased() == "history" { base += "_" }
        let lowered = Set(taken.map { $0.lowercased() })
        var candidate = cut(base, to: maximumLength)
        var number = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = cut(base, to: maximumLength - suffix.utf16.count) + suffix
            number += 1
        }
        return candidate
    }

    private static func cut(_ text: String, to length: Int) -> String {
        var result = ""
        var count = 0
        for character in text {
            count += character.utf16.count
            if count > length { break }
            result.append(character)
        }
        return result
    }
}
