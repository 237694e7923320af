import Foundation
import Testing
@testable import SurveyFiles
import CareSurveyKit
import SurveyModel

/// `codebook --check` and the checks at every load: every shipped codebook passes; a broken copy
/// of each kind of rule fails, naming the file and the JSON path.
@Suite struct CodebookCheckTests {
    static let questionnaires = Fixtures.root.appendingPathComponent("Questionnaires")

    @Test func everyShippedCodebookPasses() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.questionnaires.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count == 4)
        for name in names {
            let outcome = CodebookFileCheck.check(path: Self.questionnaires.appendingPathComponent(name).path, models: Fixtures.toolkit.models)
            #expect(outcome.passed, "\(name): \(outcome.problems) \(outcome.unreadable ?? "")")
        }
    }

    /// The `--by` domain names come from the codebooks, not from code.
    @Test func domainNamesComeFromTheCodebooks() {
        #expect(DomainVariables.names == ["gender", "age-band", "ethnicity", "support-setting", "psr-group", "stratum"])
        #expect(DomainVariables.names(in: Fixtures.toolkit.codebooks.filter { $0.survey == "SACE" }) == ["gender", "age-band", "ethnicity", "stratum"])
    }

    /// A copy of ascs-2021-22.json with one change, written to a temporary folder.
    static func broken(_ edit: (inout [String: Any]) -> Void) throws -> String {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: questionnaires.appendingPathComponent("ascs-2021-22.json"))) as? [String: Any])
        edit(&json)
        let dir = Fixtures.temporaryDirectory().appendingPathComponent("Questionnaires")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("ascs-2021-22.json").path
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func set(_ json: inout [String: Any], _ list: String, _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var items = json[list] as! [[String: Any]]
        edit(&items[index])
        json[list] = items
    }

    static func nested(_ d: inout [String: Any], _ key: String, _ edit: (inout [String: Any]) -> Void) {
        var inner = d[key] as! [String: Any]
        edit(&inner)
        d[key] = inner
    }

    typealias Edit = @Sendable (inout [String: Any]) -> Void
    static let cases: [(String, String, Edit)] = [
        ("measures[2].flag.variable", "q99 is not a coded field or derived variable",
         { j in set(&j, "measures", 2) { m in nested(&m, "flag") { $0["variable"] = "q99" } } }),
        ("measures[5].flag.numerator", "q12 has no code 9",
         { j in set(&j, "measures", 5) { m in nested(&m, "flag") { $0["numerator"] = [2, 9] } } }),
        ("measures[1].eligible[1].in", "SupportSetting has no code 7",
         { j in set(&j, "measures", 1) { m in var e = m["eligible"] as! [[String: Any]]; e[1]["in"] = [7]; m["eligible"] = e } }),
        ("measures[1].score.include[0].model", "no score model \"nope\" in Weights/",
         { j in set(&j, "measures", 1) { m in nested(&m, "score") { s in var i = s["include"] as! [[String: Any]]; i[0]["model"] = "nope"; s["include"] = i } } }),
        ("fields[8].key", "\"gender\" is also the key of fields[7] (Gender)",
         { j in set(&j, "fields", 8) { $0["key"] = "gender" } }),
        ("fields[8].min", "Age: min 120 is above max 18",
         { j in set(&j, "fields", 8) { $0["min"] = 120; $0["max"] = 18 } }),
        // Answers are held in one byte per cell: codes and integer ranges beyond 0…254 are refused.
        ("fields[8].max", "Age: an integer field needs a max of at most 254",
         { j in set(&j, "fields", 8) { $0["max"] = 300 } }),
        ("fields[8].min", "Age: min -1 is below 0",
         { j in set(&j, "fields", 8) { $0["min"] = -1 } }),
        ("fields[7].codes", "Gender: code 255 is outside 0…254",
         { j in set(&j, "fields", 7) { f in var c = f["codes"] as! [[String: Any]]; c.append(["code": 255, "label": "x"]); f["codes"] = c } }),
        ("strata.rules[0].value", "300 is outside 0…254",
         { j in nested(&j, "strata") { s in var r = s["rules"] as! [[String: Any]]; r[0]["value"] = 300; s["rules"] = r } }),
        ("strata.rules[4]", "the last rule has conditions",
         { j in nested(&j, "strata") { s in var r = s["rules"] as! [[String: Any]]; r[4]["when"] = [["field": "Age", "min": 65]]; s["rules"] = r } }),
        ("strata.rules[4].value", "stratum 4 has no population in populations.sets[0] (stratum)",
         { j in nested(&j, "populations") { p in var sets = p["sets"] as! [[String: Any]]; var r = sets[0]["rules"] as! [[String: Any]]
             r.removeLast(); r.append(["when": ["Setting": ["Community"]], "stratum": 5]); sets[0]["rules"] = r; p["sets"] = sets } }),
        ("populations.sets[0].rules[3].when.Setting", "Setting has no value \"Home\"",
         { j in nested(&j, "populations") { p in var sets = p["sets"] as! [[String: Any]]; var r = sets[0]["rules"] as! [[String: Any]]
             r.insert(["when": ["Setting": ["Home"]], "stratum": 4], at: 3); sets[0]["rules"] = r; p["sets"] = sets } }),
        ("schemaVersion", "0 is not a version this build knows", { j in j["schemaVersion"] = 0 }),
        ("tables[0].question", "q99 is not a coded question", { j in set(&j, "tables", 0) { $0["question"] = "q99" } }),
        ("domains[0].field", "Sex is not a coded field or derived variable", { j in set(&j, "domains", 0) { $0["field"] = "Sex" } }),
        ("detect.all[0]", "Psr is not a field", { j in nested(&j, "detect") { $0["all"] = ["Psr", "q3a"] } }),
        ("multiTickGroups[0].fields[0]", "Gender is not a question",
         { j in set(&j, "multiTickGroups", 0) { $0["fields"] = ["Gender", "q19b"] } }),
        ("derived[0].source", "q1x is not a coded field or earlier derived variable", { j in set(&j, "derived", 0) { $0["source"] = "q1x" } }),
        ("councilField", "Council is not a field", { j in j["councilField"] = "Council" }),
        ("serialField", "Age must be a text field with valueRequired", { j in j["serialField"] = "Age" }),
        ("surveyName", "missing: schemaVersion 2 needs it", { j in j.removeValue(forKey: "surveyName") }),
    ]

    @Test(arguments: 0..<cases.count)
    func aBrokenRuleFailsWithTheFileAndJSONPath(index: Int) throws {
        let (path, message, edit) = Self.cases[index]
        let file = try Self.broken(edit)
        let outcome = CodebookFileCheck.check(path: file, models: Fixtures.toolkit.models)
        #expect(outcome.unreadable == nil)
        #expect(outcome.problems.contains { $0.path == path && $0.message.hasPrefix(message) }, "\(path): \(outcome.problems)")
        #expect(CodebookFileCheck.text([outcome]).contains("error: \(file): \(path): \(message)"))
        // The same checks run when a data folder with the broken copy loads.
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
        let error = #expect(throws: DataDirectory.LoadError.self) { try DataDirectory(overrides: folder).codebooks() }
        #expect(error?.description.contains("ascs-2021-22.json") == true && error?.description.contains("\(path): \(message)") == true, "\(String(describing: error))")
    }

    @Test func aTypeErrorNamesItsPathAndTheCommandExitsOne() throws {
        let bad = try Self.broken { j in Self.set(&j, "measures", 0) { $0["kind"] = 5 } }
        let outcome = CodebookFileCheck.check(path: bad, models: Fixtures.toolkit.models)
        #expect(outcome.unreadable?.contains("measures[0].kind") == true, "\(outcome.unreadable ?? "")")
        let broken = try Self.broken { j in Self.set(&j, "measures", 2) { m in Self.nested(&m, "flag") { $0["variable"] = "q99" } } }
        let run = try CLIRunner.run(["codebook", "--check", broken])
        #expect(run.status == 1)
        #expect(run.stdoutText.contains("error: \(broken): measures[2].flag.variable: q99 is not a coded field or derived variable"))
        let good = try CLIRunner.run(["codebook", "--check"] + ["ascs-2021-22", "ascs-2022-23", "sace-2021-22", "sace-2023-24"].map { "Questionnaires/\($0).json" })
        #expect(good.status == 0 && good.stdoutText.components(separatedBy: ": no problems").count == 5, "\(good.stdoutText)")
        let unreadable = try CLIRunner.run(["codebook", "--check", bad])
        #expect(unreadable.status == 3)
    }
}
