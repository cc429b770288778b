/// A cell's place in A1 notation: column letters (`A` … `XFD`) and a row number, both from 1.
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
    /// Excel's largest sheet: 16,384 columns (`XFD`) and 1,048,576 rows.
    public static let maximumColumns = 16_384
    public static let maximumRows = 1_048_576

    /// The column, from 1.
    public var column: Int
    /// The row, from 1.
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Reads `B7` (letters in any case, then digits); `nil` for anything else or past Excel's largest sheet.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var sawDigit = false
        for byte in text.utf8 {
            if !sawDigit, (byte | 0x20) &- 97 < 26 {
                column = column * 26 + Int((byte | 0x20) &- 96)
                guard column <= CellReference.maximumColumns else { return nil }
            } else if byte &- 48 < 10, column > 0 {
                sawDigit = true
                row = row * 10 + Int(byte &- 48)
                guard row <= CellReference.maximumRows else { return nil }
            } else {
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(column: column, row: row)
    }

    /// The column's letters: 1 is `A`, 27 is `AA`.
    public static func letters(ofColumn column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(UInt8(65 + digit))
            rest = (rest - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    public var description: String { CellReference.letters(ofColumn: column) + String(row) }
}
