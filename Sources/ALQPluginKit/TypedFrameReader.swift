/// Reads a version-4 `export.rows` request's header straight from its line into a ``TypedFrame``: no tree
/// for the message, a dictionary's strings made once, each column's buffers checked by the protocol's one
/// definition of a frame (``ExportFrame/layout(_:number:length:byteCount:)``). The grammar and policy
/// are ``JSONScanner``'s, as everywhere: a malformed header is an error.
public enum TypedFrameReader {
    /// What ``read(_:types:)`` found.
    public enum Outcome: Sendable {
        /// An `export.rows` request with this id and a frame header: its bytes follow the line.
        case frame(id: Int, TypedFrame)
        /// Another request, or one whose `params` come before its `id` and `method`, or one without a
        /// `frame`: read it with ``PluginRequest/decode(_:)``.
        case other
    }

    /// Reads the request on `line`; `types` (the columns' types in `export.begin`) type the header's values
    /// and decide columns of nulls only. A malformed line or header throws a ``PluginProtocolError``.
    public static func read(_ line: [UInt8], types: [ColumnDescription.ColumnType]) throws(PluginProtocolError)
        -> Outcome
    {
        do {
            return try line.withUnsafeBufferPointer { bytes in
                var scanner = JSONScanner(bytes)
                let reading = TypedBatchReader.Reading(line: line, types: types)
                var frame: TypedFrame?
                let id = try ExportRowsEnvelope.read(&scanner) { scanner in
                    var header: Header?
                    try reading.members(&scanner) { (scanner, key) throws(JSONError) in
                        if key == "frame" {
                            header = try self.header(&scanner, reading)
                        } else {
                            try scanner.skipValue(depth: 2)
                        }
                    }
                    frame = try header.map { (header) throws(PluginProtocolError) in try checked(header, reading) }
                    return frame != nil
                }
                guard let id, let frame else { return .other }
                return .frame(id: id, frame)
            }
        } catch let error as PluginProtocolError {
            throw error
        } catch let error as JSONError {
            throw PluginProtocolError("a request that is not JSON (\(error))")
        } catch {
            throw PluginProtocolError("a request that is not JSON (\(error))")
        }
    }

    /// One column object as read: its small keys as JSON, its dictionary or values typed.
    private struct ColumnObject {
        var keys = JSONObject()
        var dictionary: TypedColumn?
        var values: TypedColumn?
    }

    /// A frame header as read, before it is checked.
    private struct Header {
        var length: Int?
        var byteCount: Int?
        var objects: [ColumnObject]?
    }

    /// Reads `{"length": N, "bytes": B, "columns": […]}`, in any order.
    private static func header(_ scanner: inout JSONScanner, _ reading: TypedBatchReader.Reading) throws(JSONError)
        -> Header
    {
        guard scanner.peek() == UInt8(ascii: "{") else {
            throw reading.invalid(scanner, "a 'frame' that is not an object")
        }
        var header = Header()
        try reading.members(&scanner) { (scanner, key) throws(JSONError) in
            switch key {
            case "length": header.length = wholeNumber(try scanner.value(depth: 3))
            case "bytes": header.byteCount = wholeNumber(try scanner.value(depth: 3))
            case "columns": header.objects = try columnObjects(&scanner, reading)
            default: try scanner.skipValue(depth: 3)
            }
        }
        return header
    }

    /// The frame of a header whose every column's buffers are where the protocol allows.
    private static func checked(_ header: Header, _ reading: TypedBatchReader.Reading) throws(PluginProtocolError)
        -> TypedFrame
    {
        guard let length = header.length, length >= 0 else {
            throw PluginProtocolError("a frame without a 'length' (a whole number, 0 or more)")
        }
        guard let byteCount = header.byteCount, byteCount >= 0 else {
            throw PluginProtocolError("a frame without 'bytes' (a whole number, 0 or more)")
        }
        guard let objects = header.objects else {
            throw PluginProtocolError("a frame without 'columns' (an array of objects)")
        }
        var columns: [TypedFrame.Column] = []
        columns.reserveCapacity(objects.count)
        for (index, object) in objects.enumerated() {
            let number = index + 1
            switch try ExportFrame.layout(object.keys, number: number, length: length, byteCount: byteCount) {
            case .dictionary(let width, let offset):
                guard let dictionary = object.dictionary else {
                    throw PluginProtocolError("frame column \(number) without a 'dictionary' (an array)")
                }
                columns.append(.dictionary(dictionary, codes: width, offset: offset))
            case .float64(let offset, let nulls, let text):
                columns.append(.float64(offset: offset, nulls: nulls, text: text))
            case .values:
                guard let values = object.values, values.count == length else {
                    throw PluginProtocolError(
                        "frame column \(number) whose 'values' is not an array of \(length) values")
                }
                columns.append(.values(values))
            }
        }
        return TypedFrame(length: length, byteCount: byteCount, columns: columns, types: reading.types)
    }

    /// A whole number, or -1 for anything else.
    private static func wholeNumber(_ value: JSONValue) -> Int {
        if case .number(let number) = value, let whole = number.int { whole } else { -1 }
    }

    /// The array of column objects.
    private static func columnObjects(_ scanner: inout JSONScanner, _ reading: TypedBatchReader.Reading)
        throws(JSONError)
        -> [ColumnObject]
    {
        guard scanner.peek() == UInt8(ascii: "[") else {
            throw reading.invalid(scanner, "frame 'columns' that is not an array")
        }
        scanner.position += 1
        var objects: [ColumnObject] = []
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.position += 1
            return objects
        }
        repeat {
            guard scanner.peek() == UInt8(ascii: "{") else {
                throw reading.invalid(scanner, "frame column \(objects.count + 1) that is not an object")
            }
            let type = reading.type(objects.count)
            var object = ColumnObject()
            var members: [(String, JSONValue)] = []
            try reading.members(&scanner) { (scanner, key) throws(JSONError) in
                switch key {
                case "dictionary", "values":
                    guard scanner.peek() == UInt8(ascii: "[") else {
                        throw reading.invalid(scanner, "a frame column whose '\(key)' is not an array")
                    }
                    let column = try reading.array(&scanner, depth: 5, capacity: 0, type: type)
                    if key == "dictionary" { object.dictionary = column } else { object.values = column }
                default:
                    members.append((key, try scanner.value(depth: 5)))
                }
            }
            object.keys = JSONObject(members)
            objects.append(object)
        } while try reading.next(&scanner, UInt8(ascii: "]"), "',' or ']'")
        return objects
    }
}
