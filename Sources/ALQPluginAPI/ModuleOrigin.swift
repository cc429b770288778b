/// Where a registered module came from.
public enum ModuleOrigin: Sendable, Hashable {
    /// Compiled into alq.
    case builtIn
    /// A region pack loaded from a JSON file.
    case pack(path: String)
    /// An external plugin executable.
    case plugin(path: String)

    /// How the `modules` table shows it.
    public var description: String {
        switch self {
        case .builtIn: "built-in"
        case .pack(let path): "pack \(path)"
        case .plugin(let path): "plugin \(path)"
        }
    }
}
