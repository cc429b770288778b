// alq-markdown: an external alq plugin that adds the `markdown` export format (a GitHub-flavoured
// Markdown table). It speaks alq's plugin protocol, version 1: one JSON object per line on standard
// input (requests) and standard output (answers). See docs/plugins.md in the alq repository.

import Foundation

/// Any JSON value.
enum JSON: Codable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }

    subscript(key: String) -> JSON? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// An answer: `{"id": …, "result": …}` or `{"id": …, "error": {"message": …}}`.
struct Answer: Encodable {
    var id: JSON
    var result: JSON?
    var error: JSON?
}

/// One table cell as Markdown text: `|` escaped, line breaks as `<br>`, null as nothing.
func cell(_ value: JSON) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number):
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    case .string(let text):
        return text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
    case .array, .object:
        let data = (try? JSONEncoder().encode(value)) ?? Data()
        return cell(.string(String(decoding: data, as: UTF8.self)))
    }
}

func line(_ cells: [String]) -> String {
    "| " + cells.joined(separator: " | ") + " |\n"
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]

func send(_ answer: Answer) {
    var data = (try? encoder.encode(answer)) ?? Data("{}".utf8)
    data.append(0x0A)
    FileHandle.standardOutput.write(data)
}

while let text = readLine() {
    guard let request = try? JSONDecoder().decode(JSON.self, from: Data(text.utf8)) else { continue }
    let id = request["id"] ?? .null
    let params = request["params"] ?? .object([:])
    switch request["method"]?.string ?? "" {
    case "hello":
        send(
            Answer(
                id: id,
                result: .object([
                    "protocol": .number(1), "name": .string("markdown"), "version": .string("1.0.0"),
                    "capabilities": .array([.string("formats")]),
                ])))
    case "describe":
        send(
            Answer(
                id: id,
                result: .object([
                    "formats": .array([
                        .object([
                            "name": .string("markdown"), "extensions": .array([.string("md"), .string("markdown")]),
                            "media_type": .string("text/markdown"),
                        ])
                    ])
                ])))
    case "export.begin":
        guard case .array(let columns)? = params["columns"] else {
            send(Answer(id: id, error: .object(["message": .string("export.begin needs 'columns'")])))
            continue
        }
        let names = columns.map { cell($0["name"] ?? .null) }
        // Numbers are right-aligned.
        let rule = columns.map { column -> String in
            let type = column["type"]?.string ?? ""
            return type == "integer" || type == "number" ? "---:" : "---"
        }
        send(Answer(id: id, result: .object(["data": .string(line(names) + line(rule))])))
    case "export.rows":
        guard case .array(let rows)? = params["rows"] else {
            send(Answer(id: id, error: .object(["message": .string("export.rows needs 'rows'")])))
            continue
        }
        var out = ""
        for case .array(let cells) in rows { out += line(cells.map(cell)) }
        send(Answer(id: id, result: .object(["data": .string(out)])))
    case "export.end":
        send(Answer(id: id, result: .object([:])))
    case "shutdown":
        send(Answer(id: id, result: .object([:])))
        exit(0)
    default:
        send(
            Answer(
                id: id,
                error: .object(["message": .string("markdown does not know '\(request["method"]?.string ?? "")'")])))
    }
}
