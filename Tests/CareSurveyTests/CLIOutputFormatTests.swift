// Outputs as asked (#18 item 7): the format follows --output's extension when --format is not
// given; a format a command cannot write is a usage error; `scores` honours --format.
import Foundation
import Testing

@Suite("caresurvey outputs as asked")
struct CLIOutputFormatTests {
    static let returns = "Tests/Fixtures/sace/carers-data.csv"
    static let population = "Tests/Fixtures/sace/population.csv"

    func written(_ args: [String], file name: String) throws -> (CLIRunner.Outcome, String) {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        let outcome = try CLIRunner.run(args + ["--output", path])
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (outcome, text)
    }

    @Test("-o results.csv writes CSV, -o results.json JSON, -o results.txt text", arguments: ["measures", "tables", "compare", "validate"])
    func extensionChoosesFormat(command: String) throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("base.json").path
        try #require(try CLIRunner.run(["measures", Self.returns, "--population", Self.population, "--output", base]).status == 0)
        let args: [String]
        switch command {
        case "compare": args = ["compare", "--before", base, "--after", Self.returns, "--after-population", Self.population]
        case "validate": args = ["validate", Self.returns]
        default: args = [command, Self.returns, "--population", Self.population]
        }
        let (csv, csvText) = try written(args, file: "results.csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(!csvText.isEmpty && !csvText.hasPrefix("{") && csvText.split(separator: "\n").first?.contains(",") == true)
        let (json, jsonText) = try written(args, file: "results.JSON")
        #expect(json.status == 0)
        #expect(jsonText.hasPrefix("{"))
        #expect((try? JSONSerialization.jsonObject(with: Data(jsonText.utf8))) != nil)
        let (text, plain) = try written(args, file: "results.txt")
        #expect(text.status == 0)
        #expect(!plain.isEmpty && !plain.hasPrefix("{"))
    }

    @Test("a format the command cannot write is a usage error", arguments: [
        ["measures", returns, "--population", population, "--format", "html"],
        ["tables", returns, "--population", population, "--format", "html"],
        ["validate", returns, "--format", "html"],
        ["scores", returns, "--format", "text"],
        ["plan", "--population", "1000", "--format", "csv"],
        ["measures", returns, "--population", population, "--output", "/tmp/caresurvey-never-written.html"],
    ])
    func unwritableFormat(args: [String]) throws {
        let outcome = try CLIRunner.run(args)
        #expect(outcome.status == 2, "\(args): \(outcome.status)")
        #expect(outcome.stderr.contains("writes"))
        #expect(outcome.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/caresurvey-never-written.html"))
    }

    @Test("scores honours --format json and the .json extension; CSV otherwise")
    func scoresFormat() throws {
        let json = try CLIRunner.run(["scores", Self.returns, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdoutText.hasPrefix("{") || json.stdoutText.hasPrefix("["))
        let (byName, text) = try written(["scores", Self.returns], file: "scores.json")
        #expect(byName.status == 0)
        #expect(text.hasPrefix("{") || text.hasPrefix("["))
        let csv = try CLIRunner.run(["scores", Self.returns])
        #expect(csv.status == 0)
        #expect(csv.stdoutText.hasPrefix("LaCode") || csv.stdoutText.split(separator: "\n").first?.contains(",") == true)
    }

    @Test("an explicit --format wins over the extension")
    func explicitFormatWins() throws {
        let (outcome, text) = try written(["measures", Self.returns, "--population", Self.population, "--format", "json"], file: "x.csv")
        #expect(outcome.status == 0)
        #expect(text.hasPrefix("{"))
    }
}
