import Foundation
import Testing
import SurveyModel
import SurveyFiles
@testable import SurveyBenchmark

/// Multi-year series from mixed inputs, joined across the 2023-24 renumbering by the real measure
/// catalogue (`Reference/ascof-measures.json`), split at definition changes.
@Suite("Trend: series across framework years")
struct SeriesBuilderTests {
    static let catalogue: MeasureCatalogue = {
        do { return try Fixtures.toolkit.data.measureCatalogue() } catch { fatalError("catalogue: \(error)") }
    }()

    func published(_ code: String, _ year: String, _ value: Double, council: String = "716", source: String = "ascof.csv") -> TrendObservation {
        TrendObservation(code: code, scheme: .framework, level: .council, area: council, name: "Council \(council)",
                         point: TrendPoint(year: year, estimate: value, standardError: 0.01, source: "\(year) \(source)"))
    }

    func series(_ built: [TrendSeries], _ id: String, council: String = "716") throws -> TrendSeries {
        try #require(built.first { $0.measure.id == id && $0.area == council }, "no series \(id) for \(council)")
    }

    @Test func renumberingJoinsOldAndNewCodes() throws {
        let obs = [
            published("1I1", "2019-20", 0.44), published("1I1", "2020-21", 0.40), published("1I1", "2021-22", 0.43),
            published("1I1", "2022-23", 0.45), published("5A1", "2023-24", 0.46), published("5A(1)", "2024-25", 0.47),
            // 1B is control over daily life (now 3A) before 2023-24, and adjusted quality of life (was 1J) from 2023-24.
            published("1B", "2022-23", 0.77), published("3A", "2023-24", 0.78),
            published("1J", "2022-23", 0.40), published("1B", "2023-24", 0.41),
            // 3A before 2023-24 is satisfaction (now 1D).
            published("3A", "2022-23", 0.62), published("1D", "2023-24", 0.63),
            // CareSurvey's own results use the stable codes whatever the year.
            TrendObservation(code: "3A", scheme: .stable, level: .council, area: "716",
                             point: TrendPoint(year: "2021-22", estimate: 0.76, standardError: 0.012, source: "measures-2021-22.json")),
        ]
        let (built, diagnostics) = SeriesBuilder.build(obs, catalogue: Self.catalogue)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(built.count == 4)
        let social = try series(built, "5A1")
        #expect(social.points.map(\.year) == ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"])
        #expect(social.codes["2022-23"] == "1I1" && social.codes["2023-24"] == "5A1")
        #expect(social.displayCode == "5A1 (was 1I1)")
        #expect(try series(built, "3A").displayCode == "3A (was 1B)")
        #expect(social.breaks.isEmpty)
        // The voluntary 2020-21 survey is a single-year break: shown, excluded from tests.
        #expect(social.points[1].excluded != nil)
        #expect(social.points.filter { $0.excluded != nil }.count == 1)

        let control = try series(built, "3A")
        #expect(control.points.map(\.year) == ["2021-22", "2022-23", "2023-24"])
        #expect(control.points.map { $0.estimate! } == [0.76, 0.77, 0.78])
        #expect(control.codes["2022-23"] == "1B" && control.codes["2023-24"] == "3A")
        let adjusted = try series(built, "1B")
        #expect(adjusted.points.map { $0.estimate! } == [0.40, 0.41])
        #expect(adjusted.codes["2022-23"] == "1J")
        let satisfaction = try series(built, "1D")
        #expect(satisfaction.points.map { $0.estimate! } == [0.62, 0.63])
    }

    @Test func definitionChangeSplitsTheSeries() throws {
        // 2E (was 1G): 1G covered adults with a learning disability only; a series break from 2023-24.
        let years = ["2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]
        var obs: [TrendObservation] = []
        for (i, y) in years.enumerated() {
            obs.append(published(y < "2023-24" ? "1G" : "2E", y, 0.70 + 0.02 * Double(i)))
        }
        let (built, diagnostics) = SeriesBuilder.build(obs, catalogue: Self.catalogue)
        #expect(diagnostics.isEmpty)
        let s = try series(built, "2E")
        #expect(s.points.count == 7)
        try #require(s.breaks.count >= 1)
        let b = try #require(s.breaks.first { $0.after == "2023-24" })
        #expect(b.before == "2022-23")
        #expect(b.reason.contains("learning disability"))
        // The last five points span the break: no trend is declared, and the reason says why.
        let trend = RecentTrendTest.test(s.points, breaks: s.breaks, polarity: s.measure.polarity)
        #expect(trend.direction == .notTested)
        #expect(trend.reason == .breakInSeries)
        #expect(trend.points == 2)
        // The change across the break is shown, flagged not comparable.
        let changes = DirectionOfTravel.changes([.init(points: s.points, breaks: s.breaks, polarity: s.measure.polarity)], options: .init())[0]
        #expect(changes.first { $0.to == "2023-24" }?.comparable == false)
        #expect(changes.first { $0.to == "2024-25" }?.comparable == true)
    }

    @Test func unknownCodesAndDuplicateYearsAreReported() throws {
        let obs = [published("1I1", "2022-23", 0.45), published("1I1", "2022-23", 0.99, source: "other.csv"),
                   published("9Z", "2022-23", 0.5), published("5A1", "2022-23", 0.5)]
        let (built, diagnostics) = SeriesBuilder.build(obs, catalogue: Self.catalogue)
        #expect(built.count == 1)
        #expect(built[0].points.count == 1 && built[0].points[0].estimate == 0.45)
        #expect(diagnostics.contains { $0.rule == "duplicate-year" })
        // 9Z is unknown; 5A1 is not a code in the pre-2023-24 numbering.
        let unknown = diagnostics.filter { $0.rule == "unknown-measure" }
        #expect(unknown.count == 2)
        #expect(unknown.contains { $0.message.contains("9Z") } && unknown.contains { $0.message.contains("5A1 in 2022-23") })
    }
}
