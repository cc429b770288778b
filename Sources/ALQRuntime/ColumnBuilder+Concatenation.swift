extension ColumnBuilder {
    /// Makes room for about `rows` rows once the column's type is known, so that a reader that can
    /// estimate its row count (a CSV chunk's line count) grows no array and leaves no spare capacity.
    public mutating func reserveCapacity(rows: Int) {
        reservedRows = rows
    }

    /// Whether no value but nulls has been appended.
    public var holdsOnlyNulls: Bool { kind == .empty }

    /// Whether the builder holds strings (dictionary codes).
    public var holdsStrings: Bool { kind == .string }

    /// Whether both builders store their values the same way (numbers, strings, bools, …); a builder
    /// of nulls only matches any.
    public func storesLike(_ other: ColumnBuilder) -> Bool {
        kind == .empty || other.kind == .empty || kind == other.kind
    }

    /// One builder holding the rows of `parts` in order, as if they had been appended to it; `parts`
    /// is emptied part by part as it goes, so the rows are held about once, not twice. Parts that
    /// store alike (see ``storesLike(_:)``) are joined array to array, string dictionaries merged in
    /// order of first appearance; others are joined value by value.
    public static func concatenating(_ parts: inout [ColumnBuilder]) -> ColumnBuilder {
        let total = parts.reduce(0) { $0 + $1.count }
        guard let first = parts.first(where: { $0.kind != .empty }) else { return ColumnBuilder(nulls: total) }
        let kind = first.kind
        guard parts.allSatisfy({ $0.kind == .empty || $0.kind == kind }),
            kind == .number || kind == .string || kind == .bool
        else { return joiningValues(&parts) }
        var result = ColumnBuilder()
        result.start(kind)
        switch kind {
        case .number:
            result.numbers.reserveCapacity(total)
            result.validity.reserveCapacity(total)
        case .string: result.codes.reserveCapacity(total)
        default: result.flags.reserveCapacity(total)
        }
        for index in parts.indices {
            var part = ColumnBuilder()
            swap(&part, &parts[index])
            result.count += part.count
            if part.hasNull { result.hasNull = true }
            if part.kind == .empty {
                guard part.count > 0 else { continue }
                result.hasNull = true
                switch kind {
                case .number:
                    result.numbers.append(contentsOf: repeatElement(0, count: part.count))
                    result.validity.append(contentsOf: repeatElement(false, count: part.count))
                case .string: result.codes.append(contentsOf: repeatElement(-1, count: part.count))
                default: result.flags.append(contentsOf: repeatElement(BoolColumn.null, count: part.count))
                }
                continue
            }
            switch kind {
            case .number:
                result.numbers.append(contentsOf: part.numbers)
                result.validity.append(contentsOf: part.validity)
                if !part.allIntegers { result.allIntegers = false }
            case .string:
                let codes = result.interner.intern(contentsOf: part.interner)
                let identity = codes.indices.allSatisfy { codes[$0] == Int32($0) }
                if identity {
                    result.codes.append(contentsOf: part.codes)
                } else {
                    result.codes.append(contentsOf: part.codes.lazy.map { $0 < 0 ? -1 : codes[Int($0)] })
                }
            default:
                result.flags.append(contentsOf: part.flags)
            }
        }
        return result
    }

    private static func joiningValues(_ parts: inout [ColumnBuilder]) -> ColumnBuilder {
        var result = ColumnBuilder()
        for index in parts.indices {
            var part = ColumnBuilder()
            swap(&part, &parts[index])
            let column = part.build()
            for row in 0..<part.count { result.append(column[row]) }
        }
        return result
    }
}
