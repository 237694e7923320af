import Foundation
import Testing
import SurveyEstimation
import SurveyModel

/// Issue 18, item 6 (caveats) and item 9: intervals of zero width or from very small bases carry
/// a caveat in every output; text and CSV carry measure names and answer labels beside codes; a
/// provisional codebook is flagged in every output.
@Suite struct TrustOutputLabelTests {
    static let sace = DisclosureTypedResultTests.returns
    static let sacePopulation = DisclosureTypedResultTests.population
    static let ascs = TrustInputTests.returns
    static let ascsPopulation = TrustInputTests.population

    static func rows(_ csv: String) throws -> (header: [String], rows: [[String]]) {
        let parsed = try CSVTestParser.parse(csv)
        let header = try #require(parsed.first)
        return (header, Array(parsed.dropFirst()))
    }

    // MARK: Caveats

    @Test("a zero-width interval and a very small base each get a caveat; a suppressed result none")
    func caveatRule() {
        let small = Estimate(estimate: 1, standardError: 0, respondents: 3, population: 40, cells: 1, singleRespondentCells: 0, designEffect: nil)
        let caveat = IntervalCaveat.caveat(for: small, lower: 1, upper: 1)
        #expect(caveat?.contains("zero-width interval") == true)
        #expect(caveat?.contains("very small base (n = 3") == true)
        let large = Estimate(estimate: 0.6, standardError: 0.03, respondents: 300, population: 900, cells: 2, singleRespondentCells: 0, designEffect: 1)
        #expect(IntervalCaveat.caveat(for: large, lower: 0.54, upper: 0.66) == nil)
        #expect(IntervalCaveat.caveat(for: large, lower: 0.6, upper: 0.6)?.contains("zero-width") == true)
        var r = MeasureResult(measure: "3A", formerCode: nil, name: "x", kind: .proportion, group: .england, estimate: small,
                              lower: 1, upper: 1, disclosureCount: 3)
        #expect(r.caveat != nil)
        r.applyDisclosureControl(threshold: 4)
        #expect(r.caveat == nil, "a suppressed result shows nothing, not even a caveat naming n")
    }

    /// Domain estimates with n = 3 used to print zero-width intervals without a caveat.
    @Test("measures and tables by domain: every published result with a zero-width interval or a small base has the caveat in text, CSV and JSON",
          arguments: ["measures", "tables"])
    func caveatsInEveryOutput(command: String) throws {
        let args = [command, Self.sace, "--population", Self.sacePopulation, "--by", "council,gender"]
        let json = try CLIRunner.run(args + ["--format", "json"])
        try #require(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let results = try #require((object["results"] ?? object["tables"]) as? [[String: Any]])
        func needsCaveat(_ r: [String: Any]) -> Bool {
            guard r["suppressed"] as? Bool == false, let n = r["respondents"] as? Int, let lo = r["lower"] as? Double,
                  let hi = r["upper"] as? Double else { return false }
            return n < IntervalCaveat.smallBase || hi - lo == 0
        }
        let flagged = results.filter(needsCaveat)
        #expect(flagged.count >= 1, "the fixture must give small bases")
        for r in results {
            #expect((r["caveat"] as? String != nil) == needsCaveat(r), "\(r)")
        }
        let csv = try Self.rows(try CLIRunner.run(args + ["--format", "csv"]).stdoutText)
        let caveat = try #require(csv.header.firstIndex(of: "caveat"))
        #expect(csv.rows.count == results.count)
        #expect(csv.rows.filter { !$0[caveat].isEmpty }.count == flagged.count)
        let text = try CLIRunner.run(args + ["--format", "text"]).stdoutText
        #expect(text.components(separatedBy: "      ! ").count - 1 == flagged.count)
    }

    @Test("the HTML report shows the caveat beside a small council's figures")
    func caveatInHTML() throws {
        let out = Fixtures.temporaryDirectory().appendingPathComponent("report.html").path
        let run = try CLIRunner.run(["report", Self.sace, "--population", Self.sacePopulation, "--council", "614", "--output", out])
        try #require(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<span class=\"caveat\">⚠ very small base"))
    }

    // MARK: Names and labels

