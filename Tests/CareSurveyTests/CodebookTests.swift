import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyModel
import SurveyScoring

/// The survey content kept as data (`Questionnaires/`, `Weights/`): every file decodes and is
/// internally consistent, every measure compiles and scores, detection picks the right codebook
/// from a file's columns, statuses are honest, and the adjusted SCRQoL (1B) worked checks of
/// ascs.md §3.1 hold with both the 2021-22 and the renumbered 2022-23 codebook.
@Suite struct CodebookTests {
    static let ids = ["ascs-2021-22", "ascs-2022-23", "sace-2021-22", "sace-2023-24"]
    static let data = DataDirectory(root: Fixtures.root)

    static func codebook(_ id: String) throws -> Codebook {
        try #require(Fixtures.toolkit.codebooks.first { $0.id == id }, "no codebook \(id) in Questionnaires/")
    }

    /// Load options naming a codebook, for tests about content rather than detection.
    static func options(_ id: String) -> LoadOptions {
        let parts = id.split(separator: "-", maxSplits: 1).map(String.init)
        return LoadOptions(survey: parts[0], surveyYear: parts[1])
    }

    /// The columns of the tidy CSV form of a codebook (Excel-only formula columns left out).
    static func csvColumns(_ codebook: Codebook) -> [String] {
        codebook.fields.filter { !$0.isExcelOnly }.map(\.name)
    }

    // MARK: - Decoding and consistency

    @Test func everyDataFileDecodes() throws {
        let fm = FileManager.default
        let questionnaires = try fm.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Questionnaires").path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(Set(Self.ids).isSubset(of: Set(questionnaires.map { String($0.dropLast(5)) })))
        for name in questionnaires {
            let codebook = try DataDirectory.decode(Codebook.self, at: Fixtures.root.appendingPathComponent("Questionnaires").appendingPathComponent(name))
            #expect(name == codebook.id + ".json", "file name \(name) does not match its survey and year")
            #expect(codebook.schemaVersion <= Codebook.supportedSchemaVersion)
            #expect(!codebook.source.isEmpty)
        }
        let weights = try fm.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Weights").path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(!weights.isEmpty)
        for name in weights {
            let model = try DataDirectory.decode(ScoreModel.self, at: Fixtures.root.appendingPathComponent("Weights").appendingPathComponent(name))
            #expect(name == model.id + ".json")
            #expect(!model.source.isEmpty && !model.terms.isEmpty)
        }
        #expect(Set(Self.ids).isSubset(of: Set(Fixtures.toolkit.codebooks.map(\.id))))
        #expect(Set(["ascot-current-utility", "adjusted-scrqol-predicted-utility"]).isSubset(of: Set(Fixtures.toolkit.models.keys)))
    }

    @Test func statusesAreHonest() throws {
        #expect(try Self.codebook("ascs-2021-22").status == .verified)
        for id in ["ascs-2022-23", "sace-2021-22", "sace-2023-24"] {
            let codebook = try Self.codebook(id)
            #expect(codebook.status == .provisional, "\(id) must be provisional")
            #expect(codebook.source.lowercased().contains("provisional"), "\(id): the source note must say what is provisional")
        }
        #expect(try Self.codebook("sace-2021-22").source.contains("codes sheet has not been seen"))
    }

