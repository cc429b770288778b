import ALQJSON

/// The protocol alq speaks with external plugins (docs/plugins.md, "Writing a plugin"): newline-delimited
/// JSON over the plugin's standard input and output, one request and one answer at a time.
///
/// This target holds the messages as typed values, each able to read itself from and write itself to
/// JSON through `ALQJSON`; the host (`ALQPluginHost`) and the plugin kit (`ALQPluginKit`) both use them,
/// so the two sides cannot drift apart.
public enum PluginProtocol {
    /// The newest protocol version this side speaks; it changes only when a change would break existing
    /// plugins. Version 2 adds readers, columnar batches and region packs; version 3 raw output after an
    /// answer (`"bytes": N`) and dictionary-encoded string columns in export batches; version 4 export
    /// batches as binary frames (``ExportFrame``). A plugin answering 1, 2 or 3 keeps working with that
    /// version's messages.
    public static let version = 4
    /// Every version this side speaks.
    public static let supportedVersions: ClosedRange<Int> = 1...4
    /// The most rows the host sends in one version-1 `export.rows` request (`rows`, an array of rows).
    public static let rowsPerBatch = 1000
    /// The most rows the host sends in one version-2 `export.rows` request (`batch`, columnar), and the
    /// most a reader should send in one `read.rows` answer.
    public static let rowsPerColumnarBatch = 16384
}

/// A message that does not follow the protocol; `message` says what was wrong, such as
/// "a format without a name", to follow "answered 'describe' with".
public struct PluginProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Reading typed fields out of a JSON object, leniently where the protocol allows it: unknown keys are
/// ignored, and an optional key of the wrong type counts as absent.
extension JSONObject {
    func string(_ key: String) -> String? { self[key]?.stringValue }

    func strings(_ key: String) -> [String] { self[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    func object(_ key: String) -> JSONObject? { self[key]?.objectValue }
}

/// JSON for a list of strings.
func jsonStrings(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }

extension JSONValue {
    /// The number, if this is one.
    var numberValue: JSONNumber? {
        if case .number(let number) = self { number } else { nil }
    }
}
