// Every output at --level 0.9 shows 90% figures: JSON, CSV, text, answer tables and the HTML
// report take their multiplier from the level (CriticalValue), never a fixed 1.96.
import Foundation
import Testing
import SurveyEstimation
import SurveyReports

@Suite("--level 0.9: every output shows 90% figures")
struct CLILevelTests {
    static let returns = "Tests/Fixtures/sace/carers-data.csv"
    static let population = "Tests/Fixtures/sace/population.csv"
    /// R: qnorm(0.95) = 1.6448536269514722.
    static let z90 = 1.6448536269514722

    func run(_ args: [String]) throws -> String {
        let outcome = try CLIRunner.run(args + ["--level", "0.9"])
        try #require(outcome.status == 0, "\(args): \(outcome.stderr)")
        return outcome.stdoutText
    }

    @Test("the one critical value: 1.96 at 95% (published), Φ⁻¹(1 − α/2) otherwise; p from the survival function")
    func criticalValue() {
        #expect(CriticalValue.z(level: 0.95) == 1.96)
        #expect(abs(CriticalValue.z(level: 0.9) - Self.z90) < 1e-12)
        #expect(abs(CriticalValue.exactZ(level: 0.95) - 1.959963984540054) < 1e-12)
        // R: qt(0.975, 10) = 2.228138851986274; 2 * pnorm(-9) = 2.257176811907681e-19.
        #expect(abs(CriticalValue.t(level: 0.95, degreesOfFreedom: 10) - 2.228138851986274) < 1e-9)
        #expect(abs(CriticalValue.twoSidedP(z: 9) / 2.257176811907681e-19 - 1) < 1e-9)
        #expect(CriticalValue.twoSidedP(z: 0) == 1)
    }

    @Test("measures and tables, JSON and CSV: upper − lower = 2 × 1.645 × SE for every published result", arguments: ["measures", "tables"])
    func jsonAndCSV(command: String) throws {
        let json = try run([command, Self.returns, "--population", Self.population, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["interval"] as? [String: Any])?["level"] as? Double == 0.9)
        let rows = try #require((object["results"] ?? object["tables"]) as? [[String: Any]])
        let published = rows.filter { $0["estimate"] is Double }
        #expect(published.count >= 10)
        for r in published {
            let se = try #require(r["standardError"] as? Double), lo = try #require(r["lower"] as? Double), hi = try #require(r["upper"] as? Double)
            #expect(close(hi - lo, 2 * Self.z90 * se, rel: 1e-9, abs: 1e-12), "\(r)")
        }
        let csv = try run([command, Self.returns, "--population", Self.population, "--format", "csv"])
        let lines = try CSVTestParser.parse(csv)
        let header = try #require(lines.first)
        let (seCol, loCol, hiCol) = (try #require(header.firstIndex(of: "standardError")), try #require(header.firstIndex(of: "lower")),
                                     try #require(header.firstIndex(of: "upper")))
        let numeric = lines.dropFirst().filter { $0.count == header.count && Double($0[seCol]) != nil }
        #expect(numeric.count == published.count)
        for row in numeric {
            let se = Double(row[seCol])!, lo = Double(row[loCol])!, hi = Double(row[hiCol])!
            #expect(close(hi - lo, 2 * Self.z90 * se, rel: 1e-9, abs: 1e-12))
        }
    }

    @Test("text: the measures heading and every answer-table margin are at 90%")
    func text() throws {
        let measures = try run(["measures", Self.returns, "--population", Self.population, "--format", "text"])
        #expect(measures.contains("90% intervals"))
        #expect(!measures.contains("95%"))
        let tables = try run(["tables", Self.returns, "--population", Self.population, "--format", "text"])
        #expect(tables.contains("at 90%"))
        let json = try run(["tables", Self.returns, "--population", Self.population, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let margins = ((object["tables"] as? [[String: Any]]) ?? []).compactMap { r -> String? in
            (r["standardError"] as? Double).map { MeasuresText.fixed($0 * Self.z90 * 100, 1) }
        }
        let shown = tables.split(separator: "\n").dropFirst().compactMap { line -> String? in
            line.range(of: "±").map { String(line[$0.upperBound...]).trimmingCharacters(in: .whitespaces) }
        }
        #expect(shown.count == margins.count)
        #expect(shown.count >= 10)
        for (a, b) in zip(shown, margins) { #expect(a == b) }
    }

    @Test("the HTML report: 90% in every heading and method note, ±1.645 SE, no 95% wording")
    func html() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let previous = dir.appendingPathComponent("previous.json").path
        try #require(try CLIRunner.run(["measures", Self.returns, "--population", Self.population, "--output", previous]).status == 0)
        let path = dir.appendingPathComponent("report.html").path
        _ = try run(["report", Self.returns, "--population", Self.population, "--previous", previous, "--output", path])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("90%"))
        #expect(html.contains("1.645"))
        #expect(!html.contains("1.96"))
        for phrase in ["95% CI", "95% interval", "95% confidence", "at 95%"] { #expect(!html.contains(phrase), "\(phrase)") }
    }
}
