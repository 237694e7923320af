import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyReports
import SurveyModel
import SurveyFiles

/// Issue 18, item 5: the aggregate of the loaded councils is England only when it is.
@Suite struct TrustNamingTests {
    /// A council lead loading one council used to read "compared with England (all 1 councils)", "rank 1 of 1".
    @Test func oneCouncilIsNotEngland() throws {
        let prepared = try Fixtures.toolkit.prepare(returns: [TrustInputTests.workbook102], populationFiles: [], options: LoadOptions())
        let report = try Fixtures.toolkit.measures(prepared, options: EstimationOptions())
        #expect(report.aggregate.label == "all councils loaded (1)")
        #expect(report.aggregate.rankBase(1) == "of 1 loaded")
        let text = MeasuresText.render(report)
        #expect(text.contains("all councils loaded (1)"))
        #expect(!text.contains("  England "))
        #expect(MeasuresJSON.render(report).contains("\"label\": \"all councils loaded (1)\""))
        let tables = try Fixtures.toolkit.tables(prepared, options: EstimationOptions())
        #expect(tables.aggregate.label == "all councils loaded (1)")
    }

    /// The example's 20 councils are not all councils of 2021-22 either.
    @Test func twentyCouncilsAreNotEngland() throws {
        let prepared = try Fixtures.toolkit.prepare(returns: [TrustInputTests.returns], populationFiles: [TrustInputTests.population], options: LoadOptions())
        #expect(Fixtures.toolkit.aggregateName(prepared) == AggregateName(councils: 20, isEngland: false))
        #expect(AggregateName(councils: 152, isEngland: true).label == "England")
        #expect(AggregateName(councils: 152, isEngland: true).rankBase(152) == "of 152")
    }
}
