// fuzz-targets: ALQPluginProtocol ALQPluginKit
// The plugin-message decoder: any bytes are decoded as a request and as an answer, and their object
// as the params or result of every typed message of protocol versions 1 and 2 (`read.begin` and its
// column descriptors, `read.rows` answers with columnar batches, `region.pack`). Whatever decodes must
// be written and decoded again to the same message; a batch's rows turned back into columns give the
// same batch; the fast `export.rows` readers must agree with the general decoder (the plugin kit's typed
// batch reader of versions 2 and 3 also reads dictionary-encoded string columns); a version-4 frame
// header that reads must read its own JSON back, and decoding its buffers from any bytes must be an
// error or a batch of its length, never a crash, and the plugin kit's frame reader (header straight
// from the line, buffers into typed columns) must read the same header and, where both decode the
// buffers, the same values; and the bytes, sent as export output, must arrive unchanged.
import ALQJSON
import ALQPluginKit
import ALQPluginProtocol

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let request = try? PluginRequest.decode(bytes)
    if let request {
        precondition((try? PluginRequest.decode(request.encoded)) == request, "a request changed in a round trip")
        checkMessages(request.params)
    }
    if let answer = try? PluginAnswer.decode(bytes) {
        precondition((try? PluginAnswer.decode(answer.encoded)) == answer, "an answer changed in a round trip")
        switch answer.body {
        case .result(let object), .chunk(let object): checkMessages(object)
        case .error: break
        }
    }
    if let object = (try? JSONParser.parse(bytes))?.objectValue { checkMessages(object) }
    checkRowsReader(bytes, request)
    checkBatchReader(bytes)
    checkFrameReader(bytes, request)
    checkOutput(bytes)
    return 0
}

/// Every typed message that reads `object` reads its own JSON back to itself.
func checkMessages(_ object: JSONObject) {
    let hello = HelloParams(object)
    precondition(HelloParams(hello.json) == hello, "hello params")
    if let result = try? HelloResult(object) { precondition((try? HelloResult(result.json)) == result, "hello result") }
    if let result = try? DescribeResult(object) {
        precondition((try? DescribeResult(result.json)) == result, "describe result")
    }
    if let params = try? TableParams(object) { precondition((try? TableParams(params.json)) == params, "table params") }
    if let result = try? TableResult(object) { precondition((try? TableResult(result.json)) == result, "table result") }
    if let params = try? CallParams(object) { precondition((try? CallParams(params.json)) == params, "call params") }
    let call = CallResult(object)
    precondition(CallResult(call.json) == call, "call result")
    if let begin = try? ExportBegin(object) { precondition((try? ExportBegin(begin.json)) == begin, "export.begin") }
    if let rows = try? ExportRows(object) { precondition((try? ExportRows(rows.json)) == rows, "export.rows") }
    if let output = try? ExportOutput(object) {
        precondition((try? ExportOutput(output.json)) == output, "export output")
    }
    checkVersion2Messages(object)
}

/// The messages protocol version 2 adds: reads, columnar batches, column descriptors and region packs.
func checkVersion2Messages(_ object: JSONObject) {
    if let begin = try? ReadBegin(object) { precondition((try? ReadBegin(begin.json)) == begin, "read.begin") }
    if let result = try? ReadBeginResult(object) {
        precondition((try? ReadBeginResult(result.json)) == result, "read.begin result")
    }
    if let result = try? ReadRowsResult(object) {
        precondition((try? ReadRowsResult(result.json)) == result, "read.rows result")
        precondition(result.done || (result.batch?.length ?? 0) > 0, "a read.rows result that makes no progress")
    }
    if let result = try? RegionPackResult(object) {
        precondition((try? RegionPackResult(result.json)) == result, "region.pack result")
    }
    if let frame = object["frame"] { checkFrame(frame) }
    checkFrame(.object(object))
    if let batch = object["batch"] { checkBatch(batch) }
    checkBatch(.object(object))
    for case .array(let columns) in [object["columns"]] {
        for column in columns { checkColumnDescription(column) }
    }
}

/// A version-4 frame header that reads writes itself back to itself, and its buffers decoded from bytes
/// (zeros, then the header's own text) give an error or a batch of its length.
func checkFrame(_ value: JSONValue) {
    guard let frame = try? ExportFrame(value) else { return }
    precondition((try? ExportFrame(frame.json)) == frame, "a frame header changed in a round trip")
    guard frame.byteCount <= 1 << 20 else { return }
    let text = JSONWriter.encode(value)
    for bytes in frameBytes(frame.byteCount, text) {
        let typed = try? TypedFrame(frame, types: []).batch(bytes: bytes)
        if let typed {
            precondition(typed.columns.count == frame.columns.count, "the kit decoded another number of columns")
            precondition(typed.columns.allSatisfy { $0.count == frame.length }, "a kit frame column of another length")
        }
        guard let batch = try? frame.batch(bytes: bytes) else { continue }
        precondition(batch.columns.count == frame.columns.count, "a frame decoded to another number of columns")
        precondition(batch.columns.allSatisfy { $0.count == frame.length }, "a frame column of another length")
        if let typed { precondition(typed.columnBatch == batch, "the kit decoded a frame to other values") }
    }
}

