import ALQRuntime
import ALQSyntax

/// `join [inner|left|full] table on key, …`: a hash join on typed or dictionary-coded keys.
///
/// The right table is hashed once; each left row then finds its matches with one lookup. The result
/// holds the left table's columns, then the right table's (a key written once, `on region`, appears
/// once); a right column whose name the left table already has gets the suffix `_right`. Rows come in
/// the left table's order, each left row's matches in the right table's order; a full join then adds
/// the right rows nothing matched. Null keys match nothing.
struct Join {
    let interpreter: Interpreter
    let clause: JoinClause

    /// What a right column whose name is taken is renamed to: `name` + suffix.
    static let clashSuffix = "_right"

    private var file: SourceFile { interpreter.file }

    func joined(_ left: Table, _ right: Table) throws(Diagnostic) -> Table {
        var leftKeys: [Column] = []
        var rightKeys: [Column] = []
        for key in clause.keys {
            leftKeys.append(try column(key.left, in: left, side: "the table before 'join'"))
            rightKeys.append(try column(key.right, in: right, side: "the joined table"))
        }
        var leftCodes: [[Int32]] = []
        var rightCodes: [[Int32]] = []
        var cardinalities: [Int] = []
        for (index, key) in clause.keys.enumerated() {
            let codes = try JoinKeyCodes(key: key, file: file).codes(leftKeys[index], rightKeys[index])
            leftCodes.append(codes.left)
            rightCodes.append(codes.right)
            cardinalities.append(codes.cardinality)
        }
        let (probe, build, cardinality) = try combine(leftCodes, rightCodes, cardinalities)
        let (leftRows, rightRows) = try match(probe: probe, build: build, cardinality: cardinality)
        return try assemble(
            left, right, leftRows: leftRows, rightRows: rightRows, leftKeys: leftKeys, rightKeys: rightKeys)
    }

    private func column(_ name: ColumnName, in table: Table, side: String) throws(Diagnostic) -> Column {
        if let column = table.column(name.name) { return column }
        throw Diagnostic(
            .unknownColumn, "unknown column '\(name.name)' in \(side)", span: name.span, file: file,
            help: Suggestion.didYouMean(name.name, among: table.columnNames)
                ?? "its columns are \(table.columnNames.joined(separator: ", "))")
    }

    /// One code per row for several keys together; -1 where a row can match nothing.
    private func combine(_ left: [[Int32]], _ right: [[Int32]], _ cardinalities: [Int])
        throws(Diagnostic) -> (probe: [Int32], build: [Int32], cardinality: Int)
    {
        if left.count == 1 { return (left[0], right[0], cardinalities[0]) }
        if let radix = mixedRadix(left, right, cardinalities) { return radix }
        var lookup: [[Int32]: Int32] = [:]
        var build = [Int32](repeating: -1, count: right.first?.count ?? 0)
        var key = [Int32](repeating: 0, count: right.count)
        for row in build.indices {
            try Interruption.check(atRow: row)
            for index in right.indices { key[index] = right[index][row] }
            if key.contains(-1) { continue }
            if let code = lookup[key] {
                build[row] = code
            } else {
                let code = Int32(lookup.count)
                lookup[key] = code
                build[row] = code
            }
        }
        var probe = [Int32](repeating: -1, count: left.first?.count ?? 0)
        for row in probe.indices {
            try Interruption.check(atRow: row)
            for index in left.indices { key[index] = left[index][row] }
            if key.contains(-1) { continue }
            probe[row] = lookup[key] ?? -1
        }
        return (probe, build, lookup.count)
    }

    /// Several keys' codes as one number each (code₀ + code₁ × n₀ + …) when the product of the
    /// cardinalities is small enough to index an array directly.
    private func mixedRadix(_ left: [[Int32]], _ right: [[Int32]], _ cardinalities: [Int])
        -> (probe: [Int32], build: [Int32], cardinality: Int)?
    {
        let limit = max(1 << 22, 2 * (right.first?.count ?? 0))
        var product = 1
        for cardinality in cardinalities {
            let (next, overflow) = product.multipliedReportingOverflow(by: max(cardinality, 1))
            guard !overflow, next <= limit else { return nil }
            product = next
        }
        func codes(_ columns: [[Int32]]) -> [Int32] {
            var result = [Int32](repeating: 0, count: columns.first?.count ?? 0)
            var stride: Int32 = 1
            for (index, column) in columns.enumerated() {
                for row in result.indices where result[row] >= 0 {
                    result[row] = column[row] < 0 ? -1 : result[row] + column[row] * stride
                }
                stride *= Int32(max(cardinalities[index], 1))
            }
            return result
        }
        return (codes(left), codes(right), product)
    }

