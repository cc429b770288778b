import ALQEngine
import ALQPluginAPI
import ALQRuntime
import ALQSyntax

/// Completion's view of a live session.
struct SessionCompletionSource: CompletionSource {
    let session: Session
    let helpTopics: [String]

    var functionNames: [String] { session.functionNames }
    var variableNames: [String] { session.variableNames }
    var tableNames: [String] { session.registry.tableNames }
    var formatNames: [String] { session.registry.formats.map(\.format.name) }

    /// The names a region answers to that can be typed as a name (no spaces or punctuation).
    var regionNames: [String] {
        session.registry.regions.flatMap { entry -> [String] in
            let info = entry.module.info
            return [info.name, info.chinese, info.pinyin] + info.aliases
        }.filter { name in
            !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
    }

    func members(of base: String) -> [String]? {
        let module: (any RegionModule)?
        switch session.variables[base] {
        case .record(let record)?:
            return record.keys
        case .module(let id)?:
            module = session.registry.region(id: id)
        default:
            module = session.registry.region(named: base)
        }
        guard let module else { return nil }
        let metrics = module.table(named: "facts")?.column("metric")?.distinctStrings() ?? []
        return module.tableNames + metrics.sorted() + SessionCompletionSource.regionFields
    }

    /// The members every region has besides its tables and metrics (docs/language.md, "Region namespaces").
    static let regionFields = [
        "name", "chinese", "pinyin", "level", "parent", "summary", "subregions", "with_subregions",
    ]

    /// The pipeline's schema, worked out by the engine without running anything.
    func columns(flowingOutOf pipeline: String) -> [String]? {
        session.schema(of: pipeline)?.names
    }

    /// The values of a column of the table the pipeline starts from (a file is not read for them).
    func values(ofColumn column: String, flowingOutOf pipeline: String) -> [String]? {
        session.inputTable(of: pipeline)?.column(column)?.distinctStrings()
    }
}
