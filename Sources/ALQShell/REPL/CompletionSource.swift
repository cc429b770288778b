/// What completion knows about the session: names, the data's columns and values, help topics.
///
/// ``SessionCompletionSource`` answers from a live session; tests may answer from fixed lists.
protocol CompletionSource {
    /// Functions, sorted.
    var functionNames: [String] { get }
    /// Variables bound with `let`, and `_`.
    var variableNames: [String] { get }
    /// Tables the registry answers to (`facts`, `companies`, `regions`, …).
    var tableNames: [String] { get }
    /// Every region module's names: English, Chinese, pinyin, aliases.
    var regionNames: [String] { get }
    /// Registered export formats.
    var formatNames: [String] { get }
    /// Topics of `help NAME` and `:help NAME`.
    var helpTopics: [String] { get }
    /// What follows `base.`: a region's tables and metric ids, a record's keys; nil when unknown.
    func members(of base: String) -> [String]?
    /// The columns of the table that flows into the stage after `pipeline` (a pipeline's text up to,
    /// not including, the stage's `|`); nil when unknown.
    func columns(flowingOutOf pipeline: String) -> [String]?
    /// The distinct string values of a column of that table; nil when unknown.
    func values(ofColumn column: String, flowingOutOf pipeline: String) -> [String]?
}