    /// The pairs of matching rows: the left row (or -1) and the right row (or -1) of each result row;
    /// nil for the left rows when they are every left row once, in order.
    private func match(probe: [Int32], build: [Int32], cardinality: Int) throws(Diagnostic) -> ([Int]?, [Int]) {
        var head = [Int32](repeating: -1, count: cardinality)
        var next = [Int32](repeating: -1, count: build.count)
        var unique = true
        for row in build.indices.reversed() where build[row] >= 0 {
            try Interruption.check(atRow: row)
            next[row] = head[Int(build[row])]
            if next[row] >= 0 { unique = false }
            head[Int(build[row])] = Int32(row)
        }
        if unique && clause.kind == .left {
            // No right key twice (a lookup table): each left row once, with its match or none.
            return (nil, try LeftLookup.rows(probe: probe, head: head))
        }
        var leftRows: [Int] = []
        var rightRows: [Int] = []
        leftRows.reserveCapacity(probe.count)
        rightRows.reserveCapacity(probe.count)
        var matched = clause.kind == .full ? [Bool](repeating: false, count: build.count) : []
        let session = interpreter.session
        for row in probe.indices {
            if row & 0xFFFF == 0xFFFF { try session.checkCancellation() }
            let code = probe[row]
            var other = code >= 0 ? head[Int(code)] : -1
            if other < 0 {
                if clause.kind != .inner {
                    leftRows.append(row)
                    rightRows.append(-1)
                }
                continue
            }
            while other >= 0 {
                leftRows.append(row)
                rightRows.append(Int(other))
                if clause.kind == .full { matched[Int(other)] = true }
                other = next[Int(other)]
            }
        }
        if clause.kind == .full {
            for row in matched.indices where !matched[row] {
                leftRows.append(-1)
                rightRows.append(row)
            }
        }
        return (leftRows, rightRows)
    }

    private func assemble(
        _ left: Table, _ right: Table, leftRows: [Int]?, rightRows: [Int], leftKeys: [Column], rightKeys: [Column]
    ) throws(Diagnostic) -> Table {
        let everyLeftRow = leftRows == nil
        let leftRows = leftRows ?? []
        let unmatchedRight = leftRows.firstIndex { $0 < 0 } ?? leftRows.count
        var names = left.columnNames
        // Every left row once, in order (no row with several matches, none dropped): the columns as they are.
        let leftAsIs =
            everyLeftRow || (leftRows.count == left.rowCount && leftRows.indices.allSatisfy { leftRows[$0] == $0 })
        var columns = left.columns
        if !leftAsIs {
            columns = []
            for column in left.columns { columns.append(try column.gather(orNull: leftRows)) }
        }
        for (index, key) in clause.keys.enumerated() where key.isShared && unmatchedRight < leftRows.count {
            guard let position = names.firstIndex(of: key.left.name) else { continue }
            columns[position] = try Column.concatenate([
                try leftKeys[index].gather(Array(leftRows[..<unmatchedRight])),
                try rightKeys[index].gather(Array(rightRows[unmatchedRight...])),
            ])
        }
        let shared = Set(clause.keys.filter(\.isShared).map(\.right.name))
        for (name, column) in zip(right.columnNames, right.columns) where !shared.contains(name) {
            var unique = name
            while names.contains(unique) { unique += Join.clashSuffix }
            names.append(unique)
            columns.append(try column.gather(orNull: rightRows))
        }
        return Table(columnNames: names, columns: columns, rowCount: rightRows.count)
    }
}

/// Codes for one join key on both sides, in one code space: equal keys get equal codes; -1 marks a
/// null, or a left key the right table does not have.
private struct JoinKeyCodes {
    let key: JoinKey
    let file: SourceFile