/// Bytes to decode a frame's buffers from: zeros, and then `text` followed by ones.
func frameBytes(_ count: Int, _ text: [UInt8]) -> [[UInt8]] {
    [
        [UInt8](repeating: 0, count: count),
        (text + [UInt8](repeating: 1, count: count)).prefix(count).map { $0 },
    ]
}

/// A version-4 `export.rows` the kit's frame reader reads is a request the general decoder reads, with
/// the same frame header; its buffers decode (from any bytes) to an error or a batch of its length.
func checkFrameReader(_ bytes: [UInt8], _ request: PluginRequest?) {
    guard case .frame(let id, let frame)? = try? TypedFrameReader.read(bytes, types: []) else { return }
    guard let request, request.method == .exportRows, request.id == id, let header = request.params["frame"],
        let general = try? ExportFrame(header)
    else {
        fatalError("the kit's frame reader reads a request the decoder does not")
    }
    precondition(general.length == frame.length && general.byteCount == frame.byteCount, "another frame header")
    guard frame.byteCount <= 1 << 20 else { return }
    for payload in frameBytes(frame.byteCount, bytes) {
        let typed = try? frame.batch(bytes: payload)
        if let typed {
            precondition(typed.length == frame.length, "a kit frame of another length")
            precondition(typed.columns.allSatisfy { $0.count == frame.length }, "a kit frame column of another length")
        }
        if let typed, let batch = try? general.batch(bytes: payload) {
            precondition(typed.columnBatch == batch, "the kit's frame reader decoded other values")
        }
    }
}

/// A batch that reads writes itself back to itself, and its rows make the same batch again.
func checkBatch(_ value: JSONValue) {
    guard let batch = try? ColumnBatch(value, context: "fuzz") else { return }
    precondition((try? ColumnBatch(batch.json, context: "fuzz")) == batch, "a batch changed in a round trip")
    precondition(batch.columns.allSatisfy { $0.count == batch.length }, "a batch column of another length")
    precondition(
        ColumnBatch(rows: batch.rows, columnCount: batch.columns.count) == batch, "a batch changed through its rows")
}

/// A column descriptor read leniently (export) or strictly (read) writes itself back to itself; a
/// lenient read of an unknown type is `any`, which a strict read accepts.
func checkColumnDescription(_ value: JSONValue) {
    let strict = try? ColumnDescription(value, strictType: true, context: "fuzz")
    if let strict {
        precondition(
            (try? ColumnDescription(strict.json, strictType: true, context: "fuzz")) == strict, "a column descriptor")
    }
    if let lenient = try? ColumnDescription(value, strictType: false, context: "fuzz") {
        precondition(strict == nil || strict == lenient, "strict and lenient reads of a descriptor differ")
        precondition(
            (try? ColumnDescription(lenient.json, strictType: true, context: "fuzz")) == lenient,
            "a leniently read column descriptor")
    } else {
        precondition(strict == nil, "a descriptor reads strictly but not leniently")
    }
}

/// The streaming `export.rows` reader hands over exactly the rows the general decoder reads.
func checkRowsReader(_ bytes: [UInt8], _ request: PluginRequest?) {
    var row: [JSONValue] = []
    var rows: [[JSONValue]] = []
    guard let outcome = try? ExportRowsReader.read(bytes, row: &row, each: { rows.append($0) }) else { return }
    guard case .rows(let id) = outcome else { return }
    guard let request, request.method == .exportRows, request.id == id else {
        fatalError("the rows reader reads a request the decoder does not")
    }
    precondition((try? ExportRows(request.params))?.rows == rows, "the rows reader reads other rows")
}

/// A batch the kit's typed batch reader reads (plain or dictionary-encoded columns) has columns of its
/// length, and written plainly it reads back to the same typed batch through that reader and to the same
/// values through the general decoder.
func checkBatchReader(_ bytes: [UInt8]) {
    guard case .batch(let id, let batch)? = try? TypedBatchReader.read(bytes, types: []) else { return }
    precondition(batch.columns.allSatisfy { $0.count == batch.length }, "a batch column of another length")
    let values = batch.columnBatch
    let plain = PluginRequest(id: id, method: .exportRows, params: JSONObject([("batch", values.json)])).encoded
    guard case .batch(id, let again)? = try? TypedBatchReader.read(plain, types: []) else {
        fatalError("the batch reader does not read a batch it wrote")
    }
    precondition(again == batch, "a batch changed through the batch reader")
    precondition((try? ColumnBatch(values.json, context: "fuzz")) == values, "the decoders read a batch differently")
}

/// Any bytes written as an export result or chunk read back as the same bytes.
func checkOutput(_ bytes: [UInt8]) {
    for chunk in [false, true] {
        let line = PluginAnswer.encode(id: 7, output: bytes[...], chunk: chunk)
        guard let answer = try? PluginAnswer.decode(line), answer.id == 7 else {
            fatalError("export output does not decode: \(String(decoding: line, as: UTF8.self))")
        }
        switch answer.body {
        case .result(let object) where !chunk, .chunk(let object) where chunk:
            precondition((try? ExportOutput(object))?.bytes == bytes, "export output changed on the way")
        default:
            fatalError("export output decodes as another kind of answer")
        }
    }
}
