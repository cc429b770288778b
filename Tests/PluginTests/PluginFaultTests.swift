import ALQPluginAPI
import ALQPluginHost
import ALQRuntime
import ALQSyntax
import FormatCSV
import Foundation
import Testing

/// External plugins: the well-behaved one works; each kind of misbehaviour ends in a clear
/// diagnostic, and the host goes on.
@Suite struct PluginFaultTests {
    static func host(timeout: Double = 5, startup: Double? = nil, limit: Int = 1 << 20) -> FileHost {
        FileHost(limits: PluginLimits(timeout: timeout, startupTimeout: startup, maximumMessageBytes: limit))
    }

    /// Loads `fixture` and expects a diagnostic with `code` whose message contains `text`.
    func expectFailure(_ path: String, _ code: DiagnosticCode, _ text: String, host: FileHost = host()) throws {
        let registry = Registry()
        #expect {
            _ = try host.load(path: path, registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            let ok = diagnostic.code == code && diagnostic.message.contains(text)
            if !ok { Issue.record("got \(diagnostic.code.rawValue): \(diagnostic.message)") }
            return ok
        }
        #expect(registry.formats.isEmpty && registry.regions.isEmpty)
        #expect(code.exitStatus == 4)
        // The host goes on: a good plugin still loads afterwards (with the default time limit, however
        // short the one under test was, so that a busy machine cannot fail this part).
        host.limits = Self.host().limits
        #expect(
            try host.load(path: Support.fixture("plugins/good.py"), registry: Registry()).hasPrefix(
                "loaded plugin good"))
        host.shutdown()
    }

    @Test func goodPluginOffersFormatRegionAndFunction() throws {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        try registry.register(format: CSVFormat(), origin: .builtIn)
        let path = Support.fixture("plugins/good.py")
        let message = try host.load(path: path, registry: registry)
        #expect(message == "loaded plugin good 0.1.0 from \(path): format pipes, region Testland, function double")
        let format = try #require(registry.format(named: "pipes"))
        #expect(registry.format(forPath: "x.pipes")?.name == "pipes")
        #expect(
            registry.formatsTable().cellTexts[1] == [
                "'pipes'", "'pipes'", "'text/plain'", "false", "true", "'0.1.0'", "'plugin \(path)'",
            ])
        let sink = MemorySink()
        try host.write(Support.sampleTable().prefix(2), format: format, to: sink, label: "memory")
        #expect(
            sink.text == """
                region|year|share|ok|output|output_unit|note|mixed|mixed_unit
                Guangxi|2024|0.5|True|205000000000|CNY|=SUM(A1)|14543000|t
                百色|2023|33.69|False|41900000000|CNY|+1|3|
                -- end --

                """)
        let region = try #require(registry.region(named: "测试"))
        #expect(
            region.table(named: "facts")?.cellTexts == [
                ["'Testland'", "'output'", "2024.0", "5000000000.0 CNY", "'CNY'"],
                ["'Testland'", "'capacity'", "null", "1200000.0", "'t'"],
            ])
        #expect(registry.modulesTable().rowCount == 3)
        #expect(host.functionNames == ["double"])
        #expect(describe(try host.callFunction("double", arguments: [.number(21)])!) == "42.0")
        let doubled = try host.callFunction("double", arguments: [.quantity(Quantity(value: 3, dimension: .mass))])
        #expect(describe(doubled!) == "6.0 t")
        #expect(try host.callFunction("nope", arguments: []) == nil)
        // The plugin inherits standard input, output and error only (3 is the listing's own).
        let descriptors = try #require(try host.connectionFunction("descriptors"))
        #expect(describe(descriptors) == "[0.0,1.0,2.0,3.0]")
    }

    @Test func exportThroughAPluginIsAtomic() throws {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Support.fixture("plugins/good.py"), registry: registry)
        let folder = Support.temporaryFolder()
        let path = "\(folder)/t.pipes"
        try host.export(Support.sampleTable(), format: registry.format(forPath: path)!, path: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("-- end --\n"))
    }

    @Test func startupLoadsTheNamedPathsAndReportsFailures() throws {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        let (messages, diagnostics) = host.loadStartupModules(
            explicit: [Support.fixture("plugins/good.py"), Support.fixture("plugins/missing")], registry: registry)
        #expect(messages.count == 1)
        #expect(diagnostics.map(\.code) == [.pluginFailed])
    }

    @Test func missingPlugin() throws {
        try expectFailure(
            "/nonexistent/plugin", .pluginFailed, "cannot load plugin '/nonexistent/plugin': no such file")
    }

    @Test func directoryIsNotAPlugin() throws {
        try expectFailure(Support.temporaryFolder(), .pluginFailed, "it is a directory, not a plugin")
    }

    @Test func notExecutable() throws {
        let path = Support.temporaryFolder() + "/plain.py"
        try FileManager.default.copyItem(atPath: Support.fixture("plugins/good.py"), toPath: path)
        chmod(path, 0o644)
        try expectFailure(path, .pluginFailed, "it is not executable")
    }

    @Test func worldWritableIsRefused() throws {
        let path = Support.temporaryFolder() + "/open.py"
        try FileManager.default.copyItem(atPath: Support.fixture("plugins/good.py"), toPath: path)
        chmod(path, 0o777)
        try expectFailure(path, .pluginFailed, "refusing to run plugin '\(path)': any user can write to it")
    }

    @Test func otherProtocolVersion() throws {
        try expectFailure(
            Support.fixture("plugins/wrong_version.py"), .pluginProtocol,
            "speaks protocol 99; this alq speaks protocols 1, 2, 3 and 4")
    }

    @Test func crashWithStatus() throws {
        let registry = Registry()
        let host = Self.host()
        #expect {
            _ = try host.load(path: Support.fixture("plugins/crash.sh"), registry: registry)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .pluginFailed
                && diagnostic.message.contains("exited with status 3 while answering 'hello'")
                && diagnostic.help == "the plugin's last words on standard error: boom: out of cheese"
        }
    }

    @Test func crashWithSignal() throws {
        try expectFailure(
            Support.fixture("plugins/segfault.py"), .pluginFailed,
            "was killed by signal 11 (SIGSEGV) while answering 'describe'")
    }

    @Test func hangTimesOut() throws {
        try expectFailure(
            Support.fixture("plugins/hang.py"), .pluginTimeout, "did not answer 'hello' within 3 s; it was stopped",
            host: Self.host(timeout: 1, startup: 3))
    }

    @Test func floodIsCapped() throws {
        try expectFailure(
            Support.fixture("plugins/flood.py"), .pluginProtocol,
            "sent a message larger than 1 MiB while answering 'hello'")
    }

    @Test func garbageIsAProtocolError() throws {
        try expectFailure(
            Support.fixture("plugins/garbage.sh"), .pluginProtocol, "answered 'hello' with something that is not JSON")
    }

    @Test func pluginThatStopsReadingTimesOut() throws {
        // The limit also bounds the plugin's start-up (`hello`): long enough for a busy machine.
        let host = Self.host(timeout: 5)
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Support.fixture("plugins/deaf_export.py"), registry: registry)
        let table = try Support.sampleTable().gather((0..<3000).map { $0 % 6 })  // a batch larger than a pipe holds
        #expect {
            try host.export(table, format: registry.format(named: "deaf")!, path: nil)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .pluginTimeout
                && diagnostic.message.contains("did not answer 'export.rows' within 5 s")
        }
    }

    @Test func pluginErrorDuringExportKeepsTheOldFile() throws {
        let host = Self.host()
        defer { host.shutdown() }
        let registry = Registry()
        _ = try host.load(path: Support.fixture("plugins/failing_export.py"), registry: registry)
        let folder = Support.temporaryFolder()
        for name in ["fails", "dies"] {
            let path = "\(folder)/out.\(name)"
            _ = FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
            #expect {
                try host.export(Support.sampleTable(), format: registry.format(named: name)!, path: path)
            } throws: { error in
                let diagnostic = error as! Diagnostic
                return name == "fails"
                    ? diagnostic.code == .pluginFailed
                        && diagnostic.message.hasSuffix("failed to 'export.rows': disk of the imagination is full")
                    : diagnostic.code == .pluginFailed
                        && diagnostic.message.contains("exited with status 7 while answering 'export.rows'")
            }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.dies", "out.fails"])
        // Once dead, the plugin's format says so.
        #expect {
            try host.export(Support.sampleTable(), format: registry.format(named: "fails")!, path: nil)
        } throws: { error in
            (error as! Diagnostic).message.contains("is no longer running")
        }
    }
}

