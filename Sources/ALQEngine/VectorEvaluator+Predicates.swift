import ALQRuntime
import ALQSyntax

/// A condition over a table that cannot fail, run on every core: comparisons of a column with one
/// value (strings through their dictionary codes, numbers and quantities as `Double`s), bool columns,
/// and `and`, `or` and `not` of those.
///
/// Such a condition gives what ``VectorEvaluator/eval(_:)`` gives, row for row: its comparisons never
/// throw, so evaluating the right side of `and` or `or` on every row (rather than only on the rows the
/// left side leaves undecided) changes nothing, and the masks are combined byte by byte. The rows are
/// split into consecutive ranges (``ALQRuntime/Parallel``), each range evaluated in blocks that stay in
/// the first-level cache and checked for Ctrl-C every ``ALQRuntime/Interruption/rowsBetweenChecks``
/// rows. Anything else, or a value that cannot be evaluated, is left to the general path (nil), which
/// then gives the same answer or error as before.
indirect enum PredicateKernel: Sendable {
    /// Dictionary codes looked up in the answer for each dictionary entry; a null (a negative code) gives `null`.
    case codes([Int32], perEntry: [UInt8], null: UInt8)
    /// `value op scalar` (the column always on the left); a null gives `null`.
    case numbers([Double], validity: [Bool]?, op: BinaryOperator, scalar: Double, null: UInt8)
    /// A bool column: true where it is true (null is false, as `where` and `and` read it).
    case flags([UInt8])
    case and(PredicateKernel, PredicateKernel)
    case or(PredicateKernel, PredicateKernel)
    case not(PredicateKernel)

    /// Rows evaluated at once: the masks of one block of every node fit the first-level cache.
    static let blockRows = 4096

    /// The mask (1 true, 0 false) of every row, on every core.
    func mask(rowCount: Int) throws(Diagnostic) -> [UInt8] {
        let parts = try Parallel.map(Parallel.ranges(rowCount)) { (rows: Range<Int>) throws(Diagnostic) -> [UInt8] in
            var part = [UInt8](repeating: 0, count: rows.count)
            try part.withUnsafeMutableBufferPointer { (out) throws(Diagnostic) in
                try evaluate(rows) { block, kept in
                    let offset = block.lowerBound - rows.lowerBound
                    for index in kept { out[offset + Int(index)] = 1 }
                }
            }
            return part
        }
        if parts.count == 1 { return parts[0] }
        var mask: [UInt8] = []
        mask.reserveCapacity(rowCount)
        for part in parts { mask.append(contentsOf: part) }
        return mask
    }

    /// The rows where the condition holds, in order, on every core.
    func selectedRows(rowCount: Int) throws(Diagnostic) -> [Int] {
        let parts = try Parallel.map(Parallel.ranges(rowCount)) { (rows: Range<Int>) throws(Diagnostic) -> [Int] in
            var selected: [Int] = []
            try evaluate(rows) { block, kept in
                for index in kept { selected.append(block.lowerBound + Int(index)) }
            }
            return selected
        }
        if parts.count == 1 { return parts[0] }
        var selected: [Int] = []
        selected.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { selected.append(contentsOf: part) }
        return selected
    }

    /// Calls `body` with each block of `rows` and the offsets in it of the rows where the condition
    /// holds, checking for Ctrl-C between batches of rows.
    private func evaluate(
        _ rows: Range<Int>, _ body: (Range<Int>, UnsafeMutableBufferPointer<Int32>) -> Void
    ) throws(Diagnostic) {
        var masks = [UInt8](repeating: 0, count: Self.blockRows * (depth + 1))
        var selection = [Int32](repeating: 0, count: Self.blockRows)
        var start = rows.lowerBound
        var sinceCheck = 0
        while start < rows.upperBound {
            if sinceCheck >= Interruption.rowsBetweenChecks {
                sinceCheck = 0
                try Interruption.check()
            }
            let block = start..<min(start + Self.blockRows, rows.upperBound)
            masks.withUnsafeMutableBufferPointer { masks in
                selection.withUnsafeMutableBufferPointer { selection in
                    for index in 0..<block.count { selection[index] = Int32(index) }
                    let kept = refine(selection.baseAddress!, block.count, block: block, masks: masks)
                    body(block, UnsafeMutableBufferPointer(rebasing: selection[0..<kept]))
                }
            }
            sinceCheck += block.count
            start = block.upperBound
        }
    }

    /// Keeps, in order, the offsets among the first `count` of `selection` whose rows of `block` meet the
    /// condition; returns how many are kept. A comparison reads only the rows still selected, so each
    /// side of an `and` looks only at the rows the sides before it kept.
    private func refine(
        _ selection: UnsafeMutablePointer<Int32>, _ count: Int, block: Range<Int>,
        masks: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var kept = 0
        let base = block.lowerBound
        switch self {
        case .codes(let codes, let perEntry, let null):
            codes.withUnsafeBufferPointer { codes in
                perEntry.withUnsafeBufferPointer { perEntry in
                    for position in 0..<count {
                        let offset = selection[position]
                        let code = codes[base + Int(offset)]
                        selection[kept] = offset
                        kept &+= Int(code < 0 ? null : perEntry[Int(code)])
                    }
                }
            }
        case .numbers(let values, let validity, let op, let scalar, let null):
            values.withUnsafeBufferPointer { values in
                let row = values.baseAddress! + base
                func keep(_ holds: (Double) -> Bool) {
                    guard let validity else {
                        for position in 0..<count {
                            let offset = selection[position]
                            selection[kept] = offset
                            kept &+= holds(row[Int(offset)]) ? 1 : 0
                        }
                        return
                    }
                    validity.withUnsafeBufferPointer { validity in
                        let present = validity.baseAddress! + base
                        for position in 0..<count {
                            let offset = selection[position]
                            selection[kept] = offset
                            kept &+= present[Int(offset)] ? (holds(row[Int(offset)]) ? 1 : 0) : Int(null)
                        }
                    }
                }
                switch op {
                case .equal: keep { $0 == scalar }
                case .notEqual: keep { $0 != scalar }
                case .less: keep { $0 < scalar }
                case .lessEqual: keep { $0 <= scalar }
                case .greater: keep { $0 > scalar }
                default: keep { $0 >= scalar }
                }
            }
        case .flags(let flags):
            flags.withUnsafeBufferPointer { flags in
                for position in 0..<count {
                    let offset = selection[position]
                    selection[kept] = offset
                    kept &+= flags[base + Int(offset)] == 1 ? 1 : 0
                }
            }
        case .and(let left, let right):
            kept = left.refine(selection, count, block: block, masks: masks)
            if kept > 0 { kept = right.refine(selection, kept, block: block, masks: masks) }
        case .or, .not:
            fill(masks, block: block)
            let mask = masks.baseAddress!
            for position in 0..<count {
                let offset = selection[position]
                selection[kept] = offset
                kept &+= Int(mask[Int(offset)])
            }
        }
        return kept
    }

    /// How many masks deeper than its own a node needs at once.
    private var depth: Int {
        switch self {
        case .codes, .numbers, .flags: 0
        case .not(let operand): operand.depth
        case .and(let left, let right), .or(let left, let right): max(left.depth, right.depth + 1)
        }
    }

    /// Writes the mask of `block` to the first `block.count` bytes of `scratch`, using the blocks after
    /// them for the masks of operands.
    private func fill(_ scratch: UnsafeMutableBufferPointer<UInt8>, block: Range<Int>) {
        let count = block.count
        let out = scratch.baseAddress!
        switch self {
        case .codes(let codes, let perEntry, let null):
            codes.withUnsafeBufferPointer { codes in
                perEntry.withUnsafeBufferPointer { perEntry in
                    for index in 0..<count {
                        let code = codes[block.lowerBound + index]
                        out[index] = code < 0 ? null : perEntry[Int(code)]
                    }
                }
            }
        case .numbers(let values, let validity, let op, let scalar, let null):
            values.withUnsafeBufferPointer { values in
                let base = values.baseAddress! + block.lowerBound
                switch op {
                case .equal: for index in 0..<count { out[index] = base[index] == scalar ? 1 : 0 }
                case .notEqual: for index in 0..<count { out[index] = base[index] != scalar ? 1 : 0 }
                case .less: for index in 0..<count { out[index] = base[index] < scalar ? 1 : 0 }
                case .lessEqual: for index in 0..<count { out[index] = base[index] <= scalar ? 1 : 0 }
                case .greater: for index in 0..<count { out[index] = base[index] > scalar ? 1 : 0 }
                default: for index in 0..<count { out[index] = base[index] >= scalar ? 1 : 0 }
                }
            }
            if let validity {
                for index in 0..<count where !validity[block.lowerBound + index] { out[index] = null }
            }
        case .flags(let flags):
            flags.withUnsafeBufferPointer { flags in
                for index in 0..<count { out[index] = flags[block.lowerBound + index] == 1 ? 1 : 0 }
            }
        case .not(let operand):
            operand.fill(scratch, block: block)
            for index in 0..<count { out[index] ^= 1 }
        case .and(let left, let right), .or(let left, let right):
            left.fill(scratch, block: block)
            let rest = UnsafeMutableBufferPointer(rebasing: scratch[Self.blockRows...])
            right.fill(rest, block: block)
            let other = rest.baseAddress!
            if case .and = self {
                for index in 0..<count { out[index] &= other[index] }
            } else {
                for index in 0..<count { out[index] |= other[index] }
            }
        }
    }
}

