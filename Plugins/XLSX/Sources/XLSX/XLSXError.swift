/// Why a workbook could not be written or read; `message` is for the user.
public struct XLSXError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
