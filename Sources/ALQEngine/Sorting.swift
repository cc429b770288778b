import ALQRuntime
import ALQSyntax

/// Sorts a table's rows by several keys, each ascending or descending; nulls sort last.
struct Sorting {
    let interpreter: Interpreter
    let table: Table

    enum Key {
        case numbers([Double], [Bool]?)
        case ranks([Int32])
        case values([Value])
    }

    func sorted(by keys: [SortKey]) throws(Diagnostic) -> Table {
        let prepared = try preparedKeys(keys)
        if let encoded = try encodedKeys(prepared) {
            return try table.gather(try Self.radixOrder(encoded, count: table.rowCount, session: interpreter.session))
        }
        var indices = Array(0..<table.rowCount)
        // Runs of 4,096 rows: comparing boxed values can take a microsecond.
        try indices.sortStoppingOnInterruption(runLength: 4096) { precedes($0, $1, prepared) }
        return try table.gather(indices)
    }

    /// The first `limit` rows of `sorted(by:)`, without sorting the rest (`sort … | take n`).
    func top(_ limit: Int, by keys: [SortKey]) throws(Diagnostic) -> Table {
        // A heap of more than a small fraction of the rows is slower than the radix sort.
        if limit >= table.rowCount || (limit >= 1024 && limit >= table.rowCount / 16) {
            return try sorted(by: keys).prefix(limit)
        }
        let columns = try keyColumns(keys)
        if let rows = try Self.topRowsInParallel(limit, of: columns, descending: keys.map(\.descending)) {
            return try table.gather(rows)
        }
        var prepared: [(Key, Bool)] = []
        for (column, key) in zip(columns, keys) { prepared.append((try prepare(column), key.descending)) }
        let session = interpreter.session
        if let encoded = try encodedKeys(prepared) {
            let rows = try Self.topRows(limit, count: table.rowCount, session: session) { a, b in
                for key in encoded where key[a] != key[b] { return key[a] < key[b] }
                return a < b
            }
            return try table.gather(rows)
        }
        return try table.gather(
            try Self.topRows(limit, count: table.rowCount, session: session) { precedes($0, $1, prepared) })
    }

    private func preparedKeys(_ keys: [SortKey]) throws(Diagnostic) -> [(Key, Bool)] {
        var prepared: [(Key, Bool)] = []
        for (column, key) in zip(try keyColumns(keys), keys) {
            prepared.append((try prepare(column), key.descending))
        }
        return prepared
    }

    /// Each key's values, one per row.
    private func keyColumns(_ keys: [SortKey]) throws(Diagnostic) -> [Column] {
        let evaluator = VectorEvaluator(interpreter: interpreter, table: table)
        var columns: [Column] = []
        for key in keys { columns.append(try evaluator.eval(key.value).column(count: table.rowCount)) }
        try interpreter.session.checkCancellation()
        return columns
    }

    private func encodedKeys(_ prepared: [(Key, Bool)]) throws(Diagnostic) -> [[UInt64]]? {
        var encoded: [[UInt64]] = []
        for (key, descending) in prepared {
            guard let codes = try Self.encoded(key, descending: descending) else { return nil }
            encoded.append(codes)
        }
        return encoded
    }

    /// Whether row `a` sorts before row `b`: key by key, nulls last in either direction, then row order.
    private func precedes(_ a: Int, _ b: Int, _ prepared: [(Key, Bool)]) -> Bool {
        for (key, descending) in prepared {
            let order = compare(key, a, b)
            if abs(order) == 2 { return order < 0 }
            if order != 0 { return descending ? order > 0 : order < 0 }
        }
        return a < b
    }

    private func prepare(_ column: Column) throws(Diagnostic) -> Key {
        switch column {
        case .number(let numbers): return .numbers(numbers.values, numbers.validity)
        case .quantity(let quantities): return .numbers(quantities.values, quantities.validity)
        case .string(let strings):
            let rank = Self.ranks(of: strings.dictionary)
            return .ranks(strings.codes.map { $0 < 0 ? Int32.max : rank[Int($0)] })
        default:
            var values: [Value] = []
            values.reserveCapacity(column.count)
            for row in 0..<column.count {
                try Interruption.check(atRow: row)
                values.append(column[row])
            }
            return .values(values)
        }
    }

    /// Each dictionary entry's position in the sorted dictionary: string keys compare by these.
    static func ranks(of dictionary: [String]) -> [Int32] {
        let order = dictionary.indices.sorted { dictionary[$0] < dictionary[$1] }
        var rank = [Int32](repeating: 0, count: dictionary.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        return rank
    }

    private func compare(_ key: Key, _ a: Int, _ b: Int) -> Int {
        switch key {
        case .numbers(let values, let validity):
            let nullA = validity.map { !$0[a] } ?? false
            let nullB = validity.map { !$0[b] } ?? false
            if nullA || nullB { return nullA == nullB ? 0 : (nullA ? 2 : -2) }
            return values[a] < values[b] ? -1 : (values[a] == values[b] ? 0 : 1)
        case .ranks(let ranks):
            if ranks[a] == Int32.max || ranks[b] == Int32.max {
                return ranks[a] == ranks[b] ? 0 : (ranks[a] == Int32.max ? 2 : -2)
            }
            return ranks[a] < ranks[b] ? -1 : (ranks[a] == ranks[b] ? 0 : 1)
        case .values(let values):
            if values[a].isNull || values[b].isNull {
                return values[a].isNull == values[b].isNull ? 0 : (values[a].isNull ? 2 : -2)
            }
            return Comparison.sortOrder(values[a], values[b])
        }
    }
}
