// fuzz-targets: ALQPluginProtocol
// The plugin-message decoder: any bytes are decoded as a request and as an answer, and their object
// as the params or result of every typed message. Whatever decodes must be written and decoded again
// to the same message; the fast `export.rows` reader must agree with the general decoder; and the
// bytes, sent as export output, must arrive unchanged.
import ALQJSON
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
