/// A grid of Braille cells (2 dots wide, 4 high each) with marks drawn over it and, per cell, the
/// series that drew there last (for its colour).
struct DotCanvas {
    /// A dot position: x from the left, y from the top.
    struct Dot {
        var x: Int
        var y: Int
    }

    let columns: Int
    let rows: Int
    private var bits: [UInt8]
    private var dottedOnly: [Bool]
    private var owner: [Int]
    private var marks: [String?]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        bits = Array(repeating: 0, count: columns * rows)
        dottedOnly = Array(repeating: true, count: columns * rows)
        owner = Array(repeating: -1, count: columns * rows)
        marks = Array(repeating: nil, count: columns * rows)
    }

    /// The bit of each dot within a cell, by [x][y] (Unicode's Braille numbering).
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func set(_ dot: Dot, series: Int, dotted: Bool) {
        guard dot.x >= 0, dot.y >= 0, dot.x < columns * 2, dot.y < rows * 4 else { return }
        let cell = (dot.y / 4) * columns + dot.x / 2
        bits[cell] |= Self.dotBits[dot.x % 2][dot.y % 4]
        if !dotted { dottedOnly[cell] = false }
        owner[cell] = series
    }

    /// A straight line of dots (Bresenham); a dotted line sets every other dot.
    mutating func line(from start: Dot, to end: Dot, dotted: Bool, series: Int) {
        var x = start.x
        var y = start.y
        let dx = abs(end.x - x)
        let dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1
        let stepY = y < end.y ? 1 : -1
        var error = dx + dy
        var index = 0
        while true {
            if !dotted || index % 3 == 0 { set(Dot(x: x, y: y), series: series, dotted: dotted) }
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
            index += 1
        }
    }

    /// A glyph over the cell that holds `dot`.
    mutating func mark(at dot: Dot, glyph: String, series: Int) {
        let column = min(max(dot.x / 2, 0), columns - 1)
        let row = min(max(dot.y / 4, 0), rows - 1)
        marks[row * columns + column] = glyph
        owner[row * columns + column] = series
    }

    /// One row of cells as text: Braille characters, or `-` and `.` (solid and dotted) in ASCII.
    func render(row: Int, unicode: Bool, paint: (String, Int) -> String) -> String {
        var line = ""
        for column in 0..<columns {
            let cell = row * columns + column
            let text: String
            if let mark = marks[cell] {
                text = mark
            } else if bits[cell] == 0 {
                line += " "
                continue
            } else if unicode {
                text = String(UnicodeScalar(0x2800 + UInt32(bits[cell]))!)
            } else {
                text = dottedOnly[cell] ? "." : "-"
            }
            line += paint(text, owner[cell])
        }
        return line
    }
}
