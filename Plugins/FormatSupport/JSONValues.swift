import ALQJSON
import ALQRuntime

/// Converts between JSON trees and values, one rule for every reader and for the plugin protocol:
/// objects are records (members in order), arrays lists; a number is a number, except an integer
/// that a double cannot hold exactly (`12345678901234567891`), which is kept as its text (a string)
/// rather than rounded.
public enum JSONValues {
    /// The value of a JSON tree.
    public static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number):
            number.isInteger && !number.isExactInteger ? .string(number.text) : .number(number.double)
        case .string(let text): .string(text)
        case .array(let items): .list(items.map(value))
        case .object(let object): .record(Record(object.members.map { ($0.key, value($0.value)) }))
        }
    }

}
