/// A column named in a stage (`drop note`, `pivot year values value`), with the text it covers.
public struct ColumnName: Sendable {
    public var name: String
    public var span: Span

    public init(name: String, span: Span) {
        self.name = name
        self.span = span
    }
}

/// `rename new = old`
public struct ColumnRename: Sendable {
    public var new: ColumnName
    public var old: ColumnName

    public init(new: ColumnName, old: ColumnName) {
        self.new = new
        self.old = old
    }
}

/// Which rows a join keeps.
public enum JoinKind: String, Sendable, CaseIterable {
    /// Only pairs of rows whose keys match.
    case inner
    /// Every row of the left table, with nulls where no right row matches.
    case left
    /// Every row of both tables, with nulls on the side that has no match.
    case full
}

/// A join key: a column of the left table and the column of the right table it must equal.
public struct JoinKey: Sendable {
    public var left: ColumnName
    public var right: ColumnName

    public init(left: ColumnName, right: ColumnName) {
        self.left = left
        self.right = right
    }

    /// Whether the key was written once (`on region`), naming the same column on both sides.
    public var isShared: Bool { left.name == right.name && left.span == right.span }
}

/// `join [inner|left|full] table on key, …`
public struct JoinClause: Sendable {
    public var kind: JoinKind
    public var table: Expr
    public var keys: [JoinKey]

    public init(kind: JoinKind, table: Expr, keys: [JoinKey]) {
        self.kind = kind
        self.table = table
        self.keys = keys
    }
}