    @Test("tables CSV: each code has its question's name and its answer label from the codebook beside it")
    func answerLabels() throws {
        let csv = try Self.rows(try CLIRunner.run(["tables", Self.ascs, "--population", Self.ascsPopulation, "--format", "csv"]).stdoutText)
        let (q, code, name, label) = try (#require(csv.header.firstIndex(of: "question")), #require(csv.header.firstIndex(of: "code")),
                                          #require(csv.header.firstIndex(of: "name")), #require(csv.header.firstIndex(of: "label")))
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.id == "ascs-2021-22" })
        #expect(csv.rows.count > 100)
        for row in csv.rows {
            #expect(row[name] == codebook.field(row[q])?.label)
            #expect(row[label] == codebook.answerLabel(question: row[q], code: Int(row[code]) ?? -1) ?? "")
            #expect(!row[label].isEmpty, "\(row[q]) code \(row[code]) has a label")
        }
        let q4a = try #require(csv.rows.first { $0[q] == "q4a" && $0[code] == "4" })
        #expect(q4a[label].contains("clean"))
    }

    @Test("measures CSV: each measure code has its name from the measure catalogue beside it")
    func measureNames() throws {
        let csv = try Self.rows(try CLIRunner.run(["measures", Self.ascs, "--population", Self.ascsPopulation, "--format", "csv"]).stdoutText)
        let (m, name) = try (#require(csv.header.firstIndex(of: "measure")), #require(csv.header.firstIndex(of: "name")))
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.id == "ascs-2021-22" })
        #expect(csv.rows.count >= 8 * 21)
        for row in csv.rows {
            #expect(row[name] == codebook.measures.first { $0.code == row[m] }?.name, "\(row[m])")
        }
    }

    // MARK: Provisional codebooks

    @Test("a provisional codebook is flagged in text, CSV, JSON and HTML; a verified one is not", arguments: [true, false])
    func provisionalFlag(provisional: Bool) throws {
        let args = provisional ? [Self.sace, "--population", Self.sacePopulation] : [Self.ascs, "--population", Self.ascsPopulation]
        let status = provisional ? "provisional" : "verified"
        for command in ["measures", "tables"] {
            let text = try CLIRunner.run([command] + args + ["--format", "text"])
            try #require(text.status == 0, "\(text.stderr)")
            #expect(text.stdoutText.split(separator: "\n").dropFirst().first?.hasPrefix("PROVISIONAL codebook") == provisional, "\(command) text")
            let csv = try Self.rows(try CLIRunner.run([command] + args + ["--format", "csv"]).stdoutText)
            let column = try #require(csv.header.firstIndex(of: "codebookStatus"))
            #expect(!csv.rows.isEmpty && csv.rows.allSatisfy { $0[column] == status }, "\(command) CSV")
            let json = try CLIRunner.run([command] + args + ["--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
            #expect((object["codebook"] as? [String: Any])?["status"] as? String == status, "\(command) JSON")
        }
        let out = Fixtures.temporaryDirectory().appendingPathComponent("report.html").path
        let run = try CLIRunner.run(["report"] + args + ["--output", out])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("provisional codebook") == provisional)
    }

    @Test("compare: text and CSV carry each measure's name beside its code")
    func compareNames() throws {
        let t = "Tests/Fixtures/conformance/ascs-2021-22-twenty/"
        let args = ["compare", "--before", t + "before/returns.csv", "--before-population", t + "before/population.csv",
                    "--after", t + "after/returns.csv", "--after-population", t + "after/population.csv"]
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.id == "ascs-2021-22" })
        let text = try CLIRunner.run(args + ["--format", "text"])
        try #require(text.status == 0, "\(text.stderr)")
        for m in codebook.measures { #expect(text.stdoutText.contains("\n\(m.code) \(m.name)\n"), "\(m.code)") }
        let csv = try Self.rows(try CLIRunner.run(args + ["--format", "csv"]).stdoutText)
        let (measure, name) = try (#require(csv.header.firstIndex(of: "measure")), #require(csv.header.firstIndex(of: "name")))
        #expect(csv.rows.count >= 8 * 21)
        for row in csv.rows { #expect(row[name] == codebook.measures.first { $0.code == row[measure] }?.name) }
    }

    @Test("validate: a provisional codebook is flagged in text and JSON")
    func validateFlagsProvisional() throws {
        let text = try CLIRunner.run(["validate", Self.sace, "--format", "text"])
        #expect(text.stdoutText.contains("sace-2021-22 (PROVISIONAL codebook)"))
        let json = try CLIRunner.run(["validate", Self.sace, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(!files.isEmpty && files.allSatisfy { $0["codebookStatus"] as? String == "provisional" })
        let verified = try CLIRunner.run(["validate", Self.ascs, "--format", "text"])
        #expect(!verified.stdoutText.contains("PROVISIONAL"))
    }
}
