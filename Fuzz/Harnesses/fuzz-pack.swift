// fuzz-targets: ALQRegionPack BuiltinRegions
// The region-pack decoder: any bytes are decoded and validated as a pack. A pack that decodes must
// also decode through the header-only path (`decodeRegion`) to the same region, serve every one of its
// tables, and be checked against the built-in packs as a collection. A module that defers decoding
// must serve tables (or its load error) from the same bytes.
import ALQRegionPack
import BuiltinRegions

/// The built-in packs, decoded once.
let builtin: [(file: String, pack: RegionPack)] = BuiltinRegions.packs.map {
    ($0.file, try! RegionPack.decode($0.bytes, file: $0.file))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let region = try? RegionPack.decodeRegion(bytes, file: "fuzz.json")
    guard let pack = try? RegionPack.decode(bytes, file: "fuzz.json") else {
        if let deferred = try? PackRegionModule(deferring: bytes, file: "fuzz.json") {
            precondition(deferred.loadError != nil, "a pack that does not decode loads when deferred")
            for name in deferred.tableNames { _ = deferred.table(named: name) }
        }
        return 0
    }
    precondition(region == pack.region, "decodeRegion reads another region than decode")
    let module = PackRegionModule(pack: pack)
    for name in module.tableNames {
        guard let table = module.table(named: name) else {
            fatalError("the module lists '\(name)' but has no such table")
        }
        _ = table.rowCount
    }
    _ = RegionPack.validateCollection(builtin + [("fuzz.json", pack)])
    let deferred = try! PackRegionModule(deferring: bytes, file: "fuzz.json")
    precondition(deferred.loadError == nil, "a pack that decodes fails to load when deferred")
    for name in deferred.tableNames { _ = deferred.table(named: name) }
    return 0
}
