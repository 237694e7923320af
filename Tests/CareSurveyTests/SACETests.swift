import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyModel
import SurveyScoring

/// The SACE-specific rules of sace.md: bases that leave out "no support received" (Q4 = 8),
/// "never tried" (information = 5) and "no discussions" (involvement = 5); the carer QoL score
/// needs all six of Q7–Q12; codes outside a question's code set are "no valid answer" with a
/// diagnostic; detection without `--survey`; the "Carers Data" Excel sheet; population forms;
/// the free-text Q10b of 2023-24.
@Suite struct SACETests {
    /// A tidy SACE CSV from partial rows: every codebook column, defaults for the admin fields of a
    /// respondent, questions blank unless given.
    static func csv(_ rows: [[String: String]], year: String = "2021-22", in dir: URL, name: String = "sace.csv") throws -> String {
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.id == "sace-" + year })
        let columns = codebook.fields.filter { !$0.isExcelOnly }.map(\.name)
        func quote(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [columns.joined(separator: ",")]
        for (i, row) in rows.enumerated() {
            let defaults = ["LaCode": "716", "SerialNo": "S\(i + 1)", "Response": "1", "MethodCollection": "1",
                            "Gender": "2", "Age": "58", "Ethnicity": "1"]
            lines.append(columns.map { quote(row[$0] ?? defaults[$0] ?? "") }.joined(separator: ","))
        }
        let path = dir.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func prepare(_ rows: [[String: String]], year: String = "2021-22") throws -> PreparedSurvey {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try csv(rows, year: year, in: dir)
        let prepared = try Fixtures.toolkit.prepare(returns: [path], populationFiles: [], options: LoadOptions(survey: "sace", surveyYear: year),
                                                    requirePopulations: false)
        #expect(prepared.codebook.id == "sace-" + year)
        return prepared
    }

    /// Values of a measure with NaN written as nil, for comparison.
    static func values(_ prepared: PreparedSurvey, _ code: String) throws -> [Double?] {
        try #require(prepared.scored.values(of: code)).map { $0.isNaN ? nil : $0 }
    }

    // MARK: - Bases

    @Test func noSupportReceivedLeavesTheSatisfactionBase() throws {
        let q4 = ["1", "2", "3", "7", "8", "", "-9"]
        let prepared = try Self.prepare(q4.map { ["q4": $0] } + [["Response": "2"]])
        #expect(prepared.loaded.summary.errors == 0)
        #expect(try Self.values(prepared, "1E") == [1, 1, 0, 0, nil, nil, nil, nil])
    }

    @Test(arguments: ["2021-22", "2023-24"])
    func neverTriedAndNoDiscussionsLeaveTheirBases(year: String) throws {
        let (information, involvement) = year == "2021-22" ? ("q16", "q18") : ("q17", "q19")
        let codes = ["1", "2", "3", "4", "5", ""]
        let prepared = try Self.prepare(codes.map { [information: $0, involvement: $0] }, year: year)
        #expect(prepared.loaded.summary.errors == 0)
        #expect(try Self.values(prepared, "3C2") == [1, 1, 0, 0, nil, nil])
        #expect(try Self.values(prepared, "3B") == [1, 1, 0, 0, nil, nil])
        if year == "2023-24" {
            // The new loneliness Q16 feeds neither measure.
            let lonely = try Self.prepare(codes.map { ["q16": $0] }, year: year)
            #expect(try Self.values(lonely, "3C2").allSatisfy { $0 == nil })
        }
    }

    @Test func socialContactIsCodeOneAmongThoseWhoAnswered() throws {
        let prepared = try Self.prepare(["1", "2", "3", ""].map { ["q11": $0] })
        #expect(try Self.values(prepared, "5A2") == [1, 0, 0, nil])
    }

    // MARK: - Carer-reported quality of life (1C)

    @Test(arguments: ["2021-22", "2023-24"])
    func carerQualityOfLifeNeedsAllSixItems(year: String) throws {
        let items = ["q7", "q8", "q9", "q10", "q11", "q12"]
        func carer(_ codes: [String]) -> [String: String] { Dictionary(uniqueKeysWithValues: zip(items, codes)) }
        let rows = [
            carer(["1", "1", "1", "1", "1", "1"]),            // 12
            carer(["3", "3", "3", "3", "3", "3"]),            // 0
            carer(["1", "1", "2", "2", "3", "3"]),            // 6
            carer(["1", "2", "", "1", "1", "1"]),             // Q9 blank: no score
            carer(["1", "2", "-9", "1", "1", "1"]),           // Q9 "no answer": no score
            carer(["1", "2", "4", "1", "1", "1"]),            // Q9 out of range: no score, and a diagnostic
            carer(["2", "2", "2", "2", "2", ""]),             // Q12 blank: no score
        ]
        let prepared = try Self.prepare(rows, year: year)
        #expect(try Self.values(prepared, "1C") == [12, 0, 6, nil, nil, nil, nil])
        let errors = prepared.loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.rule == "out-of-range" && errors.first?.column == "q9" && errors.first?.value == "4" && errors.first?.row == 7)
    }

    // MARK: - Validation

    /// sace.md §3: a value outside a question's code set is "no valid answer", with a diagnostic.
    @Test func valuesOutsideTheCodeSetAreNoAnswerWithADiagnostic() throws {
        let prepared = try Self.prepare([["q4": "9", "q1": "0", "q2a": "3", "q16": "6"], ["q4": "1"]])
        #expect(try Self.values(prepared, "1E") == [nil, 1])
        #expect(try Self.values(prepared, "3C2") == [nil, nil])
        let bad = prepared.loaded.diagnostics.filter { $0.rule == "out-of-range" }
        #expect(Set(bad.compactMap(\.column)) == ["q4", "q1", "q2a", "q16"])
        #expect(bad.allSatisfy { $0.severity == .error && $0.row == 2 })
        #expect(prepared.loaded.summary.rowsWithErrors == 1)
        #expect(prepared.scored.variables["q4"]?[0] == ResponseTable.missing)
    }

    @Test func nonRespondentsMustHaveNoAnswers() throws {
        let prepared = try Self.prepare([["Response": "3", "q4": "1"], ["Response": "2"]])
        #expect(prepared.loaded.summary.nonRespondents == 2)
        #expect(prepared.loaded.diagnostics.filter { $0.rule == "non-respondent-answer" }.map(\.column) == ["q4"])
        #expect(try Self.values(prepared, "1E") == [nil, nil])
    }

    /// The conformance returns validate without a single error or warning under the provisional codebook.
    @Test func conformanceReturnsValidateCleanly() throws {
        let loaded = Fixtures.toolkit.load([try Fixtures.require(Fixtures.conformance("sace-2021-22-twenty/returns.csv"))])
        #expect(loaded.summary.errors == 0, "\(loaded.diagnostics.prefix(5).map(\.message))")
        #expect(loaded.summary.warnings == 0, "\(loaded.diagnostics.prefix(5).map(\.message))")
        #expect(loaded.summary.rowsRead == 10374)
        #expect(loaded.summary.respondents == 4724)
        #expect(loaded.summary.nonRespondents == 5650)
        #expect(loaded.summary.isBalanced)
    }

    // MARK: - Detection

    @Test func detectsSACEFromACSVWithoutSurveyOption() throws {
        let loaded = Fixtures.toolkit.load([try Fixtures.require(Fixtures.conformance("sace-2021-22-twenty/returns.csv"))])
        #expect(loaded.table?.codebook.id == "sace-2021-22")
        #expect(loaded.files.first?.codebook == "sace-2021-22")
        #expect(!loaded.diagnostics.contains { $0.rule == "survey-not-detected" })
        // `--survey sace` alone still tells the years apart from the columns.
        let later = Fixtures.toolkit.load([try Fixtures.require(Fixtures.path("codebooks/sace-2023-24-614.csv"))], options: LoadOptions(survey: "sace"))
        #expect(later.table?.codebook.id == "sace-2023-24")
        #expect(!later.diagnostics.contains { $0.rule == "survey-not-detected" })
        // A 2023-24 file without the free-text column is still 2023-24.
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.id == "sace-2023-24" })
        let path = dir.appendingPathComponent("no-q10b.csv").path
        try (codebook.fields.map(\.name).filter { $0 != "q10b" }.joined(separator: ",") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Fixtures.toolkit.load([path]).table?.codebook.id == "sace-2023-24")
    }

    // MARK: - Excel: the "Carers Data" sheet

    @Test func excelSheetGivesTheSameScoresAsTheCSV() throws {
        let xlsx = try Fixtures.require(Fixtures.path("sace/carers-data.xlsx"))
        let csv = try Fixtures.require(Fixtures.path("sace/carers-data.csv"))
        let population = try Fixtures.require(Fixtures.path("sace/population.csv"))
        let fromExcel = try Fixtures.toolkit.prepare(returns: [xlsx], populationFiles: [population], options: LoadOptions())
        let fromCSV = try Fixtures.toolkit.prepare(returns: [csv], populationFiles: [population], options: LoadOptions())
        #expect(fromExcel.codebook.id == "sace-2021-22")
        #expect(fromExcel.loaded.files.first?.format == "xlsx")
        #expect(fromExcel.loaded.files.first?.sheet == "Carers Data")
        #expect(fromExcel.loaded.summary.errors == 0, "\(fromExcel.loaded.diagnostics.prefix(5).map(\.message))")
        #expect(fromExcel.loaded.diagnostics.filter { $0.rule == "missing-column" || $0.rule == "ignored-column" }.isEmpty,
                "\(fromExcel.loaded.diagnostics.map(\.message))")
        #expect(fromCSV.loaded.summary.errors == 0)
        #expect(fromExcel.loaded.summary.rowsRead == 60)
        #expect(fromExcel.loaded.summary.respondents == fromCSV.loaded.summary.respondents)
        #expect(fromExcel.loaded.summary.nonRespondents == fromCSV.loaded.summary.nonRespondents)
        let excelTable = try #require(fromExcel.loaded.table)
        let csvTable = try #require(fromCSV.loaded.table)
        #expect(excelTable.serial == csvTable.serial)
        #expect(excelTable.councils == csvTable.councils)
        for (index, field) in excelTable.codebook.fields.enumerated() where field.isCoded {
            #expect(excelTable.columns[index] == csvTable.columns[index], "column \(field.name) differs")
        }
        for measure in fromCSV.codebook.measures {
            let a = try #require(fromExcel.scored.values(of: measure.code))
            let b = try #require(fromCSV.scored.values(of: measure.code))
            #expect(zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || $0 == $1 }, "\(measure.code)")
            #expect(b.contains { !$0.isNaN }, "\(measure.code) has no values in the fixture")
        }
        var options = EstimationOptions()
        options.suppressBelow = 0
        let r1 = try Fixtures.toolkit.measures(fromExcel, options: options)
        let r2 = try Fixtures.toolkit.measures(fromCSV, options: options)
        #expect(r1.results.count == r2.results.count && !r1.results.isEmpty)
        for (a, b) in zip(r1.results, r2.results) {
            #expect(a.measure == b.measure && a.group == b.group)
            #expect(a.estimate?.estimate == b.estimate?.estimate && a.estimate?.standardError == b.estimate?.standardError)
            #expect(a.estimate?.respondents == b.estimate?.respondents)
        }
    }

    // MARK: - Populations

    /// `LaCode,Population` and `LaCode,Stratum,Population` (stratum 1) give the same results.
    @Test func bothPopulationFormsGiveTheSameResults() throws {
        let csv = try Fixtures.require(Fixtures.path("sace/carers-data.csv"))
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let strata = dir.appendingPathComponent("population-strata.csv").path
        try "LaCode,Stratum,Population\n614,1,502\n204,1,1269\n".write(toFile: strata, atomically: true, encoding: .utf8)
        var options = EstimationOptions()
        options.suppressBelow = 0
        let simple = try Fixtures.toolkit.measures(
            try Fixtures.toolkit.prepare(returns: [csv], populationFiles: [try Fixtures.require(Fixtures.path("sace/population.csv"))], options: LoadOptions()),
            options: options)
        let stratified = try Fixtures.toolkit.measures(
            try Fixtures.toolkit.prepare(returns: [csv], populationFiles: [strata], options: LoadOptions()), options: options)
        #expect(simple.results.count == stratified.results.count)
        for (a, b) in zip(simple.results, stratified.results) {
            #expect(a.measure == b.measure && a.group == b.group)
            #expect(a.estimate?.estimate == b.estimate?.estimate && a.estimate?.population == b.estimate?.population)
        }
        let england = try #require(simple.results.first { $0.measure == "1E" && $0.group.level == .england })
        #expect(close(england.estimate?.population, 1771.0), "\(String(describing: england.estimate?.population))")
        #expect(england.estimate?.cells == 2)
    }

    /// Carers' demographic domains (`--by gender,age-band,ethnicity`) come from the codebook too.
    @Test func carerDomains() throws {
        let csv = try Fixtures.require(Fixtures.path("sace/carers-data.csv"))
        var options = EstimationOptions()
        options.suppressBelow = 0
        options.domains = ["gender", "age-band", "ethnicity", "stratum"]
        let prepared = try Fixtures.toolkit.prepare(returns: [csv], populationFiles: [try Fixtures.require(Fixtures.path("sace/population.csv"))],
                                                    options: LoadOptions())
        let report = try Fixtures.toolkit.measures(prepared, options: options)
        let domains = report.results.filter { $0.group.level == .domain && $0.measure == "1E" }
        #expect(Set(domains.compactMap(\.group.byVariable)) == ["gender", "age-band", "ethnicity", "stratum"])
        #expect(domains.contains { $0.group.byVariable == "gender" && $0.group.byValue == "Female" })
    }

    // MARK: - 2023-24 free text

    @Test func freeTextQ10bIsReadButNeverScoredOrTabulated() throws {
        let prepared = try Fixtures.toolkit.prepare(returns: [try Fixtures.require(Fixtures.path("codebooks/sace-2023-24-614.csv"))],
                                                    populationFiles: [], options: LoadOptions(survey: "sace", surveyYear: "2023-24"),
                                                    requirePopulations: false)
        let codebook = prepared.codebook
        #expect(codebook.id == "sace-2023-24")
        #expect(prepared.loaded.summary.errors == 0)
        let index = try #require(codebook.fieldIndex("q10b"))
        let texts = try #require(prepared.scored.table.freeText[index])
        #expect(texts.contains("Fine, \"mostly\", thanks"))
        #expect(prepared.scored.variables["q10b"] == nil)
        #expect(!codebook.tables.contains { $0.sourceVariable == "q10b" })
        #expect(codebook.measures.allSatisfy { m in
            m.flag?.variable != "q10b" && !(m.score?.terms ?? []).contains { $0.variables.contains("q10b") }
        })
    }
}
