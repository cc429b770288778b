import ALQSystem
import Foundation
import Testing

@Suite struct HomeFolderTests {
    let environment = ["HOME": "/home/analyst"]

    @Test func aLeadingTildeIsTheHomeFolder() {
        #expect(HomeFolder.expanding("~", environment: environment) == "/home/analyst")
        #expect(HomeFolder.expanding("~/", environment: environment) == "/home/analyst/")
        #expect(HomeFolder.expanding("~/data/facts.csv", environment: environment) == "/home/analyst/data/facts.csv")
        #expect(HomeFolder.expanding("~/x", environment: ["HOME": "/"]) == "/x")
    }

    @Test func otherPathsStayAsTheyAre() {
        #expect(HomeFolder.expanding("data/~/x", environment: environment) == "data/~/x")
        #expect(HomeFolder.expanding("/abs/~", environment: environment) == "/abs/~")
        #expect(HomeFolder.expanding("", environment: environment) == "")
        #expect(HomeFolder.expanding("~no-such-user-alq/x", environment: environment) == "~no-such-user-alq/x")
    }

    @Test func aNamedUsersHomeComesFromThePasswordDatabase() throws {
        let entry = try #require(getpwuid(getuid()))
        let name = String(cString: entry.pointee.pw_name)
        let home = String(cString: entry.pointee.pw_dir)
        #expect(HomeFolder.expanding("~\(name)/x", environment: environment) == (home == "/" ? "/x" : home + "/x"))
    }

    @Test func withoutHOMEThePasswordDatabaseAnswers() throws {
        let entry = try #require(getpwuid(getuid()))
        #expect(HomeFolder.expanding("~", environment: [:]) == String(cString: entry.pointee.pw_dir))
    }
}
