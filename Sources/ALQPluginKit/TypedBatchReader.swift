/// Reads a columnar `export.rows` request (protocol versions 2 and 3) straight from its line into a
/// ``TypedBatch``: no tree for the message, no `JSONValue` per cell. A number's text stays in the line (the
/// batch keeps the line), and each string of a dictionary-encoded column (version 3) is made once per
/// batch. The grammar and policy are ``JSONScanner``'s, as everywhere: a malformed line is an error.
public enum TypedBatchReader {
    /// What ``read(_:types:)`` found.
    public enum Outcome: Sendable, Equatable {
        /// An `export.rows` request with this id and its batch.
        case batch(id: Int, TypedBatch)
        /// Another request, or one whose `params` come before its `id` and `method`, or one without a
        /// `batch`: read it with ``PluginRequest/decode(_:)``.
        case other
    }

    /// Reads the request on `line`; `types` (the columns' types in `export.begin`) decide columns of nulls
    /// only. A malformed line or batch throws a ``PluginProtocolError``.
    public static func read(_ line: [UInt8], types: [ColumnDescription.ColumnType]) throws(PluginProtocolError)
        -> Outcome
    {
        do {
            return try line.withUnsafeBufferPointer { bytes in
                var scanner = JSONScanner(bytes)
                let reading = Reading(line: line, types: types)
                var batch: TypedBatch?
                let id = try ExportRowsEnvelope.read(&scanner) { scanner in
                    batch = try reading.params(&scanner)
                    return batch != nil
                }
                guard let id, let batch else { return .other }
                return .batch(id: id, batch)
            }
        } catch let error as JSONError {
            throw PluginProtocolError("a request that is not JSON (\(error))")
        } catch {
            throw PluginProtocolError("a request that is not JSON (\(error))")
        }
    }

    /// What one read needs besides its scanner: the line that number texts point into, the column types.
    struct Reading {
        let line: [UInt8]
        let types: [ColumnDescription.ColumnType]

        /// A batch that breaks the rules, as a JSON error at the scanner's position.
        func invalid(_ scanner: borrowing JSONScanner, _ message: String) -> JSONError {
            scanner.error("export.rows with \(message)", at: scanner.position)
        }

        /// Moves past a `,` and returns `true`, or past the closing `close` and returns `false`.
        @inline(__always)
        func next(_ scanner: inout JSONScanner, _ close: UInt8, _ expected: String) throws(JSONError) -> Bool {
            if scanner.peek() == UInt8(ascii: ",") {
                scanner.position += 1
                return true
            }
            try scanner.expect(close, expected)
            return false
        }

        /// Calls `member` with each key of an object (the position is at its `{`), refusing repeated keys.
        func members(_ scanner: inout JSONScanner, _ member: (inout JSONScanner, String) throws(JSONError) -> Void)
            throws(JSONError)
        {
            try scanner.expect(UInt8(ascii: "{"), "'{'")
            var keys = Set<String>()
            if scanner.peek() == UInt8(ascii: "}") {
                scanner.position += 1
                return
            }
            repeat {
                let (key, start) = try scanner.key()
                guard keys.insert(key).inserted else { throw scanner.duplicateKey(key, at: start) }
                try member(&scanner, key)
            } while try next(&scanner, UInt8(ascii: "}"), "',' or '}'")
        }

        /// Reads `{"batch": {…}}`; `nil` when the params hold no batch (a version-1 request).
        func params(_ scanner: inout JSONScanner) throws(JSONError) -> TypedBatch? {
            var batch: TypedBatch?
            try members(&scanner) { (scanner, key) throws(JSONError) in
                if key == "batch" {
                    batch = try self.batch(&scanner)
                } else {
                    try scanner.skipValue(depth: 2)
                }
            }
            return batch
        }

        /// Reads `{"length": N, "columns": [column, …]}` and checks every column's length.
        func batch(_ scanner: inout JSONScanner) throws(JSONError) -> TypedBatch {
            guard scanner.peek() == UInt8(ascii: "{") else { throw scanner.failure("a batch (an object)") }
            let start = scanner.position
            var length: Int?
            var columns: [TypedColumn]?
            try members(&scanner) { (scanner, key) throws(JSONError) in
                switch key {
                case "length":
                    guard case .number(let number) = try scanner.value(depth: 3), let count = number.int,
                        count >= 0
                    else {
                        throw invalid(scanner, "a batch 'length' that is not a whole number, 0 or more")
                    }
                    length = count
                case "columns":
                    columns = try self.columns(&scanner, expected: length)
                default:
                    try scanner.skipValue(depth: 3)
                }
            }
            guard let length else {
                throw scanner.error(
                    "export.rows with a batch without a 'length' (a whole number, 0 or more)", at: start)
            }
            guard var columns else {
                throw scanner.error("export.rows with a batch without 'columns' (an array of arrays)", at: start)
            }
            for (index, column) in columns.enumerated() {
                guard column.count == length else {
                    throw scanner.error(
                        "export.rows with batch column \(index + 1) of \(column.count) values; the batch's length is \(length)",
                        at: start)
                }
                // A column of nulls only (or of no rows) takes the case of its type; so does one read before
                // the length was known.
                if index < types.count, columns[index].isNullsOnly {
                    columns[index] = TypedColumn.nulls(length, type: types[index])
                }
            }
            return TypedBatch(length: length, columns: columns)
        }

