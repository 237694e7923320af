import Foundation
import Testing
import CareSurveyKit
import SurveyFiles
import SurveyModel
import SurveyBenchmark

/// The annex tables' answers as ASCOF measures (`Reference/annex-measures.json`): the real 2020-21
/// annex tables give six survey measures for the 18 councils that took part, ranked like the ASCOF
/// file's; sums of answers equal the published percentages added, single answers keep their margin of
/// error, councils with `[x]` are never ranked.
@Suite("Benchmark: annex-table answers mapped to measures")
struct AnnexMeasuresTests {
    static let annex = Fixtures.path("published/ascs-annex-tables-2020-21.xlsx")

    @Test func mappingLoadsAndNamesCatalogueMeasuresAndRealAnswers() throws {
        let data = DataDirectory(root: Fixtures.root)
        let map = try data.annexMeasures()
        let catalogue = try data.measureCatalogue()
        #expect(map.mappings.count >= 6)
        for m in map.mappings {
            let measure = try #require(catalogue.measure(id: m.measure), "\(m.measure)")
            #expect(measure.source == .survey && measure.unit == .percent, "\(m.measure): only survey proportions can be summed from answers")
        }
        let tables = try AnnexTablesReader.read(path: Self.annex, year: nil)
        // Every 2020-21 mapping finds its question and every one of its answers in the real file.
        for m in map.mappings where m.applies(to: "2020-21") {
            let labels = Set(tables.answers.filter { $0.area == "211" && m.matches(heading: $0.question) }.map(\.answer))
            #expect(m.answers.allSatisfy { a in labels.contains { m.isAnswer($0) && $0.lowercased() == a.lowercased() } }, "\(m.measure): \(labels)")
        }
    }

    @Test func annexAnswersAreRankedAsMeasures() throws {
        let tables = try AnnexTablesReader.read(path: Self.annex, year: nil)
        let report = try Fixtures.toolkit.benchmark(.init(inputs: [Self.annex], draws: 1_000))
        let measures = Set(report.results.map(\.measure))
        #expect(measures == ["1D", "3A", "4A", "4B", "5A1", "3C1"])
        for measure in measures {
            let rows = report.results.filter { $0.measure == measure }
            #expect(rows.count == 151, "\(measure): every council of the annex tables")
            #expect(rows.filter { $0.rank != nil }.count == 18, "\(measure): the 18 councils that took part are ranked")
            #expect(rows.allSatisfy { $0.of == 18 && $0.year == "2020-21" })
            for r in rows where r.estimate == nil {
                #expect(r.suppressed && r.rank == nil && r.notes.contains { $0.contains("[x]") && $0.contains("not counted as zero") })
            }
        }
        func answer(_ question: String, _ label: String) throws -> AnnexAnswer {
            try #require(tables.answers.first { $0.area == "211" && $0.question.hasPrefix(question + " -") && $0.answer == label })
        }
        // Control over daily life: as much control as wanted + adequate control, SE approximate from the respondents.
        let control = try #require(report.results.first { $0.measure == "3A" && $0.council == "211" })
        let a1 = try answer("Question 3a", "I have as much control over my daily life as I want")
        let a2 = try answer("Question 3a", "I have adequate control over my daily life")
        let p = try #require(a1.percent?.number) + (try #require(a2.percent?.number))
        let n = try #require(a1.respondents?.number)
        #expect(abs(try #require(control.estimate) - p) < 1e-12)
        #expect(control.seSource == .approximate)
        #expect(abs(try #require(control.standardError) - (p * (1 - p) / n).squareRoot()) < 1e-12)
        // Overall satisfaction: one answer, its published margin of error / 1.96.
        let satisfied = try #require(report.results.first { $0.measure == "1D" && $0.council == "211" })
        let s = try answer("Question 1 combined", "Extremely or very satisfied")
        #expect(satisfied.estimate == s.percent?.number && satisfied.seSource == .publishedMoE)
        #expect(abs(try #require(satisfied.standardError) - (try #require(s.marginOfError?.number)) / 1.96) < 1e-12)
        #expect(report.notes.contains { $0.contains("3A Control over daily life made from the annex answers") && $0.contains("18 with a value") })
    }

    @Test func annexAndAscofFilesOfOtherYearsAreBothBenchmarked() throws {
        // The ASCOF fixture is 2022-23 (no 4A in it), the annex tables 2020-21: both are benchmarked, each in its year.
        let report = try Fixtures.toolkit.benchmark(.init(inputs: [Self.annex, Fixtures.path("published/ascof-2022-23-old-columns.csv")],
                                                          measures: ["4A"], draws: 1_000))
        #expect(Set(report.results.map(\.year)) == ["2020-21"])
        let both = try Fixtures.toolkit.benchmark(.init(inputs: [Self.annex, Fixtures.path("published/ascof-2022-23-old-columns.csv")],
                                                        draws: 1_000))
        #expect(Set(both.results.map(\.year)) == ["2020-21", "2022-23"])
    }
}