extension VectorEvaluator {
    /// The condition as a ``PredicateKernel``, or nil when it is not one (then the general path runs).
    func predicateKernel(_ expr: Expr) -> PredicateKernel? {
        switch expr.kind {
        case .binary(let op, let left, let right) where op == .and || op == .or:
            guard let left = predicateKernel(left), let right = predicateKernel(right) else { return nil }
            return op == .and ? .and(left, right) : .or(left, right)
        case .unary(.not, let operand):
            return predicateKernel(operand).map { .not($0) }
        case .name(let name):
            if case .bool(let column) = table.column(name) { return .flags(column.values) }
            return nil
        case .binary(let op, let left, let right):
            guard [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op) else { return nil }
            if case .name(let name) = left.kind, let column = table.column(name), !references(right) {
                return comparison(op, column, right, flipped: false)
            }
            if case .name(let name) = right.kind, let column = table.column(name), !references(left) {
                return comparison(op, column, left, flipped: true)
            }
            return nil
        default:
            return nil
        }
    }

    /// `column op value` (`value op column` when flipped) for the pairs whose comparison cannot fail; the
    /// value a literal (perhaps negated), evaluated once.
    private func comparison(_ op: BinaryOperator, _ column: Column, _ valueExpr: Expr, flipped: Bool)
        -> PredicateKernel?
    {
        switch valueExpr.kind {
        case .number, .string, .quantity: break
        case .unary(.negate, let operand):
            switch operand.kind {
            case .number, .quantity: break
            default: return nil
            }
        default: return nil
        }
        guard let value = try? interpreter.eval(valueExpr) else { return nil }
        let null: UInt8 = op == .notEqual ? 1 : 0
        let columnOp = flipped ? Self.mirrored(op) : op
        switch (column, value) {
        case (.string(let strings), .string(let text)):
            return .codes(
                strings.codes, perEntry: Self.entryTruths(op, strings.dictionary, text, flipped: flipped), null: null)
        case (.number(let numbers), _):
            guard let number = Self.exactNumber(value) else { return nil }
            return .numbers(numbers.values, validity: numbers.validity, op: columnOp, scalar: number, null: null)
        case (.quantity(let quantities), .quantity(let quantity))
        where quantity.dimension == quantities.dimension && quantity.bound == .exact:
            return .numbers(
                quantities.values, validity: quantities.validity, op: columnOp, scalar: quantity.value, null: null)
        default:
            return nil
        }
    }

    /// The operator with its sides swapped: `x < y` is `y > x` (for NaN too: both are false).
    private static func mirrored(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        default: op
        }
    }
}
