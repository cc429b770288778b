// fuzz-targets: FormatCSV
// The CSV reader: any bytes are read as a file; a table that reads is written back as CSV and read
// again, and must keep its row and column count (nothing is lost in a round trip).
import ALQPluginAPI
import ALQRuntime
import FormatCSV

let format = CSVFormat()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let table = try? format.read(bytes, name: "fuzz.csv") else { return 0 }
    let sink = MemorySink()
    do {
        try format.write(table, to: sink)
    } catch {
        return 0
    }
    guard let again = try? format.read(sink.bytes, name: "again.csv") else {
        fatalError("a table written as CSV does not read back:\n\(sink.text)")
    }
    precondition(again.rowCount == table.rowCount, "rows \(table.rowCount) read back as \(again.rowCount)")
    precondition(again.columns.count == table.columns.count, "columns changed in a round trip")
    return 0
}
