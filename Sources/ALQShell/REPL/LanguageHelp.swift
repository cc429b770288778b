/// Help for the language's stages, statements, tables, functions, operators and units, taken from
/// docs/language.md.
///
/// The entries are generated from the reference into `LanguageHelp+Generated.swift` and compiled in,
/// so alq reads no documentation at run time. `HelpCatalogTests` fails when the generated file no
/// longer matches docs/language.md; `ALQ_UPDATE_HELP=1 swift test --filter HelpCatalogTests`
/// regenerates it.
enum LanguageHelp {
    /// One documented name.
    struct Entry: Sendable, Equatable {
        enum Kind: String, Sendable {
            case stage, statement, table, function, `operator`, unit
        }

        var name: String
        var kind: Kind
        /// How it is written, such as `sort key [asc|desc], …` or `round(x, digits = 0)`.
        var usage: String
        var summary: String
        /// The reference's example, with the results it shows (`# => …` lines); may be empty.
        var example: String
    }

    /// Every entry.
    static var entries: [Entry] { generated }

    /// The entry for a name, preferring stages and statements over functions of the same name.
    static func entry(named name: String) -> Entry? {
        generated.first { $0.name == name } ?? generated.first { $0.name.lowercased() == name.lowercased() }
    }
}
