/// The fixed names of the Office Open XML packaging and SpreadsheetML that a workbook uses.
enum SpreadsheetML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let officeDocument = relationships + "/officeDocument"
    static let worksheetRelationship = relationships + "/worksheet"
    static let stylesRelationship = relationships + "/styles"
    static let sharedStringsRelationship = relationships + "/sharedStrings"
    static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."
}
