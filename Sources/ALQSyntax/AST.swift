/// A parsed statement.
public enum Statement: Sendable {
    /// `let name = value`
    case `let`(name: String, nameSpan: Span, value: Expr)
    /// `load "path"`: registers a region pack or an external plugin.
    case load(path: Expr, span: Span)
    /// `fn name(a, b = default) = body`: a user-defined function.
    case function(FunctionDefinition)
    /// An expression (often a pipeline) whose value is the statement's result.
    case expression(Expr)

    /// The text the statement covers.
    public var span: Span {
        switch self {
        case .let(_, let nameSpan, let value): nameSpan.merged(with: value.span)
        case .load(_, let span): span
        case .function(let definition): definition.span
        case .expression(let expr): expr.span
        }
    }
}

/// An expression and the text it covers.
public struct Expr: Sendable {
    public var kind: ExprKind
    public var span: Span

    public init(_ kind: ExprKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The shapes an expression takes.
public indirect enum ExprKind: Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case null
    /// A number with a unit or scale word: `205 bn CNY`, `14.543 Mt`, `41.4 %`.
    case quantity(Double, UnitSpec)
    case list([Expr])
    case record([RecordField])
    /// A variable, table, region or column name.
    case name(String)
    /// `base.name`
    case member(Expr, name: String, nameSpan: Span)
    /// `base[index]`
    case index(Expr, Expr)
    /// `name(arguments)`
    case call(name: String, nameSpan: Span, arguments: [Expr])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `value in kt`: conversion to another scale of the same dimension.
    case convert(Expr, UnitSpec)
    /// `value in [a, b]`: membership.
    case membership(Expr, Expr)
    /// `input | stage | stage …`
    case pipeline(Expr, [Stage])
    /// `if condition then value else alternative`
    case conditional(condition: Expr, then: Expr, else: Expr)
    /// `name = value` as an argument of a call: `extract(s, re, group = 1)`.
    case namedArgument(name: String, nameSpan: Span, value: Expr)
}

/// A user-defined function as written: `fn name(a, b = default) = body`.
public struct FunctionDefinition: Sendable {
    public var name: String
    public var nameSpan: Span
    public var parameters: [Parameter]
    public var body: Expr
    /// From `fn` to the end of the body.
    public var span: Span

    public init(name: String, nameSpan: Span, parameters: [Parameter], body: Expr, span: Span) {
        self.name = name
        self.nameSpan = nameSpan
        self.parameters = parameters
        self.body = body
        self.span = span
    }

    /// A parameter: its name and, when it may be left out, its default value.
    public struct Parameter: Sendable {
        public var name: String
        public var span: Span
        public var defaultValue: Expr?

        public init(name: String, span: Span, defaultValue: Expr?) {
            self.name = name
            self.span = span
            self.defaultValue = defaultValue
        }
    }
}

/// A field of a record literal: `{name: value}`.
public struct RecordField: Sendable {
    public var name: String
    public var value: Expr

    public init(name: String, value: Expr) {
        self.name = name
        self.value = value
    }
}

/// A unit as written in the source: an optional scale word and an optional unit word.
public struct UnitSpec: Sendable, Equatable {
    /// The words as written, for example `["bn", "CNY"]` or `["Mt"]`.
    public var words: [String]
    public var span: Span

    public init(words: [String], span: Span) {
        self.words = words
        self.span = span
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not
}

public enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case and, or
}

/// A stage of a pipeline.
public struct Stage: Sendable {
    public var kind: StageKind
    public var span: Span

    public init(_ kind: StageKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// What a pipeline stage does.
public enum StageKind: Sendable {
    /// `where predicate`
    case filter(Expr)
    /// `select a, b, c = expr`
    case select([Binding])
    /// `derive name = expr, …`
    case derive([Binding])
    /// `sort key [asc|desc], …`
    case sort([SortKey])
    /// `take n`
    case take(Expr)
    /// `distinct [columns]`
    case distinct([Binding])
    /// `group keys` optionally followed by `| agg …` (fused by the parser).
    case group(keys: [Binding], aggregates: [Binding])
    /// `agg name = f(…), …` over the whole table.
    case aggregate([Binding])
    /// `export [format] [to path] [with fact_ids]`; `factIDs` adds each row's fact ids.
    case export(format: String?, formatSpan: Span?, path: Expr?, factIDs: Bool)
    /// A function applied to the stage's input: `| upper` or `| round(2)`.
    case call(name: String, nameSpan: Span, arguments: [Expr])
    /// `join [inner|left|full] table on key, …`
    case join(JoinClause)
    /// `rename new = old, …`
    case rename([ColumnRename])
    /// `drop column, …`
    case drop([ColumnName])
    /// `derive name = expr, … by key, …`: window functions evaluated within partitions.
    case window(bindings: [Binding], partitions: [ColumnName])
    /// `pivot names values values`
    case pivot(names: ColumnName, values: ColumnName)
    /// `unpivot column, … into name, value`
    case unpivot(columns: [ColumnName], name: ColumnName, value: ColumnName)
    /// `describe`: one row of statistics per column.
    case describe
    /// `chart bar|line|column X, Y [by SERIES] [title TEXT]`
    case chart(ChartSpec)
}

/// `name = expr`, or a bare expression whose name is derived from its text.
public struct Binding: Sendable {
    public var name: String
    public var value: Expr

    public init(name: String, value: Expr) {
        self.name = name
        self.value = value
    }
}

/// A sort key: an expression and a direction.
public struct SortKey: Sendable {
    public var value: Expr
    public var descending: Bool

    public init(value: Expr, descending: Bool) {
        self.value = value
        self.descending = descending
    }
}
