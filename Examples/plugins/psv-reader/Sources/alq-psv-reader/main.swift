// alq-psv-reader: an external alq plugin, written with the plugin kit, that reads pipe-separated files
// (`.psv`): the first line names the columns; a column whose fields are all JSON numbers is numbers.

import ALQPluginKit

struct PSVReader: ReaderPlugin {
    let name = "psv"
    let extensions = ["psv"]

    func read(path: String, options: JSONObject) throws -> TableReader {
        let text = String(decoding: try PluginFile.contents(of: path), as: UTF8.self)
        let lines = text.split(separator: "\n")
        guard let header = lines.first else { throw PluginError("'\(path)' is empty") }
        let names = header.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var fields = [[Substring]](repeating: [], count: names.count)
        for line in lines.dropFirst() {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            for column in names.indices { fields[column].append(column < cells.count ? cells[column] : "") }
        }
        var columns: [ColumnDescription] = []
        var values: [[JSONValue]] = []
        for (name, cells) in zip(names, fields) {
            let numbers = cells.map { JSONNumber(text: String($0)) }
            let numeric = zip(cells, numbers).allSatisfy { $0.isEmpty || $1 != nil }
            columns.append(ColumnDescription(name: name, type: numeric ? .number : .string))
            values.append(
                zip(cells, numbers).map { cell, number in
                    cell.isEmpty ? .null : numeric ? .number(number!) : .string(String(cell))
                })
        }
        let count = lines.count - 1
        var start = 0
        return TableReader(columns: columns) { maximumRows in
            guard start < count else { return nil }
            let end = min(count, start + maximumRows)
            defer { start = end }
            return ColumnBatch(length: end - start, columns: values.map { Array($0[start..<end]) })
        }
    }
}

PluginKit.run(PSVReader())