@Suite struct PluginLocationTests {
    @Test func startupPathsAreTheFolderThenTheVariableThenTheFlags() throws {
        let data = Support.temporaryFolder()
        let folder = "\(data)/alq/plugins"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, mode) in [("b-plugin", 0o755), ("a-pack.json", 0o644), ("README.md", 0o644), (".hidden", 0o755)] {
            _ = FileManager.default.createFile(
                atPath: "\(folder)/\(name)", contents: Data(), attributes: [.posixPermissions: mode])
        }
        let extra = Support.temporaryFolder()
        _ = FileManager.default.createFile(
            atPath: "\(extra)/x", contents: Data(), attributes: [.posixPermissions: 0o755])
        let paths = PluginLocations.startupPaths(
            explicit: ["flag-plugin"],
            environment: ["XDG_DATA_HOME": data, "ALQ_PLUGIN_PATH": "/named/one:\(extra)", "HOME": "/home/nobody"])
        #expect(paths == ["\(folder)/a-pack.json", "\(folder)/b-plugin", "/named/one", "\(extra)/x", "flag-plugin"])
        #expect(PluginLocations.startupPaths(explicit: [], environment: ["HOME": "/home/nobody"]) == [])
    }
}

@Suite struct PluginFolderSafetyTests {
    @Test func pluginInAWorldWritableFolderIsRefused() throws {
        let folder = Support.temporaryFolder()
        chmod(folder, 0o777)
        let path = "\(folder)/good.py"
        try FileManager.default.copyItem(atPath: Support.fixture("plugins/good.py"), toPath: path)
        chmod(path, 0o755)
        #expect {
            _ = try FileHost().load(path: path, registry: Registry())
        } throws: { error in
            (error as! Diagnostic).message.contains("any user can write to the folder")
        }
        chmod(folder, 0o1777)  // with the sticky bit, others cannot replace the file
        let host = FileHost()
        defer { host.shutdown() }
        #expect(try host.load(path: path, registry: Registry()).hasPrefix("loaded plugin good"))
    }
}

extension FileHost {
    /// Calls a function of the first plugin directly, whether or not it declared it.
    func connectionFunction(_ name: String) throws -> Value? {
        try plugins.first?.call(function: name, arguments: [])
    }
}
