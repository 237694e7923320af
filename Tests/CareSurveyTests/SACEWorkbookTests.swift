import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyModel

/// A SACE return in the workbook layout of `sace-2021-22.json` (the synthetic 2021-22 template of
/// Tests/Fixtures/sace/make-sace-template.py filled in with council 614's rows: "Carers Data" sheet,
/// header row 1, column A the template's formula with the council code on the Sign Off Sheet, 170
/// template rows left) reads code for code like the same rows in CSV, admin fields and the COVID-19
/// section included.
@Suite struct SACEWorkbookTests {
    @Test func theWorkbookReturnReadsCodeForCodeLikeTheCSV() throws {
        let xlsx = try Fixtures.require(Fixtures.path("sace/sace-return-614-2021-22.xlsx"))
        let csv = try Fixtures.require(Fixtures.path("sace/sace-return-614-2021-22.csv"))
        let population = try Fixtures.require(Fixtures.path("sace/population.csv"))
        let fromExcel = try Fixtures.toolkit.prepare(returns: [xlsx], populationFiles: [population], options: LoadOptions())
        let fromCSV = try Fixtures.toolkit.prepare(returns: [csv], populationFiles: [population], options: LoadOptions())
        for prepared in [fromExcel, fromCSV] {
            #expect(prepared.codebook.id == "sace-2021-22")
            #expect(prepared.loaded.summary.errors == 0, "\(prepared.loaded.diagnostics.prefix(5).map(\.message))")
            #expect(prepared.loaded.diagnostics.isEmpty, "\(prepared.loaded.diagnostics.map(\.message))")
        }
        #expect(fromExcel.loaded.files.first?.sheet == "Carers Data")
        #expect(fromExcel.loaded.summary.rowsRead == 30 && fromCSV.loaded.summary.rowsRead == 30)
        #expect(fromExcel.loaded.summary.templateRowsSkipped == 170)
        let a = try #require(fromExcel.loaded.table)
        let b = try #require(fromCSV.loaded.table)
        #expect(a.count == 30 && b.count == 30)
        #expect(a.councils == ["614"] && b.councils == ["614"], "the council comes from the Sign Off Sheet")
        #expect(a.serial == b.serial)
        let cb = a.codebook
        #expect(cb.fields.filter(\.isCoded).count == 47)
        for (index, field) in cb.fields.enumerated() where field.isCoded {
            #expect(a.columns[index] == b.columns[index], "column \(field.name) differs")
        }
        // The added columns hold values (they are not all blank by accident).
        for name in ["Sexuality", "Religion", "AssessmentMethod", "CarerSupport", "q31", "q32", "q33"] {
            let i = try #require(cb.fieldIndex(name))
            #expect(a.columns[i].contains { $0 != ResponseTable.missing }, "\(name) is empty")
        }
        var options = EstimationOptions()
        options.suppressBelow = 0
        let r1 = try Fixtures.toolkit.measures(fromExcel, options: options)
        let r2 = try Fixtures.toolkit.measures(fromCSV, options: options)
        #expect(r1.results.count == r2.results.count && r1.results.count == 10)
        for (x, y) in zip(r1.results, r2.results) {
            #expect(x.measure == y.measure && x.group == y.group)
            #expect(x.estimate?.estimate == y.estimate?.estimate && x.estimate?.standardError == y.estimate?.standardError)
        }
    }

    /// The blank synthetic template reads as a return with no rows: every column found, every
    /// template row skipped, no council.
    @Test func theBlankTemplateHasEveryColumnAndNoRows() throws {
        let blank = try Fixtures.require(Fixtures.path("sace/sace-data-return-2021-22-synthetic.xlsx"))
        let loaded = Fixtures.toolkit.load([blank], options: LoadOptions(survey: "sace", surveyYear: "2021-22"))
        #expect(loaded.summary.rowsRead == 0 && loaded.summary.templateRowsSkipped == 200)
        #expect(loaded.diagnostics.filter { $0.rule == "missing-column" || $0.rule == "ignored-column" }.isEmpty,
                "\(loaded.diagnostics.map(\.message))")
    }
}
