import Foundation
import Testing
@testable import CareSurveyKit
import SurveyFiles
import SurveyModel

/// Survey content built into the binary (Plugins/EmbedSurveyData) and the user's override folder
/// (`--data DIR` / `CARESURVEY_DATA`).
@Suite struct DataOverrideTests {
    static let returns = "Examples/ascs/returns.csv"
    static let population = "Examples/ascs/population.csv"
    /// An empty CARESURVEY_DATA is ignored: the runs do not depend on the developer's environment.
    static let noOverride = ["CARESURVEY_DATA": ""]

    /// A temporary override folder with a copy of a built-in codebook, changed by `edit`.
    static func overrideFolder(codebook name: String = "ascs-2021-22.json", as fileName: String? = nil,
                               edit: (inout [String: Any]) -> Void) throws -> URL {
        let dir = Fixtures.temporaryDirectory()
        let questionnaires = dir.appendingPathComponent("Questionnaires")
        try FileManager.default.createDirectory(at: questionnaires, withIntermediateDirectories: true)
        let original = try Data(contentsOf: Fixtures.root.appendingPathComponent("Questionnaires/\(name)"))
        var object = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        edit(&object)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: questionnaires.appendingPathComponent(fileName ?? name))
        return dir
    }

    /// Measure 1A scores code 1 ("I have as much control…") as 3; the override scores it 0.
    static func rescore1A(_ codebook: inout [String: Any]) {
        guard var measures = codebook["measures"] as? [[String: Any]], let i = measures.firstIndex(where: { $0["code"] as? String == "1A" }),
              var score = measures[i]["score"] as? [String: Any], var terms = score["terms"] as? [[String: Any]],
              var values = terms.first?["values"] as? [String: Any] else { return }
        values["1"] = 0
        terms[0]["values"] = values
        score["terms"] = terms
        measures[i]["score"] = score
        codebook["measures"] = measures
    }

    @Test func builtInCopyMatchesTheFolders() throws {
        for folder in DataDirectory.folders {
            let dir = Fixtures.root.appendingPathComponent(folder)
            let names = (try FileManager.default.contentsOfDirectory(atPath: dir.path)).filter { $0.hasSuffix(".json") }.sorted()
            let builtIn = try DataDirectory.builtIn.files(in: folder)
            #expect(builtIn.map(\.name) == names, "the built-in \(folder)/ differs from the checkout's: rebuild (after adding a file, `touch Package.swift`)")
            try #require(builtIn.count == names.count)
            for file in builtIn {
                #expect(file.origin == .builtIn)
                #expect(file.data == (try Data(contentsOf: dir.appendingPathComponent(file.name))),
                        "built-in \(file.relativePath) is stale: rebuild (after adding a file, `touch Package.swift`)")
            }
        }
        #expect(try DataDirectory.builtIn.codebooks().count == Fixtures.toolkit.codebooks.count)
    }

    @Test func noOverrideMeansBuiltIn() throws {
        let data = try DataDirectory.locate(dataOption: nil, environment: [:])
        #expect(data.root == nil && data.includesBuiltIn)
        let toolkit = try Toolkit(data: data)
        #expect(toolkit.files.count == 6 + (try DataDirectory.builtIn.files(in: "Reference")).count)
        #expect(toolkit.files.allSatisfy { $0.isBuiltIn })
    }

    @Test func overrideReplacesTheCodebookAndChangesTheResult() throws {
        let dir = try Self.overrideFolder(edit: Self.rescore1A)
        defer { try? FileManager.default.removeItem(at: dir) }
        let toolkit = try Toolkit(data: DataDirectory.locate(dataOption: dir.path, environment: [:]))
        let file = try #require(toolkit.files.first { $0.relativePath == "Questionnaires/ascs-2021-22.json" })
        #expect(file.origin == .file(dir.appendingPathComponent("Questionnaires/ascs-2021-22.json").path))
        #expect(file.replaces == "Questionnaires/ascs-2021-22.json")
        #expect(toolkit.files.filter { !$0.isBuiltIn }.count == 1)
        #expect(toolkit.codebooks.count == Fixtures.toolkit.codebooks.count)

        func estimate1A(_ toolkit: Toolkit) throws -> Double {
            let prepared = try toolkit.prepare(returns: [Fixtures.root.appendingPathComponent(Self.returns).path],
                                               populationFiles: [Fixtures.root.appendingPathComponent(Self.population).path],
                                               options: LoadOptions())
            let report = try toolkit.measures(prepared, options: EstimationOptions())
            let england = try #require(report.results.first { $0.measure == "1A" && $0.group.level == .england })
            return try #require(england.estimate?.estimate)
        }
        let builtIn = try estimate1A(Toolkit(data: .builtIn))
        let changed = try estimate1A(toolkit)
        #expect(changed < builtIn - 0.1, "scoring code 1 as 0 instead of 3 must lower 1A (built-in \(builtIn), override \(changed))")
    }

    @Test func overrideUnderAnotherNameReplacesTheSameSurveyYear() throws {
        let dir = try Self.overrideFolder(codebook: "sace-2023-24.json", as: "sace-2023-24-corrected.json") { $0["status"] = "verified" }
        defer { try? FileManager.default.removeItem(at: dir) }
        let toolkit = try Toolkit(data: DataDirectory(overrides: dir))
        #expect(toolkit.codebooks.count == Fixtures.toolkit.codebooks.count)
        #expect(toolkit.codebook(survey: "sace", year: "2023-24")?.status == .verified)
        let file = try #require(toolkit.files.first { !$0.isBuiltIn })
        #expect(file.name == "sace-2023-24-corrected.json" && file.replaces == "Questionnaires/sace-2023-24.json")
        #expect(!toolkit.files.contains { $0.isBuiltIn && $0.name == "sace-2023-24.json" })

        // A second user file for the same survey and year is refused, both named.
        try Data(contentsOf: dir.appendingPathComponent("Questionnaires/sace-2023-24-corrected.json"))
            .write(to: dir.appendingPathComponent("Questionnaires/sace-2023-24-again.json"))
        #expect {
            try Toolkit(data: DataDirectory(overrides: dir))
        } throws: { error in
            guard case let .duplicate(_, first, second) = error as? DataDirectory.LoadError else { return false }
            return first.hasSuffix("sace-2023-24-again.json") && second.hasSuffix("sace-2023-24-corrected.json")
        }
    }

    @Test func brokenOverrideIsRefusedNamingTheFile() throws {
        let dir = try Self.overrideFolder { _ in }
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("Questionnaires/ascs-2021-22.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try Toolkit(data: DataDirectory(overrides: dir))
        } throws: { error in
            guard case let .invalidFile(p, _) = error as? DataDirectory.LoadError else { return false }
            return p == path
        }
        // A codebook that is valid JSON but not a codebook is refused too.
        try #"{"schemaVersion": 1, "survey": "ASCS"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DataDirectory.LoadError.self) { try Toolkit(data: DataDirectory(overrides: dir)) }

        let run = try CLIRunner.run(["measures", Self.returns, "--population", Self.population, "--data", dir.path], environment: Self.noOverride)
        #expect(run.status == 3)
        #expect(run.stderr.contains(path) && run.stderr.contains("invalid data file"), "stderr: \(run.stderr)")
        #expect(run.stdoutText.isEmpty)
    }

    @Test func missingOrEmptyFolderIsRefused() throws {
        #expect(throws: DataDirectory.LoadError.badFolder(source: "--data", path: "/nonexistent/caresurvey", reason: "no such folder")) {
            try DataDirectory.locate(dataOption: "/nonexistent/caresurvey", environment: [:])
        }
        let empty = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            try DataDirectory.locate(dataOption: nil, environment: ["CARESURVEY_DATA": empty.path])
        } throws: { error in
            guard case let .badFolder(source, path, reason) = error as? DataDirectory.LoadError else { return false }
            return source == "CARESURVEY_DATA" && path == empty.path && reason.contains("Questionnaires/")
        }
        let run = try CLIRunner.run(["codebook", "--data", empty.path], environment: Self.noOverride)
        #expect(run.status == 3 && run.stderr.contains(empty.path), "stderr: \(run.stderr)")
    }

    @Test func cliDataOptionChangesMeasuresAndCodebookReportsTheOverride() throws {
        let dir = try Self.overrideFolder(edit: Self.rescore1A)
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["measures", Self.returns, "--population", Self.population, "--format", "csv"]
        let builtIn = try CLIRunner.run(args, environment: Self.noOverride)
        let changed = try CLIRunner.run(args + ["--data", dir.path], environment: Self.noOverride)
        let viaEnvironment = try CLIRunner.run(args, environment: ["CARESURVEY_DATA": dir.path])
        #expect(builtIn.status == 0 && changed.status == 0 && viaEnvironment.status == 0, "\(changed.stderr)")
        #expect(!builtIn.stdoutText.isEmpty && builtIn.stdoutText != changed.stdoutText)
        #expect(changed.stdoutText == viaEnvironment.stdoutText)
        // Only 1A rows differ.
        let before = builtIn.stdoutText.split(separator: "\n"), after = changed.stdoutText.split(separator: "\n")
        try #require(before.count == after.count)
        let differing = zip(before, after).filter { $0 != $1 }.map(\.1)
        #expect(!differing.isEmpty && differing.allSatisfy { $0.hasPrefix("1A,") }, "\(differing.prefix(3))")

        let codebook = try CLIRunner.run(["codebook", "--survey", "ascs", "--data", dir.path], environment: Self.noOverride)
        #expect(codebook.status == 0)
        let line = try #require(codebook.stdoutText.split(separator: "\n").first { $0.contains("Questionnaires/ascs-2021-22.json") })
        #expect(line.contains(dir.appendingPathComponent("Questionnaires/ascs-2021-22.json").path) && line.contains("replaces built-in"), "\(line)")
        let plain = try CLIRunner.run(["codebook", "--survey", "ascs"], environment: Self.noOverride)
        #expect(plain.stdoutText.split(separator: "\n").first { $0.contains("Questionnaires/ascs-2021-22.json") }?.hasSuffix("built-in") == true)
    }

    @Test func versionNamesCommitAndDataFiles() throws {
        let run = try CLIRunner.run(["--version"], environment: Self.noOverride)
        #expect(run.status == 0)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        #expect(lines[0].hasPrefix("caresurvey "))
        let commit = lines[1].replacingOccurrences(of: "commit ", with: "")
        #expect(commit == "unknown" || (commit.count == 40 && commit.allSatisfy(\.isHexDigit)), "\(lines[1])")
        for file in DataDirectory.folders.flatMap({ (try? DataDirectory.builtIn.files(in: $0)) ?? [] }) {
            let line = lines.first { $0.contains(file.relativePath) }
            #expect(line?.contains("schemaVersion \(file.header.schemaVersion ?? -1)") == true, "\(file.relativePath)")
            if let status = file.header.status { #expect(line?.contains(status) == true) }
        }
    }
}