    /// Names, keys, codes, references of measures, tables, groups and detection all resolve.
    @Test(arguments: ids)
    func isConsistent(id: String) throws {
        let codebook = try Self.codebook(id)
        let names = codebook.fields.map(\.name)
        #expect(Set(names).count == names.count, "duplicate field names")
        var variables = Set(codebook.fields.filter(\.isCoded).map(\.name))
        variables.insert(Variables.stratum)
        for derived in codebook.derived ?? [] {
            #expect(derived.source.map(variables.contains) ?? true, "\(derived.name): unknown source")
            variables.insert(derived.name)
        }
        for field in codebook.fields {
            if field.isQuestion { #expect(field.key == field.name + "-", "\(field.name): question key must be the number and a dash") }
            #expect(field.key != nil, "\(field.name) has no Excel key")
            if field.kind == .code {
                let codes = try #require(field.codes, "\(field.name) has no codes")
                #expect(!codes.isEmpty && Set(codes.map(\.code)).count == codes.count, "\(field.name): codes")
                #expect(!codes.contains { codebook.missingCodes.contains($0.code) }, "\(field.name): a missing code is listed as valid")
            }
        }
        let freeText = Set(codebook.fields.filter { $0.kind == .freeText }.map(\.name))
        let sets = Set(codebook.populations.sets.map(\.name))
        #expect(sets.contains("stratum"))
        for measure in codebook.measures {
            #expect(sets.contains(measure.populationSet), "\(measure.code): unknown population set")
            for condition in measure.eligible ?? [] { #expect(variables.contains(condition.field), "\(measure.code): \(condition.field)") }
            switch measure.kind {
            case .proportion:
                let flag = try #require(measure.flag)
                #expect(variables.contains(flag.variable), "\(measure.code): unknown variable \(flag.variable)")
                #expect(Set(flag.numerator).isSubset(of: Set(flag.base ?? flag.numerator)), "\(measure.code): numerator outside the base")
                if let codes = codebook.field(flag.variable)?.codes?.map(\.code) {
                    #expect(Set(flag.base ?? []).isSubset(of: Set(codes)), "\(measure.code): base code not a code of \(flag.variable)")
                }
            case .mean:
                let score = try #require(measure.score)
                for term in score.terms ?? [] {
                    for v in term.variables { #expect(variables.contains(v), "\(measure.code): unknown variable \(v)") }
                }
                for include in score.include ?? [] {
                    #expect(Fixtures.toolkit.models[include.model] != nil, "\(measure.code): unknown model \(include.model)")
                }
            }
        }
        let tabulated = codebook.tables.map(\.question)
        #expect(Set(tabulated).count == tabulated.count, "a question is tabulated twice")
        for table in codebook.tables {
            #expect(variables.contains(table.sourceVariable), "table \(table.question): unknown variable")
            #expect(sets.contains(table.populationSet), "table \(table.question): unknown population set")
        }
        // Every single-coded question has its answer table (tick-all items may have one: the ASCS
        // tabulates them, the SACE does not); free text never does and never feeds a measure.
        let codedQuestions = codebook.fields.filter { $0.isQuestion && $0.kind == .code }
        let tickItems = Set((codebook.multiTickGroups ?? []).flatMap(\.fields))
            .union(codedQuestions.filter { $0.codes?.first?.label == "Ticked" }.map(\.name))
        let singleCoded = Set(codedQuestions.map(\.name)).subtracting(tickItems)
        #expect(singleCoded.isSubset(of: Set(tabulated)), "no table for \(singleCoded.subtracting(tabulated).sorted())")
        #expect(Set(tabulated).isSubset(of: Set(codedQuestions.map(\.name))), "table of a non-question: \(Set(tabulated).subtracting(codedQuestions.map(\.name)).sorted())")
        let measured = codebook.measures.flatMap { m in
            [m.flag?.variable].compactMap { $0 } + (m.score?.terms ?? []).flatMap(\.variables) + (m.eligible ?? []).map(\.field)
        }
        #expect(freeText.isDisjoint(with: measured) && freeText.isDisjoint(with: codebook.tables.map(\.sourceVariable)))
        for group in codebook.multiTickGroups ?? [] {
            for f in group.fields { #expect(codebook.field(f)?.isQuestion == true, "group \(group.name): \(f)") }
        }
        for domain in codebook.domains ?? [] {
            #expect(variables.contains(domain.field), "domain \(domain.name): unknown variable \(domain.field)")
            #expect(!domain.groups.isEmpty)
        }
        for column in codebook.detect.all { #expect(names.contains(column), "detect.all: \(column) is not a field") }
        for column in codebook.detect.none ?? [] { #expect(!names.contains(column), "detect.none: \(column) is a field") }
        #expect(codebook.matches(columns: Set(Self.csvColumns(codebook))))
    }

    /// Stable measure codes and former codes (cli.md), per survey.
    @Test(arguments: ids)
    func measureCodes(id: String) throws {
        let codebook = try Self.codebook(id)
        let expected: [String: String] = codebook.survey == "ASCS"
            ? ["1A": "1A", "1B": "1J", "3A": "1B", "5A1": "1I1", "1D": "3A", "3C1": "3D1", "4A": "4A", "4B": "4B"]
            : ["1C": "1D", "1E": "3B", "3B": "3C", "3C2": "3D2", "5A2": "1I2"]
        #expect(codebook.measures.map(\.code).sorted() == expected.keys.sorted())
        for measure in codebook.measures { #expect(measure.formerCode == expected[measure.code], "\(id) \(measure.code)") }
        if codebook.survey == "SACE" {
            #expect(codebook.measures.allSatisfy { $0.breaks == nil && $0.polarity == .higherIsBetter })
        } else {
            #expect(codebook.measures.allSatisfy { $0.breaks == ["2014-15"] })
        }
    }

    @Test func renumberedMeasuresPointAtTheNewQuestions() throws {
        let ascs = try Self.codebook("ascs-2022-23")
        #expect(ascs.measure("3C1")?.flag?.variable == "q13")
        #expect(ascs.measure("4B")?.flag?.variable == "q7c")
        let oneB = try #require(ascs.measure("1B")?.score)
        #expect(oneB.include?.map(\.model) == ["ascot-current-utility"])
        let inputs = Set((oneB.terms ?? []).flatMap(\.variables))
        #expect(inputs == ["Age", "q14", "q16a", "q16b", "q16c", "q16d", "q17a", "q17b", "q17c", "q18", "q19"])
        #expect(ascs.multiTickGroups?.map(\.fields) == [["q20a", "q20b", "q20c"], ["q21a", "q21b", "q21c"],
                                                        ["q23a", "q23b", "q23c", "q23d", "q23e", "q23f"]])
        #expect(ascs.field("q12")?.codes?.count == 5 && ascs.field("q13")?.codes?.first?.code == 1)
        #expect(ascs.field("q13")?.codes == (try Self.codebook("ascs-2021-22")).field("q12")?.codes)
        let sace23 = try Self.codebook("sace-2023-24")
        #expect(sace23.measure("3B")?.flag?.variable == "q19")
        #expect(sace23.measure("3C2")?.flag?.variable == "q17")
        #expect(sace23.field("q10b")?.kind == .freeText)
        #expect(sace23.field("q16")?.codes?.count == 5)
        let sace21 = try Self.codebook("sace-2021-22")
        #expect(sace21.measure("3B")?.flag?.variable == "q18")
        #expect(sace21.measure("3C2")?.flag?.variable == "q16")
        #expect(sace21.field("q16")?.codes == sace23.field("q17")?.codes)
        // SACE answer tables: the single-coded questions (not the tick-all items of Q2, Q5, Q6).
        let single = ["q1", "q3", "q4", "q7", "q8", "q9", "q10", "q11", "q12", "q15", "q16", "q17", "q18"]
        #expect(sace21.tables.map(\.question) == single)
        #expect(sace23.tables.map(\.question) == single + ["q19"])
    }

    // MARK: - Detection

    /// A file with exactly one codebook's columns is read with that codebook, and only that one
    /// claims those columns.
    @Test(arguments: ids)
    func detectionPicksTheCodebookOfTheHeader(id: String) throws {
        let codebook = try Self.codebook(id)
        let columns = Self.csvColumns(codebook)
        for other in Fixtures.toolkit.codebooks where other.id != id {
            #expect(!other.matches(columns: Set(columns)), "\(other.id) also claims the columns of \(id)")
        }
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("header.csv").path
        try (columns.joined(separator: ",") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = Fixtures.toolkit.load([path])
        #expect(loaded.files.first?.codebook == id)
        #expect(loaded.table?.codebook.id == id)
        #expect(!loaded.diagnostics.contains { $0.rule == "survey-not-detected" })
        #expect(loaded.summary.errors == 0)
    }

    @Test(arguments: [("conformance/ascs-2021-22-edge/returns.csv", "ascs-2021-22"),
                      ("conformance/ascs-2021-22-twenty/before/return-716.xlsx", "ascs-2021-22"),
                      ("conformance/sace-2021-22-twenty/returns.csv", "sace-2021-22"),
                      ("codebooks/ascs-2022-23-716.csv", "ascs-2022-23"),
                      ("codebooks/sace-2023-24-614.csv", "sace-2023-24"),
                      ("sace/carers-data.xlsx", "sace-2021-22")])
    func detectionOfFixtureFiles(file: String, id: String) throws {
        let loaded = Fixtures.toolkit.load([try Fixtures.require(Fixtures.path(file))])
        #expect(loaded.files.first?.codebook == id, "\(file)")
        #expect(!loaded.diagnostics.contains { $0.rule == "survey-not-detected" })
    }

    // MARK: - Every measure compiles and scores

    @Test(arguments: [("conformance/ascs-2021-22-edge/returns.csv", "ascs-2021-22"),
                      ("codebooks/ascs-2022-23-716.csv", "ascs-2022-23"),
                      ("conformance/sace-2021-22-twenty/returns.csv", "sace-2021-22"),
                      ("codebooks/sace-2023-24-614.csv", "sace-2023-24")])
    func everyMeasureCompilesAndScores(file: String, id: String) throws {
        let prepared = try Fixtures.toolkit.prepare(returns: [try Fixtures.require(Fixtures.path(file))], populationFiles: [],
                                                    options: Self.options(id), requirePopulations: false)
        #expect(prepared.codebook.id == id)
        #expect(prepared.loaded.summary.errors == 0 || id == "ascs-2021-22", "\(prepared.loaded.diagnostics.prefix(3).map(\.message))")
        for measure in prepared.codebook.measures {
            let values = try #require(prepared.scored.values(of: measure.code))
            #expect(values.contains { !$0.isNaN }, "\(id) \(measure.code) gives no value to anyone")
            for (row, v) in values.enumerated() where !v.isNaN {
                #expect(prepared.scored.isRespondent[row], "\(id) \(measure.code): a non-respondent has a value")
                if measure.kind == .proportion { #expect(v == 0 || v == 1) }
            }
        }
    }

    /// The later-numbering fixtures are conformance rows in the new layout: every respondent's value
    /// of every measure is the same as with the earlier codebook, and the council's measures
    /// reproduce the conformance reference.
    @Test(arguments: [("codebooks/ascs-2022-23-716.csv", "ascs-2022-23", "conformance/ascs-2021-22-edge", "ascs-2021-22", "716"),
                      ("codebooks/sace-2023-24-614.csv", "sace-2023-24", "conformance/sace-2021-22-twenty", "sace-2021-22", "614")])
    func renumberedLayoutGivesTheSameResults(file: String, id: String, set: String, olderID: String, council: String) throws {
        let newer = try Fixtures.toolkit.prepare(returns: [try Fixtures.require(Fixtures.path(file))],
                                                 populationFiles: [try Fixtures.require(Fixtures.path(set + "/population.csv"))],
                                                 options: Self.options(id))
        let older = try Fixtures.toolkit.prepare(returns: [try Fixtures.require(Fixtures.path(set + "/returns.csv"))],
                                                 populationFiles: [], options: Self.options(olderID), requirePopulations: false)
        #expect(newer.codebook.id == id && older.codebook.id == olderID)
        // The same data problems as the council's rows of the conformance file (no new ones).
        let olderTable = try #require(older.loaded.table)
        let councilRows = Set(olderTable.sourceRow.indices.filter { olderTable.councils[Int(olderTable.council[$0])] == council }
            .map { Int(olderTable.sourceRow[$0]) })
        let olderErrors = older.loaded.diagnostics.filter { $0.severity == .error && $0.row.map(councilRows.contains) == true }
        #expect(newer.loaded.summary.errors == olderErrors.count)
        var olderRow: [String: Int] = [:]
        for (row, serial) in (older.loaded.table?.serial ?? []).enumerated() { olderRow[serial] = row }
        let newerSerials = try #require(newer.loaded.table?.serial)
        #expect(newerSerials.count > 100)
        for measure in older.codebook.measures {
            let a = try #require(newer.scored.values(of: measure.code))
            let b = try #require(older.scored.values(of: measure.code))
            var mismatches = 0
            for (row, serial) in newerSerials.enumerated() {
                let other = try #require(olderRow[serial])
                if !(a[row].isNaN && b[other].isNaN) && a[row] != b[other] { mismatches += 1 }
            }
            #expect(mismatches == 0, "\(measure.code): \(mismatches) respondents differ between \(older.codebook.id) and \(newer.codebook.id)")
        }
        var options = EstimationOptions()
        options.suppressBelow = 0
        let report = try Fixtures.toolkit.measures(newer, options: options)
        let expected = try #require(try Fixtures.json(Fixtures.path(set + "/expected-measures.json")) as? [String: Any])
        let rows = try #require(expected["results"] as? [[String: Any]]).filter { groupKey($0) == .council(council) }
        #expect(rows.count == older.codebook.measures.count)
        for row in rows {
            let code = row["measure"] as! String
            let got = try #require(report.results.first { $0.measure == code && $0.group == .council(council) }, "\(code)")
            let e = try #require(got.estimate)
            #expect(close(e.estimate, row["estimate"] as? Double), "\(code): \(e.estimate) vs \(row["estimate"]!)")
            #expect(close(e.standardError, row["standardError"] as? Double), "\(code): SE")
            #expect(e.respondents == row["respondents"] as? Int, "\(code): respondents")
            #expect(close(e.population, row["population"] as? Double), "\(code): population")
        }
    }

    // MARK: - Adjusted SCRQoL worked checks (ascs.md §3.1), with both numberings

    struct WorkedCheck: Sendable, CustomTestStringConvertible {
        var year: String
        var code: Int
        var age: Int
        var expected: Double
        var testDescription: String { "\(year): all code \(code), aged \(age)" }
    }

    static let workedChecks: [WorkedCheck] = ["2021-22", "2022-23"].flatMap { year in
        [WorkedCheck(year: year, code: 1, age: 40, expected: 0.418845),
         WorkedCheck(year: year, code: 2, age: 40, expected: 0.410181),
         WorkedCheck(year: year, code: 3, age: 70, expected: 0.075093)]
    }

    /// The 1B inputs by year: ASCOT domains, health, ADL items, home design, getting around outside.
    static func adjustedInputs(_ year: String) -> [String] {
        let ascot = ["q3a", "q4a", "q5a", "q6a", "q7a", "q8a", "q9a", "q11"]
        if year == "2021-22" {
            return ascot + ["q13", "q15a", "q15b", "q15c", "q15d", "q16a", "q16b", "q16c", "q16d", "q17", "q18"]
        }
        return ascot + ["q14", "q16a", "q16b", "q16c", "q16d", "q17a", "q17b", "q17c", "q17d", "q18", "q19"]
    }

    /// One respondent in the community with a physical support reason, every 1B input answered
    /// with `code`, everything else blank.
    static func oneRespondentCSV(year: String, code: Int, age: Int, in dir: URL) throws -> String {
        let codebook = try codebook("ascs-" + year)
        let columns = csvColumns(codebook)
        var values: [String: String] = [
            "LaCode": "716", "SerialNo": "W-\(year)-\(code)", "Stratum": age < 65 ? "2" : "4", "MethodCollection": "1",
            "Response": "1", "Gender": "1", "Age": String(age), "Ethnicity": "1", "Sexuality": "1", "Religion": "1",
            "PrimarySupportReason": "1", "SupportSetting": "1", "MechOfDelivery": "1", "Advocate": "2", "Interpreter": "2",
            "Translated": "1", "Questionnaire": "1", "Replacement": "2", "OriginalReminder": "1",
        ]
        for q in adjustedInputs(year) { values[q] = String(code) }
        let text = columns.joined(separator: ",") + "\n" + columns.map { values[$0] ?? "" }.joined(separator: ",") + "\n"
        let path = dir.appendingPathComponent("one-\(year)-\(code).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: workedChecks)
    func adjustedSCRQoLWorkedCheck(_ check: WorkedCheck) throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.oneRespondentCSV(year: check.year, code: check.code, age: check.age, in: dir)
        let prepared = try Fixtures.toolkit.prepare(returns: [path], populationFiles: [], options: LoadOptions(), requirePopulations: false)
        #expect(prepared.codebook.id == "ascs-" + check.year)
        #expect(prepared.loaded.summary.errors == 0, "\(prepared.loaded.diagnostics.map(\.message))")
        #expect(prepared.loaded.summary.respondents == 1)
        let values = try #require(prepared.scored.values(of: "1B"))
        #expect(values.count == 1)
        #expect(abs(values[0] - check.expected) < 5e-7, "\(check.testDescription): 1B = \(values[0]), expected \(check.expected)")
    }

    /// 1B eligibility: learning-disability and social-support reasons, and residential care, have no 1B value.
    @Test(arguments: ["2021-22", "2022-23"])
    func adjustedSCRQoLEligibility(year: String) throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try String(contentsOfFile: try Self.oneRespondentCSV(year: year, code: 2, age: 70, in: dir), encoding: .utf8)
        let lines = base.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let psr = try #require(header.firstIndex(of: "PrimarySupportReason"))
        let setting = try #require(header.firstIndex(of: "SupportSetting"))
        let serial = try #require(header.firstIndex(of: "SerialNo"))
        var out = [lines[0], lines[1]]
        for (i, (reason, place)) in [("7", "1"), ("9", "1"), ("1", "2"), ("8", "1")].enumerated() {
            row[psr] = reason
            row[setting] = place
            row[serial] = "E\(i)"
            out.append(row.joined(separator: ","))
        }
        let path = dir.appendingPathComponent("eligibility.csv").path
        try (out.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let prepared = try Fixtures.toolkit.prepare(returns: [path], populationFiles: [], options: LoadOptions(), requirePopulations: false)
        let values = try #require(prepared.scored.values(of: "1B"))
        #expect(values.map { !$0.isNaN } == [true, false, false, false, true])
        #expect(close(values[0], values[4]))
    }
}