    func codes(_ left: Column, _ right: Column) throws(Diagnostic) -> (left: [Int32], right: [Int32], cardinality: Int)
    {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            var lookup: [String: Int32] = [:]
            let rightMapping: [Int32] = b.dictionary.map { text in
                if let code = lookup[text] { return code }
                let code = Int32(lookup.count)
                lookup[text] = code
                return code
            }
            let leftMapping = a.dictionary.map { lookup[$0] ?? -1 }
            return (remap(a.codes, leftMapping), remap(b.codes, rightMapping), lookup.count)
        case (.bool(let a), .bool(let b)):
            let flags: (BoolColumn) -> [Int32] = { column in
                column.values.map { $0 == BoolColumn.null ? -1 : Int32($0) }
            }
            return (flags(a), flags(b), 2)
        case (.quantity(let a), .quantity(let b)) where a.dimension != b.dimension:
            throw Diagnostic(
                .unitMismatch,
                "cannot join on \(describe): \(a.dimension.symbol) on the left, \(b.dimension.symbol) on the right",
                span: key.left.span.merged(with: key.right.span), file: file,
                help: "join on columns of the same dimension")
        case (.number, .number), (.quantity, .quantity):
            guard let a = try numbers(left), let b = try numbers(right) else { break }
            return try intern(a, b)
        case (.mixed, _), (_, .mixed):
            return try intern(try texts(left), try texts(right))
        default:
            break
        }
        throw Diagnostic(
            .typeMismatch,
            "cannot join on \(describe): \(left.typeName) on the left, \(right.typeName) on the right",
            span: key.left.span.merged(with: key.right.span), file: file,
            help: "convert one side first, e.g. derive \(key.left.name) = string(\(key.left.name))")
    }

    private var describe: String {
        key.isShared ? "'\(key.left.name)'" : "'\(key.left.name)' == '\(key.right.name)'"
    }

    private func remap(_ codes: [Int32], _ mapping: [Int32]) -> [Int32] {
        var result = [Int32](repeating: -1, count: codes.count)
        codes.withUnsafeBufferPointer { codes in
            mapping.withUnsafeBufferPointer { mapping in
                result.withUnsafeMutableBufferPointer { result in
                    for row in 0..<codes.count where codes[row] >= 0 { result[row] = mapping[Int(codes[row])] }
                }
            }
        }
        return result
    }

    private func numbers(_ column: Column) throws(Diagnostic) -> [Double?]? {
        let (values, validity): ([Double], [Bool]?)
        switch column {
        case .number(let numbers): (values, validity) = (numbers.values, numbers.validity)
        case .quantity(let quantities): (values, validity) = (quantities.values, quantities.validity)
        default: return nil
        }
        var result: [Double?] = []
        result.reserveCapacity(values.count)
        for batch in Interruption.batches(values.count) {
            try Interruption.check()
            if let validity {
                for row in batch { result.append(validity[row] ? values[row] : nil) }
            } else {
                for row in batch { result.append(values[row]) }
            }
        }
        return result
    }

    private func texts(_ column: Column) throws(Diagnostic) -> [String?] {
        var result: [String?] = []
        result.reserveCapacity(column.count)
        for row in 0..<column.count {
            try Interruption.check(atRow: row)
            let value = column[row]
            result.append(value.isNull ? nil : "\(value.typeName):\(value.literalText)")
        }
        return result
    }

    /// Codes from the right side's distinct keys; a left key the right side lacks gets -1.
    private func intern<Key: Hashable>(_ left: [Key?], _ right: [Key?]) throws(Diagnostic) -> ([Int32], [Int32], Int) {
        var lookup: [Key: Int32] = [:]
        var rightCodes = [Int32](repeating: -1, count: right.count)
        for (row, key) in right.enumerated() {
            if row & (Interruption.rowsBetweenChecks - 1) == 0 {
                try Interruption.check()
                lookup.reserveForManyKeys(upTo: right.count)
            }
            guard let key else { continue }
            if let code = lookup[key] {
                rightCodes[row] = code
            } else {
                let code = Int32(lookup.count)
                lookup[key] = code
                rightCodes[row] = code
            }
        }
        var leftCodes = [Int32](repeating: -1, count: left.count)
        for (row, key) in left.enumerated() {
            try Interruption.check(atRow: row)
            if let key, let code = lookup[key] { leftCodes[row] = code }
        }
        return (leftCodes, rightCodes, lookup.count)
    }
}

/// A left join on right keys that are each unique: every left row once, in order, with its match.
private enum LeftLookup {
    /// The right row of each left row, or -1; checks for Ctrl-C between batches of rows.
    static func rows(probe: [Int32], head: [Int32]) throws(Diagnostic) -> [Int] {
        var rows = [Int](repeating: -1, count: probe.count)
        for batch in Interruption.batches(probe.count) {
            try Interruption.check()
            probe.withUnsafeBufferPointer { probe in
                head.withUnsafeBufferPointer { head in
                    rows.withUnsafeMutableBufferPointer { rows in
                        for row in batch where probe[row] >= 0 { rows[row] = Int(head[Int(probe[row])]) }
                    }
                }
            }
        }
        return rows
    }
}
