import ALQSyntax

extension Column {
    /// The rows at `indices`, in that order, with a null wherever an index is negative.
    ///
    /// Joins use it for the side that has no matching row, window functions for the rows before the
    /// first and after the last of a partition. Cells move whole, so whatever a value carries (unit,
    /// provenance) moves with it.
    public func gather(orNull indices: [Int]) throws(Diagnostic) -> Column {
        var nulls: [Int] = []
        for (position, index) in indices.enumerated() where index < 0 { nulls.append(position) }
        if nulls.isEmpty { return try gather(indices) }
        if count == 0 { return allNull(indices.count) }
        return try gather(indices.map { Swift.max($0, 0) }).settingNull(at: nulls)
    }

    /// The same column with the rows at `positions` set to null.
    public func settingNull(at positions: [Int]) -> Column {
        guard !positions.isEmpty else { return self }
        switch self {
        case .number(var column):
            var validity = column.validity ?? [Bool](repeating: true, count: column.values.count)
            for position in positions { validity[position] = false }
            column.validity = validity
            return .number(column)
        case .string(var column):
            for position in positions { column.codes[position] = -1 }
            return .string(column)
        case .bool(var column):
            for position in positions { column.values[position] = BoolColumn.null }
            return .bool(column)
        case .quantity(var column):
            var validity = column.validity ?? [Bool](repeating: true, count: column.values.count)
            for position in positions { validity[position] = false }
            column.validity = validity
            return .quantity(column)
        case .mixed(var values):
            for position in positions { values[position] = .null }
            return .mixed(values)
        }
    }

    /// A column of `count` nulls, of the same type as this one.
    private func allNull(_ count: Int) -> Column {
        switch self {
        case .number(let column):
            .number(
                NumberColumn(
                    values: [Double](repeating: 0, count: count), validity: [Bool](repeating: false, count: count),
                    isInteger: column.isInteger))
        case .string(let column):
            .string(StringColumn(codes: [Int32](repeating: -1, count: count), dictionary: column.dictionary))
        case .bool:
            .bool(BoolColumn(values: [UInt8](repeating: BoolColumn.null, count: count)))
        case .quantity(let column):
            .quantity(
                QuantityColumn(
                    values: [Double](repeating: 0, count: count), dimension: column.dimension,
                    displayUnit: column.displayUnit, validity: [Bool](repeating: false, count: count)))
        case .mixed:
            .mixed([Value](repeating: .null, count: count))
        }
    }

    /// The rows of several columns one after another; typed when they are all of one type.
    public static func concatenate(_ columns: [Column]) throws(Diagnostic) -> Column {
        guard let first = columns.first else { return .mixed([]) }
        if columns.count == 1 { return first }
        switch first {
        case .number(let head):
            var values = head.values
            var validity = head.validity ?? [Bool](repeating: true, count: head.values.count)
            var isInteger = head.isInteger
            for column in columns.dropFirst() {
                guard case .number(let next) = column else { return try boxed(columns) }
                values += next.values
                validity += next.validity ?? [Bool](repeating: true, count: next.values.count)
                isInteger = isInteger && next.isInteger
            }
            return .number(
                NumberColumn(
                    values: values, validity: validity.allSatisfy { $0 } ? nil : validity, isInteger: isInteger))
        case .string(let head):
            var strings = StringColumn(codes: head.codes, dictionary: head.dictionary)
            for column in columns.dropFirst() {
                guard case .string(let next) = column else { return try boxed(columns) }
                strings = strings.appending(next)
            }
            return .string(strings)
        case .bool(let head):
            var values = head.values
            for column in columns.dropFirst() {
                guard case .bool(let next) = column else { return try boxed(columns) }
                values += next.values
            }
            return .bool(BoolColumn(values: values))
        case .quantity(let head):
            var values = head.values
            var validity = head.validity ?? [Bool](repeating: true, count: head.values.count)
            for column in columns.dropFirst() {
                guard case .quantity(let next) = column, next.dimension == head.dimension,
                    next.displayUnit == head.displayUnit
                else { return try boxed(columns) }
                values += next.values
                validity += next.validity ?? [Bool](repeating: true, count: next.values.count)
            }
            return .quantity(
                QuantityColumn(
                    values: values, dimension: head.dimension, displayUnit: head.displayUnit,
                    validity: validity.allSatisfy { $0 } ? nil : validity))
        case .mixed(let head):
            var values = head
            for column in columns.dropFirst() {
                guard case .mixed(let next) = column else { return try boxed(columns) }
                values += next
            }
            return .mixed(values)
        }
    }

    /// Concatenation value by value, keeping everything each value carries.
    private static func boxed(_ columns: [Column]) throws(Diagnostic) -> Column {
        var builder = ColumnBuilder()
        for column in columns {
            for row in 0..<column.count {
                try Interruption.check(atRow: row)
                builder.append(column[row])
            }
        }
        return builder.build()
    }
}

extension StringColumn {
    /// This column's rows followed by another's, the dictionaries merged.
    fileprivate func appending(_ other: StringColumn) -> StringColumn {
        var dictionary = self.dictionary
        var lookup: [String: Int32] = [:]
        for (code, text) in dictionary.enumerated() where lookup[text] == nil { lookup[text] = Int32(code) }
        let mapping: [Int32] = other.dictionary.map { text in
            if let code = lookup[text] { return code }
            let code = Int32(dictionary.count)
            lookup[text] = code
            dictionary.append(text)
            return code
        }
        var codes = self.codes
        codes.reserveCapacity(codes.count + other.codes.count)
        for code in other.codes { codes.append(code < 0 ? -1 : mapping[Int(code)]) }
        return StringColumn(codes: codes, dictionary: dictionary)
    }
}
