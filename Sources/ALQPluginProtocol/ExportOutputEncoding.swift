import ALQJSON

extension PluginAnswer {
    /// The line of a result (or, with `chunk`, a chunk) carrying export output, written straight from the
    /// bytes: `{"id":7,"result":{"data":"…"}}`, `base64` when the bytes are not UTF-8, `{}` when empty.
    /// The same JSON as ``encoded`` of `.result(ExportOutput(bytes:).json)`, without building it.
    public static func encode(id: Int, output: ArraySlice<UInt8>, chunk: Bool = false) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(output.count + output.count / 8 + 48)
        line += "{\"id\":\(id),\"\(chunk ? "chunk" : "result")\":{".utf8
        output.withUnsafeBufferPointer { bytes in
            guard !bytes.isEmpty else { return }
            if JSONScanner.isValidUTF8(bytes) {
                line += "\"data\":\"".utf8
                JSONWriter.escape(bytes) { line.append(contentsOf: $0) }
                line.append(UInt8(ascii: "\""))
            } else {
                line += "\"base64\":".utf8
                JSONWriter.appendString(Base64.encode(Array(bytes)), to: &line)
            }
        }
        line += "}}".utf8
        return line
    }

    /// A protocol-3 message announcing `count` raw bytes of output (`{"id":N,"result":{"bytes":count}}`, or
    /// `chunk`), without the newline; the bytes follow the newline, and a newline follows them.
    public static func encodeRawHeader(id: Int, count: Int, chunk: Bool = false) -> [UInt8] {
        Array("{\"id\":\(id),\"\(chunk ? "chunk" : "result")\":{\"bytes\":\(count)}}".utf8)
    }
}
