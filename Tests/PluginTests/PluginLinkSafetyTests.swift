import ALQPluginAPI
import ALQPluginHost
import ALQSyntax
import Foundation
import Testing

/// A plugin reached through a symbolic link is judged by the folder it lives in too.
@Suite struct PluginLinkSafetyTests {
    @Test func aLinkIntoAWorldWritableFolderIsRefused() throws {
        let unsafe = Support.temporaryFolder()
        chmod(unsafe, 0o777)
        let target = "\(unsafe)/good.py"
        try FileManager.default.copyItem(atPath: Support.fixture("plugins/good.py"), toPath: target)
        chmod(target, 0o755)
        let safe = Support.temporaryFolder()
        chmod(safe, 0o755)
        try FileManager.default.createSymbolicLink(atPath: "\(safe)/good.py", withDestinationPath: target)
        #expect {
            _ = try FileHost().load(path: "\(safe)/good.py", registry: Registry())
        } throws: { error in
            (error as? Diagnostic)?.message.contains("any user can write to the folder '\(unsafe)'") == true
        }
    }
}
