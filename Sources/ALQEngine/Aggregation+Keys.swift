import ALQRuntime
import ALQSyntax

/// Group ids for several key columns together, on typed keys.
///
/// Each key column first becomes dense codes (``GroupKeys/codes(_:)``); the codes of a row are then
/// combined into one number: code₀ + code₁ × n₀ + … When the product of the cardinalities is small enough
/// the combined number indexes an array directly; when it fits 64 bits it is hashed as one `UInt64`; only
/// beyond that does a row's key become an array of codes. Every path gives groups in order of first
/// appearance, as the per-row dictionary of code arrays did.
enum GroupKeys {
    /// The largest product of cardinalities that is mapped through an array rather than hashed.
    static let directLimit = 1 << 22

    /// A group id for every row and the first row of each group, from per-column codes and cardinalities.
    static func groups(
        _ codes: [([Int32], Int)], rowCount: Int, checkCancellation: () throws(Diagnostic) -> Void
    ) throws(Diagnostic) -> (ids: [Int32], firstRows: [Int]) {
        var product: UInt64 = 1
        var fits = true
        for (_, cardinality) in codes {
            let (next, overflow) = product.multipliedReportingOverflow(by: UInt64(max(cardinality, 1)))
            if overflow {
                fits = false
                break
            }
            product = next
        }
        guard fits else { return try byArrays(codes, rowCount: rowCount, checkCancellation: checkCancellation) }
        let combined = combine(codes, rowCount: rowCount)
        if product <= UInt64(directLimit) {
            try checkCancellation()
            return try dense(combined, keyCount: Int(product))
        }
        var ids = [Int32](repeating: 0, count: rowCount)
        var firstRows: [Int] = []
        var mapping: [UInt64: Int32] = [:]
        for row in 0..<rowCount {
            if row & 0xFFFF == 0xFFFF {
                try checkCancellation()
                mapping.reserveForManyKeys(upTo: rowCount)
            }
            let key = combined[row]
            if let id = mapping[key] {
                ids[row] = id
            } else {
                let id = Int32(firstRows.count)
                mapping[key] = id
                firstRows.append(row)
                ids[row] = id
            }
        }
        return (ids, firstRows)
    }

    /// One number per row from several columns' codes, mixed radix; the caller checked that it fits.
    private static func combine(_ codes: [([Int32], Int)], rowCount: Int) -> [UInt64] {
        var combined = [UInt64](repeating: 0, count: rowCount)
        var stride: UInt64 = 1
        combined.withUnsafeMutableBufferPointer { combined in
            for (column, cardinality) in codes {
                column.withUnsafeBufferPointer { column in
                    for row in 0..<rowCount { combined[row] &+= UInt64(column[row]) &* stride }
                }
                stride &*= UInt64(max(cardinality, 1))
            }
        }
        return combined
    }

    /// The general path: a dictionary from each row's array of codes.
    private static func byArrays(
        _ codes: [([Int32], Int)], rowCount: Int, checkCancellation: () throws(Diagnostic) -> Void
    ) throws(Diagnostic) -> (ids: [Int32], firstRows: [Int]) {
        var ids = [Int32](repeating: 0, count: rowCount)
        var firstRows: [Int] = []
        var mapping: [[Int32]: Int32] = [:]
        var key = [Int32](repeating: 0, count: codes.count)
        for row in 0..<rowCount {
            if row & 0xFFFF == 0xFFFF { try checkCancellation() }
            for index in codes.indices { key[index] = codes[index].0[row] }
            if let id = mapping[key] {
                ids[row] = id
            } else {
                let id = Int32(firstRows.count)
                mapping[key] = id
                firstRows.append(row)
                ids[row] = id
            }
        }
        return (ids, firstRows)
    }

    /// Dense codes (0 for null, then 1, 2, … in order of first appearance) for the values of a number
    /// column, equal values sharing a code as `Double`'s `==` says (so `-0` and `0` share one, and a NaN
    /// gets a code of its own on each row, as a dictionary keyed by `Double` gives it).
    static func numberCodes(_ values: [Double], _ validity: [Bool]?) throws(Diagnostic) -> ([Int32], Int) {
        var lookup: [UInt64: Int32] = [:]
        var codes = [Int32](repeating: 0, count: values.count)
        var next: Int32 = 1
        for batch in Interruption.batches(values.count) {
            try Interruption.check()
            lookup.reserveForManyKeys(upTo: values.count)
            values.withUnsafeBufferPointer { values in
                codes.withUnsafeMutableBufferPointer { codes in
                    for row in batch {
                        if let validity, !validity[row] { continue }
                        let value = values[row]
                        if value.isNaN {
                            codes[row] = next
                            next += 1
                            continue
                        }
                        let bits = (value == 0 ? 0 : value).bitPattern
                        if let code = lookup[bits] {
                            codes[row] = code
                        } else {
                            lookup[bits] = next
                            codes[row] = next
                            next += 1
                        }
                    }
                }
            }
        }
        return (codes, Int(next))
    }
}
