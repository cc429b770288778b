import ALQRuntime

/// A column as a writer reads it, row by row: pointers into the column's storage, so that reading
/// a cell costs no reference counting. Valid only inside ``CellViews/with(_:layout:encode:unit:_:)``.
public enum CellView {
    case numbers(UnsafeBufferPointer<Double>, validity: UnsafeBufferPointer<Bool>?)
    case strings(UnsafeBufferPointer<Int32>, EncodedStrings.View)
    case bools(UnsafeBufferPointer<UInt8>)
    /// The unit of a column of quantities: `symbol` in every row that is not null.
    case constantUnit(EncodedStrings.View, validity: UnsafeBufferPointer<Bool>?)
    case mixed(UnsafeBufferPointer<Value>)
    case mixedUnits(UnsafeBufferPointer<Value>)

    /// Whether the numbers' row is null.
    @inline(__always)
    public static func isNull(_ validity: UnsafeBufferPointer<Bool>?, _ row: Int) -> Bool {
        guard let validity else { return false }
        return !validity[row]
    }
}

/// Builds the cell views of an export's columns.
///
/// Up to ``widestBorrowed`` columns, the views borrow each column's storage in nested scopes (one
/// stack frame per column, no copy); a wider table's columns are copied into buffers the views own,
/// so that no table is too wide to export.
public enum CellViews {
    /// The most columns whose storage is borrowed in nested scopes.
    static let widestBorrowed = 256

    /// Calls `body` with one view per column of `layout`. String dictionaries are encoded once, by
    /// `encode` appending each string's bytes; a quantity column's unit symbol likewise by `unit`.
    public static func with<R>(
        _ table: Table, layout: [ExportColumn], encode: (String, inout [UInt8]) -> Void,
        unit: (String, inout [UInt8]) -> Void,
        _ body: (UnsafeBufferPointer<CellView>) throws -> R
    ) throws -> R {
        var keepAlive: [EncodedStrings] = []
        var encodedByColumn: [Int: EncodedStrings] = [:]
        func encoded(_ source: Int, _ dictionary: [String]) -> EncodedStrings {
            if let existing = encodedByColumn[source] { return existing }
            let strings = EncodedStrings(dictionary, append: encode)
            encodedByColumn[source] = strings
            return strings
        }
        var views: [CellView] = []
        views.reserveCapacity(layout.count)
        if layout.count > widestBorrowed {
            var copies = OwnedCopies()
            defer { copies.release() }
            for column in layout {
                views.append(
                    copiedView(
                        table.columns[column.source], column, copies: &copies, keepAlive: &keepAlive,
                        encoded: encoded, unit: unit))
            }
            return try withExtendedLifetime(keepAlive) { try views.withUnsafeBufferPointer(body) }
        }
        return try withViews(
            table, layout: layout[...], views: &views, keepAlive: &keepAlive, encoded: encoded, unit: unit, body)
    }

    private static func withViews<R>(
        _ table: Table, layout: ArraySlice<ExportColumn>, views: inout [CellView], keepAlive: inout [EncodedStrings],
        encoded: (Int, [String]) -> EncodedStrings, unit: (String, inout [UInt8]) -> Void,
        _ body: (UnsafeBufferPointer<CellView>) throws -> R
    ) throws -> R {
        guard let column = layout.first else {
            return try withExtendedLifetime(keepAlive) { try views.withUnsafeBufferPointer(body) }
        }
        let rest = layout.dropFirst()
        func next(_ view: CellView) throws -> R {
            views.append(view)
            return try withViews(
                table, layout: rest, views: &views, keepAlive: &keepAlive, encoded: encoded, unit: unit, body)
        }
        switch (table.columns[column.source], column.role) {
        case (.number(let numbers), _):
            return try numbers.values.withUnsafeBufferPointer { values in
                try withOptional(numbers.validity) { try next(.numbers(values, validity: $0)) }
            }
        case (.quantity(let quantities), .values):
            return try quantities.values.withUnsafeBufferPointer { values in
                try withOptional(quantities.validity) { try next(.numbers(values, validity: $0)) }
            }
        case (.quantity(let quantities), .units):
            let symbol = EncodedStrings([quantities.dimension.symbol], append: unit)
            keepAlive.append(symbol)
            return try withOptional(quantities.validity) { try next(.constantUnit(symbol.view, validity: $0)) }
        case (.string(let strings), _):
            let dictionary = encoded(column.source, strings.dictionary)
            keepAlive.append(dictionary)
            return try strings.codes.withUnsafeBufferPointer { try next(.strings($0, dictionary.view)) }
        case (.bool(let flags), _):
            return try flags.values.withUnsafeBufferPointer { try next(.bools($0)) }
        case (.mixed(let values), .values):
            return try values.withUnsafeBufferPointer { try next(.mixed($0)) }
        case (.mixed(let values), .units):
            return try values.withUnsafeBufferPointer { try next(.mixedUnits($0)) }
        }
    }

    private static func copiedView(
        _ storage: Column, _ column: ExportColumn, copies: inout OwnedCopies, keepAlive: inout [EncodedStrings],
        encoded: (Int, [String]) -> EncodedStrings, unit: (String, inout [UInt8]) -> Void
    ) -> CellView {
        switch (storage, column.role) {
        case (.number(let numbers), _):
            return .numbers(copies.copy(numbers.values), validity: numbers.validity.map { copies.copy($0) })
        case (.quantity(let quantities), .values):
            return .numbers(copies.copy(quantities.values), validity: quantities.validity.map { copies.copy($0) })
        case (.quantity(let quantities), .units):
            let symbol = EncodedStrings([quantities.dimension.symbol], append: unit)
            keepAlive.append(symbol)
            return .constantUnit(symbol.view, validity: quantities.validity.map { copies.copy($0) })
        case (.string(let strings), _):
            let dictionary = encoded(column.source, strings.dictionary)
            keepAlive.append(dictionary)
            return .strings(copies.copy(strings.codes), dictionary.view)
        case (.bool(let flags), _):
            return .bools(copies.copy(flags.values))
        case (.mixed(let values), .values):
            return .mixed(copies.copy(values))
        case (.mixed(let values), .units):
            return .mixedUnits(copies.copy(values))
        }
    }

    private static func withOptional<R>(
        _ array: [Bool]?, _ body: (UnsafeBufferPointer<Bool>?) throws -> R
    ) throws -> R {
        guard let array else { return try body(nil) }
        return try array.withUnsafeBufferPointer { try body($0) }
    }
}

/// Buffers copied from arrays, owned until ``release()``.
private struct OwnedCopies {
    private var releases: [() -> Void] = []

    mutating func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        releases.append {
            buffer.deinitialize()
            buffer.deallocate()
        }
        return UnsafeBufferPointer(buffer)
    }

    func release() {
        for release in releases { release() }
    }
}
