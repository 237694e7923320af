import Foundation
import Testing

/// `benchmark --targets FILE` (benchmarking.md §6): each result's RAG status against its measure's
/// target, in the measure's published unit, by polarity, with the amber band and whether the target
/// lies outside the council's 95% interval; bad files are refused naming the line.
@Suite("Benchmark --targets")
struct BenchmarkTargetsTests {
    static let input = Fixtures.path("published/ascof-2022-23-old-columns.csv")

    static func run(_ targets: String, format: String = "json") throws -> CLIRunner.Outcome {
        let dir = Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("targets.csv").path
        try targets.write(toFile: file, atomically: true, encoding: .utf8)
        return try CLIRunner.run(["benchmark", input, "--council", "702", "--targets", file, "--format", format, "--draws", "1000"])
    }

    static func result(_ results: [[String: Any]], _ measure: String) throws -> [String: Any] {
        try #require(results.first { $0["measure"] as? String == measure && $0["breakdown"] as? String == "Total" })
    }

    @Test func ragByPolarityAmberBandAndClearness() throws {
        // Camden 2022-23 (fixture): 1A 20.10 (95% interval 19.72–20.48), 1B control 77.0%, 2A1 admissions 15.7 per 100,000 (lower is better).
        // Codes in the newest numbering first (as trend): 3A = control over daily life, 2B = admissions of people 18–64.
        let run = try Self.run("measure,target,amber\n1A,20.3,0.1\n3A,78,2\n2B,16\n")
        #expect(run.status == 0, "\(run.stderr)")
        let results = try BenchmarkCommandTests.results(run.stdoutText)
        #expect(results.count == 6)
        let qol = try #require(Self.result(results, "1A")["target"] as? [String: Any])
        // short by 0.2 > amber 0.1: RED, but 20.3 lies inside 19.72–20.48: not clear.
        #expect(qol["rag"] as? String == "red" && qol["clear"] as? Bool == false)
        #expect(abs((qol["shortfall"] as? Double ?? 9) - 0.2) < 1e-9 && qol["value"] as? Double == 20.3 && qol["amber"] as? Double == 0.1)
        let control = try #require(Self.result(results, "3A")["target"] as? [String: Any])
        // 77.0% against 78% with a 2-point band: AMBER; target stored as a fraction like the estimate.
        #expect(control["rag"] as? String == "amber")
        #expect(abs((control["value"] as? Double ?? 9) - 0.78) < 1e-12 && abs((control["amber"] as? Double ?? 9) - 0.02) < 1e-12)
        let admissions = try #require(Self.result(results, "2B")["target"] as? [String: Any])
        // lower is better: 15.7 under 16 meets it.
        #expect(admissions["rag"] as? String == "green" && (admissions["shortfall"] as? Double ?? 9) < 0)
        // No target for the other measures: null, never a made-up status.
        #expect(try Self.result(results, "1D")["target"] is NSNull)
        // The breakdown rows get their own status (1A, Female, 19.90 against 20.3).
        let female = try #require(results.first { $0["measure"] as? String == "1A" && $0["breakdown"] as? String == "Female" })
        #expect((female["target"] as? [String: Any])?["rag"] as? String == "red")
    }

    @Test func clearRedOutsideTheInterval() throws {
        let run = try Self.run("1A,21\n")
        let qol = try #require(Self.result(try BenchmarkCommandTests.results(run.stdoutText), "1A")["target"] as? [String: Any])
        #expect(qol["rag"] as? String == "red" && qol["clear"] as? Bool == true && qol["amber"] is NSNull)
    }

    @Test func csvAndTextCarryTheStatus() throws {
        let csv = try Self.run("1A,20.3,0.1\n", format: "csv")
        let lines = csv.stdoutText.split(separator: "\n").map(String.init)
        try #require(lines.count == 7)
        #expect(lines[0].hasSuffix(",measureName,target,amber,rag,targetShortfall,targetClear"))
        #expect(lines.contains { $0.hasPrefix("1A,2022-23,Total,702,") && $0.hasSuffix(",20.3,0.1,red,0.1999999999999993,false") })
        let text = try Self.run("1A,20.3,0.1\n", format: "text")
        #expect(text.stdoutText.contains("20.30 RED") && text.stdoutText.contains("target: RAG against the targets file"))
    }

    @Test func badTargetsAreRefusedNamingTheLine() throws {
        let unknown = try Self.run("measure,target\n9Z,50\n")
        #expect(unknown.status == 2 && unknown.stderr.contains("row 2") && unknown.stderr.contains("9Z"), "\(unknown.stderr)")
        let notNumber = try Self.run("measure,target\n1A,high\n")
        #expect(notNumber.status == 2 && notNumber.stderr.contains("row 2") && notNumber.stderr.contains("not a number"), "\(notNumber.stderr)")
        let unused = try Self.run("1A,20\n4A,1\n")
        #expect(unused.status == 0)
        let notes = try #require(try JSONSerialization.jsonObject(with: unused.stdout) as? [String: Any])["notes"] as? [String]
        #expect(notes?.contains { $0.contains("target for") && $0.contains("not used") } == true, "\(notes ?? [])")
    }
}
