/// The cell styles the writer uses (`s` attribute of a cell: an index into `cellXfs`), and the part
/// `xl/styles.xml` that defines them.
enum WriterStyle: Int {
    /// General: numbers, text, booleans.
    case general = 0
    /// A day: number format 164, `yyyy-mm-dd`.
    case date = 1
    /// A day and time: number format 165, `yyyy-mm-dd hh:mm:ss`.
    case dateTime = 2
    /// The header row: bold.
    case header = 3

    static let stylesXML: [UInt8] = Array(
        (SpreadsheetML.declaration + #"""
            <styleSheet xmlns="\#(SpreadsheetML.main)">\#
            <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>\#
            <numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>\#
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\#
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\#
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\#
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\#
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\#
            <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\#
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\#
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\#
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\#
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\#
            </styleSheet>
            """#).utf8)
}
