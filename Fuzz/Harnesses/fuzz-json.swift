// fuzz-targets: ALQJSON FormatJSON
// The JSON reader: any bytes are parsed as a document; one that parses is written back and must parse
// to the same value, and reading only some members (`parseMembers`) must accept and reject exactly what
// the full parser does. The same bytes are read as a `json` table and as an `ndjson` table; a table
// that reads is written back in its format and read again, and must keep its rows and columns.
import ALQJSON
import ALQPluginAPI
import ALQRuntime
import FormatJSON

let formats: [any ExportFormat] = [JSONFormat(), NDJSONFormat()]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkDocument(bytes)
    for format in formats { checkTable(bytes, format) }
    return 0
}

func checkDocument(_ bytes: [UInt8]) {
    let parsed = try? JSONParser.parse(bytes)
    if let parsed {
        let text = JSONWriter.encode(parsed)
        guard let again = try? JSONParser.parse(text) else {
            fatalError("written JSON does not parse: \(String(decoding: text, as: UTF8.self))")
        }
        precondition(again == parsed, "a value changed in a write and a read")
    }
    // Asking for the first member (or none) must not change what is accepted.
    let wanted: Set<String> = parsed?.objectValue?.keys.first.map { [$0] } ?? []
    let members = try? JSONParser.parseMembers(bytes, wanted)
    if let object = parsed?.objectValue {
        guard let members else { fatalError("parseMembers rejects an object that parses") }
        for key in wanted { precondition(members[key] == object[key], "parseMembers read '\(key)' differently") }
    } else {
        precondition(members == nil, "parseMembers accepts what does not parse as an object")
    }
}

func checkTable(_ bytes: [UInt8], _ format: any ExportFormat) {
    guard let table = try? format.read(bytes, name: "fuzz") else { return }
    let sink = MemorySink()
    do {
        try format.write(table, to: sink)
    } catch {
        return
    }
    guard let again = try? format.read(sink.bytes, name: "again") else {
        fatalError("a table written as \(format.name) does not read back:\n\(sink.text)")
    }
    precondition(
        again.rowCount == table.rowCount, "\(format.name): rows \(table.rowCount) read back as \(again.rowCount)")
    precondition(again.columnNames == table.columnNames, "\(format.name): columns changed in a round trip")
}
