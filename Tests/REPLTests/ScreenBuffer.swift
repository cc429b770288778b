import ALQShell

/// A small terminal emulator for golden-screen tests: it replays what a program wrote and keeps the
/// final screen — printable text with wide characters, carriage return, line feed with scrolling,
/// backspace, tabs, cursor moves (CSI A B C D G H d f), erasing (CSI J K X), inserting and deleting
/// characters (CSI @ P) and SGR colours. Other sequences (modes, OSC titles) are skipped.
struct ScreenBuffer {
    struct Cell: Equatable {
        var text: String = " "
        var style: String = ""
    }

    let columns: Int
    let rows: Int
    private(set) var cells: [[Cell]]
    private var row = 0
    private var column = 0
    private var style = ""

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    /// Replays output.
    mutating func feed(_ text: String) {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "\u{1B}":
                index = escape(&characters, from: index)
            case "\r": column = 0
            case "\n", "\r\n":
                if character == "\r\n" { column = 0 }
                lineFeed()
            case "\u{8}": column = max(0, min(column, columns) - 1)
            case "\t": column = min(columns - 1, (column / 8 + 1) * 8)
            case "\u{7}", "\u{0}", "\u{1}", "\u{2}": break
            default:
                put(character)
            }
        }
    }

    private mutating func lineFeed() {
        if row == rows - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: Cell(), count: columns))
        } else {
            row += 1
        }
    }

    private mutating func put(_ character: Character) {
        let width = DisplayWidth.of(character)
        if width == 0 {
            let target = max(0, min(column, columns) - 1)
            cells[row][target].text.append(character)
            return
        }
        if column + width > columns {
            column = 0
            lineFeed()
        }
        cells[row][column] = Cell(text: String(character), style: style)
        if width == 2, column + 1 < columns { cells[row][column + 1] = Cell(text: "", style: style) }
        column += width
    }

    /// Handles the sequence after ESC; returns the index after it.
    private mutating func escape(_ characters: inout [Character], from start: Int) -> Int {
        guard start < characters.count else { return start }
        switch characters[start] {
        case "[":
            var index = start + 1
            var parameters = ""
            while index < characters.count, let scalar = characters[index].unicodeScalars.first,
                !(0x40...0x7E).contains(scalar.value)
            {
                parameters.append(characters[index])
                index += 1
            }
            guard index < characters.count else { return index }
            control(characters[index], parameters)
            return index + 1
        case "]":
            var index = start + 1
            while index < characters.count, characters[index] != "\u{7}" {
                if characters[index] == "\u{1B}", index + 1 < characters.count, characters[index + 1] == "\\" {
                    return index + 2
                }
                index += 1
            }
            return index + 1
        default:
            return start + 1
        }
    }

    private mutating func control(_ final: Character, _ parameters: String) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func number(_ position: Int, _ fallback: Int) -> Int {
            position < numbers.count ? numbers[position] ?? fallback : fallback
        }
        if parameters.hasPrefix("?") || parameters.hasPrefix(">") { return }
        switch final {
        case "m": style = parameters == "0" || parameters.isEmpty ? "" : parameters
        case "A": row = max(0, row - max(1, number(0, 1)))
        case "B": row = min(rows - 1, row + max(1, number(0, 1)))
        case "C": column = min(columns - 1, column + max(1, number(0, 1)))
        case "D": column = max(0, min(column, columns) - max(1, number(0, 1)))
        case "G": column = min(columns - 1, max(0, number(0, 1) - 1))
        case "d": row = min(rows - 1, max(0, number(0, 1) - 1))
        case "H", "f":
            row = min(rows - 1, max(0, number(0, 1) - 1))
            column = min(columns - 1, max(0, number(1, 1) - 1))
        case "K":
            let line = min(column, columns)
            switch number(0, 0) {
            case 1: for index in 0...min(line, columns - 1) { cells[row][index] = Cell() }
            case 2: cells[row] = Array(repeating: Cell(), count: columns)
            default: for index in line..<columns { cells[row][index] = Cell() }
            }
        case "J":
            switch number(0, 0) {
            case 2, 3: cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
            default:
                control("K", "0")
                for index in (row + 1)..<rows { cells[index] = Array(repeating: Cell(), count: columns) }
            }
        case "X":
            for index in column..<min(columns, column + max(1, number(0, 1))) { cells[row][index] = Cell() }
        case "P":
            let count = max(1, number(0, 1))
            guard column < columns else { return }
            cells[row].removeSubrange(column..<min(columns, column + count))
            cells[row] += Array(repeating: Cell(), count: columns - cells[row].count)
        case "@":
            let count = max(1, number(0, 1))
            guard column < columns else { return }
            cells[row].insert(contentsOf: Array(repeating: Cell(), count: count), at: column)
            cells[row].removeLast(count)
        default: break
        }
    }

    /// The screen as text, one line per row without trailing spaces; with `styles`, a style change is
    /// written as `{1;36}` and the return to plain text as `{}`.
    func snapshot(styles: Bool) -> String {
        var lines: [String] = []
        for line in cells {
            var text = ""
            var current = ""
            let end = (line.lastIndex { $0.text != " " } ?? -1) + 1
            for cell in line[..<end] {
                if styles, cell.style != current, cell.text != " " || !cell.style.isEmpty {
                    text += "{\(cell.style)}"
                    current = cell.style
                }
                text += cell.text
            }
            if styles, !current.isEmpty { text += "{}" }
            while text.hasSuffix(" ") { text.removeLast() }
            lines.append(text)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
