// `caresurvey report --targets FILE` (benchmarking.md §6): the targets section of the HTML report,
// read as `trend` reads targets (published units), its RAG equal to TargetStatus on the council's
// own results, boundary values included.

import Foundation
import Testing

@Suite("Report: --targets")
struct ReportTargetsTests {
    static let set = "Tests/Fixtures/conformance/ascs-2021-22-twenty/after"

    @Test func targetsSectionMatchesTheResults() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let measures = try CLIRunner.run(["measures", "\(Self.set)/returns.csv", "--population", "\(Self.set)/population.csv", "--format", "json"])
        try #require(measures.status == 0, "\(measures.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: measures.stdout) as? [String: Any])
        let results = try #require(doc["results"] as? [[String: Any]])
        func council(_ m: String) throws -> [String: Any] {
            try #require(results.first { $0["measure"] as? String == m && ($0["group"] as? [String: Any])?["council"] as? String == "716" })
        }
        let control = try council("3A"), quality = try council("1A")
        let controlPercent = (control["estimate"] as! Double) * 100
        let qualityValue = quality["estimate"] as! Double
        // 3A exactly on its target (GREEN); 1A short by exactly the amber band (AMBER); 1D far above (RED, clear).
        let targets = dir.appendingPathComponent("targets.csv")
        try "measure,target,amber\n3A,\(controlPercent)\n1A,\(qualityValue + 0.2),0.2\n1D,99\n".write(to: targets, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("report.html").path
        let report = try CLIRunner.run(["report", "\(Self.set)/returns.csv", "--population", "\(Self.set)/population.csv", "--council", "716",
                                        "--targets", targets.path, "-o", out])
        try #require(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(ReportTests.problems(in: html).isEmpty)
        let section = try #require(html.firstMatch(of: /<section id="targets">(.*?)<\/section>/.dotMatchesNewlines())?.output.1)
        let rows = section.components(separatedBy: "<tr><th scope=\"row\">").dropFirst()
        #expect(rows.count == 3)
        func row(_ code: String) throws -> String { try #require(rows.first { $0.hasPrefix("<span class=\"code\">\(code)") }, "no row for \(code)") }
        #expect(try row("3A").contains("GREEN"))
        #expect(try row("1A").contains("AMBER"))
        let satisfaction = try row("1D")
        #expect(satisfaction.contains("RED") && satisfaction.contains("outside the 95% interval") && satisfaction.contains("99.0%"))
        // The section sits inside the report's main element, before its end.
        #expect(html.range(of: "<section id=\"targets\">")!.lowerBound < html.range(of: "</main>")!.lowerBound)

        // A bad targets file is refused with the row named; --peers is only for --dashboard.
        try "measure,target\n9Z,50\n".write(to: targets, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["report", "\(Self.set)/returns.csv", "--population", "\(Self.set)/population.csv", "--targets", targets.path, "-o", out])
        #expect(bad.status == 2 && bad.stderr.contains("9Z"), "\(bad.stderr)")
        let peers = try CLIRunner.run(["report", "\(Self.set)/returns.csv", "--population", "\(Self.set)/population.csv",
                                       "--peers", "Tests/Fixtures/trend/peers.csv", "-o", out])
        #expect(peers.status == 2 && peers.stderr.contains("--dashboard"), "\(peers.stderr)")
    }
}
