// The one model of the results JSON reads back exactly what `measures` writes.
import Foundation
import Testing
import SurveyModel
import SurveyReports
@testable import CareSurveyKit

@Suite("results JSON: one Codable model")
struct ResultsFileTests {
    @Test("decode(MeasuresJSON.render(report)) gives every result, published and suppressed")
    func roundTrip() throws {
        let dir = "Tests/Fixtures/sace"
        let prepared = try Fixtures.toolkit.prepare(returns: [Fixtures.root.appendingPathComponent(dir + "/carers-data.csv").path],
                                                    populationFiles: [Fixtures.root.appendingPathComponent(dir + "/population.csv").path],
                                                    options: .init())
        var options = EstimationOptions()
        options.domains = ["gender"]
        let report = try Fixtures.toolkit.measures(prepared, options: options)
        let file = try ResultsFile.decode(Data(MeasuresJSON.render(report).utf8))
        #expect(file.results.count == report.results.count)
        #expect(file.surveyYear == report.surveyYear && file.interval?.level == report.level)
        #expect(report.results.contains { $0.isSuppressed })
        for (a, b) in zip(file.results, report.results) {
            #expect(a.measure == b.measure && a.group == b.group && a.suppressed == b.isSuppressed)
            #expect(a.estimate == b.estimate?.estimate && a.standardError == b.estimate?.standardError)
            #expect(a.respondents?.marker == b.marker)
            if b.isSuppressed { #expect(a.cells == nil && a.population == nil && a.singleRespondentCells == nil) }
        }
    }

    @Test("one model writes and reads: the JSON written is the ResultsFile encoded, and decoding then encoding gives the same bytes")
    func writeIsTheModel() throws {
        let dir = "Tests/Fixtures/sace"
        let prepared = try Fixtures.toolkit.prepare(returns: [Fixtures.root.appendingPathComponent(dir + "/carers-data.csv").path],
                                                    populationFiles: [Fixtures.root.appendingPathComponent(dir + "/population.csv").path],
                                                    options: .init())
        var options = EstimationOptions()
        options.domains = ["gender"]
        let report = try Fixtures.toolkit.measures(prepared, options: options)
        let json = MeasuresJSON.render(report)
        #expect(try JSONValueEncoder.encode(MeasuresJSON.file(report)).serialized() == json)
        let file = try ResultsFile.decode(Data(json.utf8))
        #expect(file.results.count == report.results.count)
        #expect(file.aggregate?.label == report.aggregate.label && file.codebook?.id == report.codebookID)
        #expect(try JSONValueEncoder.encode(file).serialized() == json)
    }

    @Test("a file that is not a results JSON is an error saying what is missing")
    func errors() {
        #expect(throws: ResultsFile.DecodeError.notResults("not valid JSON")) { try ResultsFile.decode(Data("nope".utf8)) }
        #expect(throws: ResultsFile.DecodeError.self) { try ResultsFile.decode(Data("{\"schemaVersion\": 1}".utf8)) }
        #expect(throws: ResultsFile.DecodeError.unsupportedVersion(2)) { try ResultsFile.decode(Data("{\"schemaVersion\": 2, \"results\": []}".utf8)) }
    }
}
