import Foundation
import Testing
@testable import CareSurveyKit
import SurveyFiles
import SurveyModel

/// A new survey year, and even a new survey, is a data change only: a codebook in a `--data` folder
/// is checked, listed, chosen with `--survey`/`--survey-year` and used by every command; the survey
/// list, the display name, the council-code and serial-number columns and the data sheet come from it.
@Suite struct NewSurveyDataTests {
    static let noOverride = DataOverrideTests.noOverride

    /// `DIR/Questionnaires/<name>.json`: a copy of a built-in codebook changed by `edit`.
    static func folder(from codebook: String, as name: String, _ edit: (inout [String: Any]) -> Void) throws -> URL {
        try DataOverrideTests.overrideFolder(codebook: codebook, as: name + ".json", edit: edit)
    }

    @Test func aNewYearInADataFolderIsUsedWithoutCode() throws {
        let dir = try Self.folder(from: "ascs-2022-23.json", as: "ascs-2023-24") { j in
            j["surveyYear"] = "2023-24"
            j["source"] = "test: the 2022-23 layout under another year"
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("Questionnaires/ascs-2023-24.json").path
        let check = try CLIRunner.run(["codebook", "--check", file], environment: Self.noOverride)
        #expect(check.status == 0 && check.stdoutText.contains("ascs-2023-24: no problems"), "\(check.stdoutText)")
        let list = try CLIRunner.run(["codebook", "--survey", "ascs", "--survey-year", "2023-24", "--data", dir.path], environment: Self.noOverride)
        #expect(list.status == 0 && list.stdoutText.contains("ASCS 2023-24 — PROVISIONAL"), "\(list.stderr)")
        #expect(list.stdoutText.contains("survey: Adult Social Care Survey; council code in LaCode"))
        let returns = Fixtures.path("codebooks/ascs-2022-23-716.csv")
        let out = dir.appendingPathComponent("v.json").path
        let run = try CLIRunner.run(["validate", returns, "--survey", "ascs", "--survey-year", "2023-24", "--data", dir.path,
                                     "--format", "json", "-o", out], environment: Self.noOverride)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try String(contentsOfFile: out, encoding: .utf8)
        #expect(json.contains("\"codebook\": \"ascs-2023-24\"") && json.contains("\"errors\": 0"), "\(json.prefix(600))")
        // Without the folder the year does not exist.
        let none = try CLIRunner.run(["validate", returns, "--survey", "ascs", "--survey-year", "2023-24"], environment: Self.noOverride)
        #expect(none.status != 0)
    }

    /// A survey CareSurvey has never seen: its own code, name, data sheet and council-code column.
    static func demoFolder() throws -> URL {
        try folder(from: "sace-2021-22.json", as: "demo-2024-25") { j in
            j["survey"] = "DEMO"
            j["surveyName"] = "Demonstration survey of carers"
            j["surveyYear"] = "2024-25"
            j["councilField"] = "CouncilCode"
            j["source"] = "test: a new survey made from the SACE 2021-22 codebook"
            var excel = j["excel"] as! [String: Any]
            excel["sheet"] = "Demo Data"
            j["excel"] = excel
            var fields = j["fields"] as! [[String: Any]]
            fields[0]["name"] = "CouncilCode"
            fields[0]["key"] = "councilcode"
            j["fields"] = fields
        }
    }

    @Test func aNewSurveyInADataFolderIsUsedWithoutCode() throws {
        let dir = try Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The SACE fixture with its council column renamed.
        let sace = try String(contentsOfFile: try Fixtures.require(Fixtures.path("sace/carers-data.csv")), encoding: .utf8)
        #expect(sace.hasPrefix("LaCode,"))
        let demo = dir.appendingPathComponent("demo.csv").path
        try ("CouncilCode," + sace.dropFirst("LaCode,".count)).write(toFile: demo, atomically: true, encoding: .utf8)
        let population = try Fixtures.require(Fixtures.path("sace/population.csv"))

        let list = try CLIRunner.run(["codebook", "--survey", "demo", "--data", dir.path], environment: Self.noOverride)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdoutText.contains("DEMO 2024-25 — PROVISIONAL\n  survey: Demonstration survey of carers; council code in CouncilCode"))
        let a = dir.appendingPathComponent("demo.json").path, b = dir.appendingPathComponent("sace.json").path
        let run = try CLIRunner.run(["measures", demo, "--survey", "demo", "--population", population, "--data", dir.path,
                                     "--suppress-below", "0", "--format", "json", "-o", a], environment: Self.noOverride)
        #expect(run.status == 0, "\(run.stderr)")
        let same = try CLIRunner.run(["measures", try Fixtures.require(Fixtures.path("sace/carers-data.csv")), "--survey", "sace",
                                      "--population", population, "--suppress-below", "0", "--format", "json", "-o", b], environment: Self.noOverride)
        #expect(same.status == 0, "\(same.stderr)")
        // The same numbers as the SACE codebook it was made from, under the new survey's name.
        let x = try ResultsFile.decode(Data(contentsOf: URL(fileURLWithPath: a)))
        let y = try ResultsFile.decode(Data(contentsOf: URL(fileURLWithPath: b)))
        #expect(x.survey == "DEMO" && x.surveyYear == "2024-25" && y.survey == "SACE")
        #expect(x.results.count == y.results.count && x.results.count == 15)
        for (r, s) in zip(x.results, y.results) {
            #expect(r.measure == s.measure && r.group == s.group && r.estimate == s.estimate && r.standardError == s.standardError)
        }
        #expect(Set(x.results.map(\.group)).count == 3, "councils 614 and 204, and England")
        // The report names the survey as its codebook does.
        let html = dir.appendingPathComponent("r.html").path
        let report = try CLIRunner.run(["report", demo, "--survey", "demo", "--population", population, "--data", dir.path, "-o", html],
                                       environment: Self.noOverride)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("Demonstration survey of carers"))
        // Without the folder the survey is not known: a usage error listing the surveys in use.
        let unknown = try CLIRunner.run(["measures", demo, "--survey", "demo", "--population", population], environment: Self.noOverride)
        #expect(unknown.status == 2 && unknown.stderr.contains("--survey demo: no codebook in use is of that survey; surveys in use: ascs, sace"), "\(unknown.stderr)")
    }

    /// A schemaVersion-1 codebook (a user's file from before the four keys) still loads and means the
    /// survey code, LaCode, SerialNo and "people"; a version newer than the build's is refused.
    @Test func aVersionOneCodebookStillLoadsAndANewerOneIsRefused() throws {
        let old = try Self.folder(from: "ascs-2021-22.json", as: "ascs-2021-22") { j in
            j["schemaVersion"] = 1
            for key in ["surveyName", "councilField", "serialField", "peopleUnit"] { j.removeValue(forKey: key) }
        }
        defer { try? FileManager.default.removeItem(at: old) }
        let cb = try #require(try DataDirectory(overrides: old).codebooks().first { $0.id == "ascs-2021-22" })
        #expect(cb.schemaVersion == 1 && cb.surveyName == nil)
        #expect(cb.displayName == "ASCS" && cb.councilFieldName == "LaCode" && cb.serialFieldName == "SerialNo" && cb.peopleName == "people")
        #expect(CodebookCheck.problems(cb, models: Fixtures.toolkit.models).isEmpty)
        let newer = try Self.folder(from: "ascs-2021-22.json", as: "ascs-2021-22") { j in j["schemaVersion"] = 3 }
        defer { try? FileManager.default.removeItem(at: newer) }
        let error = #expect(throws: DataDirectory.LoadError.self) { try DataDirectory(overrides: newer).codebooks() }
        #expect(error?.description.contains("schemaVersion 3 is newer than this build understands (2)") == true, "\(String(describing: error))")
    }

    /// The survey list is the codebooks': `example --survey all` writes every survey with a codebook
    /// for the year, the new one included.
    @Test func exampleWritesEverySurveyOfTheYear() throws {
        let dir = try Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("examples").path
        let run = try CLIRunner.run(["example", "--survey-year", "2024-25", "--councils", "2", "--no-xlsx", "--data", dir.path, "-o", out],
                                    environment: Self.noOverride)
        #expect(run.status == 0, "\(run.stderr)")
        let header = try String(contentsOfFile: out + "/demo/returns.csv", encoding: .utf8).prefix { $0 != "," }
        #expect(header == "CouncilCode")
    }
}