        /// The type that decides column `index` when its values do not.
        func type(_ index: Int) -> ColumnDescription.ColumnType {
            index < types.count ? types[index] : .any
        }

        func columns(_ scanner: inout JSONScanner, expected length: Int?) throws(JSONError) -> [TypedColumn] {
            guard scanner.peek() == UInt8(ascii: "[") else {
                throw invalid(scanner, "batch 'columns' that is not an array")
            }
            scanner.position += 1
            var columns: [TypedColumn] = []
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.position += 1
                return columns
            }
            repeat {
                switch scanner.peek() {
                case UInt8(ascii: "[")?:
                    columns.append(try array(&scanner, depth: 4, capacity: length ?? 0, type: type(columns.count)))
                case UInt8(ascii: "{")?:
                    columns.append(try dictionaryColumn(&scanner, type: type(columns.count)))
                default:
                    throw invalid(
                        scanner, "batch column \(columns.count + 1) that is neither an array nor a dictionary")
                }
            } while try next(&scanner, UInt8(ascii: "]"), "',' or ']'")
            return columns
        }

        /// An array of values (the position is at its `[`, inside `depth` arrays and objects), in the case its
        /// values share: the first value
        /// that is not null chooses a loop for its kind, and a value of another kind turns the column into
        /// JSON values from there on.
        func array(_ scanner: inout JSONScanner, depth: Int, capacity: Int, type: ColumnDescription.ColumnType)
            throws(JSONError)
            -> TypedColumn
        {
            try scanner.enter(depth)
            scanner.position += 1
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.position += 1
                return TypedColumn.nulls(0, type: type)
            }
            let depth = depth + 1
            var nulls = 0
            while true {
                switch scanner.peek() {
                case UInt8(ascii: "n")?:
                    guard try scanner.literal() == .null else { throw scanner.failure("a value") }
                    nulls += 1
                    if try next(&scanner, UInt8(ascii: "]"), "',' or ']'") { continue }
                    return TypedColumn.nulls(nulls, type: type)
                case let byte? where byte == UInt8(ascii: "-") || byte &- 48 < 10:
                    return try numbers(&scanner, after: nulls, depth: depth, capacity: capacity)
                case UInt8(ascii: "\"")?:
                    return try strings(&scanner, after: nulls, depth: depth, capacity: capacity)
                case UInt8(ascii: "t")?, UInt8(ascii: "f")?:
                    return try bools(&scanner, after: nulls, depth: depth, capacity: capacity)
                default:
                    return try values(&scanner, Array(repeating: .null, count: nulls), depth: depth)
                }
            }
        }

        /// The rest of an array of numbers (and nulls), after `nulls` nulls; its values are inside `depth`
        /// arrays and objects.
        func numbers(_ scanner: inout JSONScanner, after nulls: Int, depth: Int, capacity: Int) throws(JSONError)
            -> TypedColumn
        {
            var builder = NumbersBuilder(textBytes: line, capacity: capacity)
            for _ in 0..<nulls { builder.appendNull() }
            repeat {
                let byte = scanner.peek()
                if let byte, byte == UInt8(ascii: "-") || byte &- 48 < 10 {
                    let start = scanner.position
                    let parsed = try scanner.number()
                    builder.append(parsed, start: start, end: scanner.position)
                } else if byte == UInt8(ascii: "n") {
                    guard try scanner.literal() == .null else { throw scanner.failure("a value") }
                    builder.appendNull()
                } else {
                    let column = TypedColumn.numbers(builder.column)
                    return try values(&scanner, (0..<column.count).map { column[$0] }, depth: depth)
                }
            } while try next(&scanner, UInt8(ascii: "]"), "',' or ']'")
            return .numbers(builder.column)
        }

        /// The rest of an array of strings (and nulls), after `nulls` nulls, each string its own entry; its
        /// values are inside `depth` arrays and objects.
        func strings(_ scanner: inout JSONScanner, after nulls: Int, depth: Int, capacity: Int) throws(JSONError)
            -> TypedColumn
        {
            var dictionary: [String] = []
            var codes = [Int32](repeating: TypedColumn.Strings.null, count: nulls)
            dictionary.reserveCapacity(capacity)
            codes.reserveCapacity(capacity)
            repeat {
                switch scanner.peek() {
                case UInt8(ascii: "\"")?:
                    codes.append(Int32(truncatingIfNeeded: dictionary.count))
                    dictionary.append(try scanner.validatedString())
                case UInt8(ascii: "n")?:
                    guard try scanner.literal() == .null else { throw scanner.failure("a value") }
                    codes.append(TypedColumn.Strings.null)
                default:
                    let column = TypedColumn.strings(.init(uncheckedDictionary: dictionary, codes: codes))
                    return try values(&scanner, (0..<column.count).map { column[$0] }, depth: depth)
                }
            } while try next(&scanner, UInt8(ascii: "]"), "',' or ']'")
            return .strings(.init(uncheckedDictionary: dictionary, codes: codes))
        }

        /// The rest of an array of booleans (and nulls), after `nulls` nulls; its values are inside `depth`
        /// arrays and objects.
        func bools(_ scanner: inout JSONScanner, after nulls: Int, depth: Int, capacity: Int) throws(JSONError)
            -> TypedColumn
        {
            var flags = [Bool?](repeating: nil, count: nulls)
            flags.reserveCapacity(capacity)
            repeat {
                switch scanner.peek() {
                case UInt8(ascii: "t")?, UInt8(ascii: "f")?, UInt8(ascii: "n")?:
                    switch try scanner.literal() {
                    case .true: flags.append(true)
                    case .false: flags.append(false)
                    case .null: flags.append(nil)
                    }
                default:
                    return try values(&scanner, flags.map { $0.map(JSONValue.bool) ?? .null }, depth: depth)
                }
            } while try next(&scanner, UInt8(ascii: "]"), "',' or ']'")
            return .bools(.init(flags))
        }

        /// The rest of an array as JSON values (inside `depth` arrays and objects), after `values` (the position is
        /// at the next value).
        func values(_ scanner: inout JSONScanner, _ values: [JSONValue], depth: Int) throws(JSONError) -> TypedColumn {
            var values = values
            repeat {
                values.append(try scanner.value(depth: depth))
            } while try next(&scanner, UInt8(ascii: "]"), "',' or ']'")
            return .values(values)
        }

        /// A dictionary-encoded column (version 3), `{"dictionary": [v, …], "codes": [i, …]}`: strings stay a
        /// dictionary and codes (a null entry becomes the null code); a dictionary of other values is
        /// decoded into its values, in the case they share.
        func dictionaryColumn(_ scanner: inout JSONScanner, type: ColumnDescription.ColumnType) throws(JSONError)
            -> TypedColumn
        {
            let start = scanner.position
            var dictionary: TypedColumn?
            var codes: [Int32]?
            try members(&scanner) { (scanner, key) throws(JSONError) in
                switch key {
                case "dictionary":
                    guard scanner.peek() == UInt8(ascii: "[") else {
                        throw invalid(scanner, "a 'dictionary' that is not an array")
                    }
                    dictionary = try array(&scanner, depth: 5, capacity: 0, type: .string)
                case "codes":
                    codes = try self.codes(&scanner)
                default:
                    try scanner.skipValue(depth: 5)
                }
            }
            guard let dictionary, var codes else {
                throw scanner.error("export.rows with a dictionary column without 'dictionary' and 'codes'", at: start)
            }
            let size = dictionary.count
            if let code = codes.first(where: { $0 >= size }) {
                throw scanner.error("export.rows with code \(code) in a dictionary of \(size) values", at: start)
            }
            if case .strings(let strings) = dictionary {
                // Each code becomes the code of its entry's string (or null).
                strings.codes.withUnsafeBufferPointer { entries in
                    for row in codes.indices { codes[row] = entries[Int(codes[row])] }
                }
                return .strings(.init(uncheckedDictionary: strings.dictionary, codes: codes))
            }
            return TypedColumn(codes.map { dictionary[Int($0)] }, type: type)
        }

        /// An array of codes: whole numbers from 0, written plainly (no sign, fraction or exponent).
        func codes(_ scanner: inout JSONScanner) throws(JSONError) -> [Int32] {
            guard scanner.peek() == UInt8(ascii: "[") else { throw invalid(scanner, "'codes' that is not an array") }
            scanner.position += 1
            var codes: [Int32] = []
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.position += 1
                return codes
            }
            let data = scanner.data
            repeat {
                _ = scanner.peek()
                var position = scanner.position
                let first = position
                var code = 0
                while position < data.count, data[position] &- 48 < 10, position - first < 10 {
                    code = code &* 10 &+ Int(data[position] &- 48)
                    position += 1
                }
                let digits = position - first
                if digits == 0 || (digits > 1 && data[first] == UInt8(ascii: "0")) || code > Int32.max
                    || (position < data.count
                        && (data[position] &- 48 < 10 || data[position] == UInt8(ascii: ".")
                            || data[position] | 0x20 == 0x65))
                {
                    throw invalid(scanner, "a code that is not a whole number from 0")
                }
                scanner.position = position
                codes.append(Int32(code))
            } while try next(&scanner, UInt8(ascii: "]"), "',' or ']'")
            return codes
        }
    }
}

extension TypedColumn {
    /// Whether every row is null (or there are none), as a column read without knowing its type is.
    var isNullsOnly: Bool {
        switch self {
        case .numbers(let numbers): numbers.count == 0 || (numbers.hasNulls && numbers.nulls.allSatisfy { $0 })
        case .strings(let strings): strings.codes.allSatisfy { $0 < 0 }
        case .bools(let bools): bools.values.allSatisfy { $0 == nil }
        case .values(let values): values.allSatisfy { $0 == .null }
        }
    }
}
