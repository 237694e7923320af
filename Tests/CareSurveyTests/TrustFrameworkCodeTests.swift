import Foundation
import Testing
@testable import CareSurveyKit
import SurveyModel
import SurveyFiles

/// Issue 18, item 4: published figures are read in the ASCOF numbering of their year.
@Suite struct TrustFrameworkCodeTests {
    /// Published figures up to 2021-22 use the old codes: 1B then meant control (now 3A), and used
    /// to be compared with today's 1B (adjusted SCRQoL): `1B 80.10 → 0.51 declined`.
    @Test func oldCodesAreReadByTheirYear() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("published.csv").path
        try """
        measure,council,estimate,marginOfError,surveyYear
        1B,England,80.10,1.2,2021-22
        1J,England,0.41,0.01,2021-22
        ZZ9,England,50,1,2021-22
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let figures = try Fixtures.toolkit.readPublished(path, surveyYear: nil)
        #expect(figures.inputs.count == 2)
        let control = try #require(figures.inputs.first)
        #expect(control.measure == "3A")
        #expect(abs(control.estimate - 0.801) < 1e-12)
        #expect(figures.inputs.last?.measure == "1B")
        #expect(figures.notes.contains { $0.contains("ZZ9") && $0.contains("not compared") })
    }

    @Test func todaysCodesAreReadAsToday() throws {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("published.csv").path
        try "measure,council,estimate,marginOfError,surveyYear\n1B,England,0.44,0.01,2023-24\n".write(toFile: path, atomically: true, encoding: .utf8)
        let figures = try Fixtures.toolkit.readPublished(path, surveyYear: nil)
        #expect(figures.inputs.map(\.measure) == ["1B"])
    }
}
