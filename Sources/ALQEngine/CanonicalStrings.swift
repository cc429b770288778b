/// Strings that `==` calls equal group together: "é" (U+00E9) and "e\u{301}" are canonically equivalent,
/// so `group`, `distinct` and `count_distinct` treat them as one key (shown as the first spelling), as
/// `==`, `in` and sorting do. A string column's dictionary holds each distinct byte sequence once.
enum CanonicalStrings {
    /// For each dictionary entry, the code of the first entry equal to it.
    static func codes(_ dictionary: [String]) -> [Int32] {
        var first: [String: Int32] = [:]
        first.reserveCapacity(dictionary.count)
        var codes: [Int32] = []
        codes.reserveCapacity(dictionary.count)
        for (index, text) in dictionary.enumerated() {
            if let code = first[text] {
                codes.append(code)
            } else {
                first[text] = Int32(index)
                codes.append(Int32(index))
            }
        }
        return codes
    }
}
