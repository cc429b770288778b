import ALQJSON
import ALQPluginAPI
import ALQPluginProtocol
import ALQSyntax

extension PluginConnection {
    /// The region a plugin with the capability `region_pack` supplies (protocol version 2): the pack
    /// document of its `region.pack` answer, validated exactly as a pack file (`E0504`).
    func regionPack(registry: Registry) throws(Diagnostic) -> any RegionModule {
        let answer = try exclusively { () throws(Diagnostic) in try request(.regionPack, JSONObject()) }
        let result: RegionPackResult
        do {
            result = try RegionPackResult(answer)
        } catch {
            throw Diagnostic(.pluginProtocol, "\(label) answered \(error.message)")
        }
        let bytes = JSONWriter.encode(.object(result.pack))
        return try RegionPackLoading.module(from: bytes, file: "from \(label)", registry: registry)
    }
}
