import Foundation
import Testing
import CareSurveyKit
@testable import SurveyExamples
import SurveyFiles
import SurveyModel

/// The example generator reads its answer profiles from data (`Examples/example-profiles.json`) and
/// still writes the bundled `Examples/` files byte for byte.
@Suite("caresurvey example: profiles as data")
struct ExampleProfileTests {
    /// The files of `Examples/` and the commands that write them (Examples/README.md).
    static let bundled: [(args: [String], files: [String])] = [
        (["--survey", "ascs", "--xlsx-councils", "3"], ["ascs/returns.csv", "ascs/population.csv", "ascs/xlsx/102.xlsx", "ascs/xlsx/174.xlsx", "ascs/xlsx/224.xlsx"]),
        (["--survey", "sace", "--no-xlsx"], ["sace/returns.csv", "sace/population.csv"]),
    ]

    @Test("the executable regenerates every bundled Examples/ file byte for byte")
    func regeneratesTheBundledExamples() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (args, _) in Self.bundled {
            let run = try CLIRunner.run(["example", "--councils", "20", "--seed", "1", "--output", dir.path] + args)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let expected = Self.bundled.flatMap(\.files).sorted()
        let written = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") || $0.hasSuffix(".xlsx") }
        #expect(written.sorted() == expected)
        let examples = Fixtures.root.appendingPathComponent("Examples")
        let bundled = try ["ascs", "sace"].flatMap { survey in
            try FileManager.default.subpathsOfDirectory(atPath: examples.appendingPathComponent(survey).path)
                .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".xlsx") }.map { survey + "/" + $0 }
        }
        #expect(bundled.sorted() == expected, "Examples/ holds files no command here writes")
        try #require(written.count == expected.count)
        for file in expected {
            let want = try Data(contentsOf: examples.appendingPathComponent(file))
            let actual = try Data(contentsOf: dir.appendingPathComponent(file))
            #expect(actual == want, "\(file) differs from Examples/\(file)")
        }
    }

    @Test("the profiles file is built in, versioned and describes both surveys' 2021-22 answers")
    func profilesFile() throws {
        let file = try ExampleProfileFile.load(from: DataDirectory.builtIn)
        #expect(file.schemaVersion == ExampleProfileFile.supportedVersion)
        #expect(file.surveys.map(\.survey) == ["ASCS", "SACE"])
        try #require(file.surveys.count == 2)
        for survey in file.surveys { #expect(survey.answers["2021-22"]?.shares?.isEmpty == false, "\(survey.survey)") }
    }

    @Test("a profiles file with a newer schemaVersion is refused, named")
    func newerVersionRefused() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("Examples")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"schemaVersion": 2, "surveys": []}"#.utf8).write(to: folder.appendingPathComponent("example-profiles.json"))
        let data = try DataDirectory.locate(dataOption: dir.path, environment: [:])
        #expect(throws: ExampleError.self) { try ExampleProfileFile.load(from: data) }
        let run = try CLIRunner.run(["example", "--councils", "1", "--data", dir.path, "--output", dir.appendingPathComponent("out").path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("example-profiles.json"), "\(run.stderr)")
    }

    @Test("a survey the profiles do not describe follows the generic model")
    func genericForUnknownSurvey() throws {
        let file = ExampleProfileFile(schemaVersion: 1, status: nil, source: nil, surveys: [])
        let codebook = try #require(Fixtures.toolkit.codebook(survey: "ascs", year: "2021-22"))
        #expect(file.profile(for: codebook).councilSize == ExampleProfile.generic.councilSize)
    }
}
