import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyExamples
import SurveyFiles
import SurveyModel

/// Synthetic examples written once for the tests in this file: 3 councils of both surveys, seed 1,
/// a workbook for the first ASCS council only (keeps the debug-build test fast).
enum ExampleFixture {
    static let councils = 3

    static let folder: URL = {
        let dir = Fixtures.temporaryDirectory()
        var options = ExampleOptions(output: dir.path)
        options.councils = councils
        options.seed = 1
        options.workbookCouncils = 1
        do { _ = try Fixtures.toolkit.writeExamples(options) } catch { fatalError("cannot write examples: \(error)") }
        return dir
    }()

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }
    static var firstCouncil: String { ExampleGenerator.councilCodes(count: councils)[0] }

    /// Writes examples with these settings into a fresh folder.
    static func write(seed: UInt64, councils: Int = 2, surveys: [String] = ["ascs", "sace"], xlsx: Int? = 0) throws -> URL {
        let dir = Fixtures.temporaryDirectory()
        var options = ExampleOptions(output: dir.path)
        options.councils = councils
        options.seed = seed
        options.surveys = surveys
        options.workbookCouncils = xlsx
        _ = try Fixtures.toolkit.writeExamples(options)
        return dir
    }
}

@Suite("caresurvey example: synthetic returns")
struct ExampleTests {
    func data(_ dir: URL, _ relative: String) throws -> Data {
        try Data(contentsOf: dir.appendingPathComponent(relative))
    }

    @Test("the same seed gives byte-identical files; another seed differs")
    func deterministic() throws {
        let a = try ExampleFixture.write(seed: 42, xlsx: 1)
        let b = try ExampleFixture.write(seed: 42, xlsx: 1)
        let c = try ExampleFixture.write(seed: 43, xlsx: 1)
        let council = ExampleGenerator.councilCodes(count: 2)[0]
        for file in ["ascs/returns.csv", "ascs/population.csv", "sace/returns.csv", "sace/population.csv", "ascs/xlsx/\(council).xlsx"] {
            #expect(try data(a, file) == data(b, file), "\(file) differs between two runs with the same seed")
        }
        for file in ["ascs/returns.csv", "ascs/population.csv", "sace/returns.csv", "sace/population.csv"] {
            #expect(try data(a, file) != data(c, file), "\(file) is the same for seeds 42 and 43")
        }
    }

    @Test("council codes are three digits, distinct, and the same for every seed", arguments: [1, 20, 150, 800])
    func councilCodes(count: Int) {
        let codes = ExampleGenerator.councilCodes(count: count)
        #expect(codes.count == count)
        #expect(Set(codes).count == count)
        #expect(codes.allSatisfy { $0.count == 3 && Int($0) != nil })
        #expect(codes.compactMap { Int($0) } == codes.compactMap { Int($0) }.sorted())
        #expect(codes.contains("716"), "the documentation's council")
    }

    @Test("generated ASCS and SACE returns validate with zero errors and no stratum mismatches", arguments: ["ascs", "sace"])
    func validates(survey: String) throws {
        let loaded = Fixtures.toolkit.load([try Fixtures.require(ExampleFixture.path("\(survey)/returns.csv"))])
        let table = try #require(loaded.table)
        #expect(table.codebook.survey.lowercased() == survey)
        #expect(loaded.summary.errors == 0, "\(loaded.diagnostics.prefix(5))")
        #expect(!loaded.diagnostics.contains { $0.rule == "stratum-mismatch" || $0.rule == "stratum-unknown" })
        #expect(loaded.summary.rowsRead == table.count)
        let rate = Double(loaded.summary.respondents) / Double(loaded.summary.rowsRead)
        #expect(rate > 0.3 && rate < 0.5, "response rate \(rate)")
        #expect(table.councils == ExampleGenerator.councilCodes(count: ExampleFixture.councils))
    }

    @Test("the workbook validates with zero errors")
    func workbookValidates() throws {
        let path = try Fixtures.require(ExampleFixture.path("ascs/xlsx/\(ExampleFixture.firstCouncil).xlsx"))
        let loaded = Fixtures.toolkit.load([path])
        #expect(loaded.summary.errors == 0, "\(loaded.diagnostics.prefix(5))")
        #expect(loaded.diagnostics.allSatisfy { $0.severity == .warning && $0.rule == "missing-column" })
        #expect(loaded.files.first?.format == "xlsx")
        #expect(loaded.files.first?.sheet == "Service User Data")
    }

    @Test("a workbook reads back to the same codes, populations and measures as the council's CSV rows")
    func workbookMatchesCSV() throws {
        let council = ExampleFixture.firstCouncil
        let xlsx = try Fixtures.require(ExampleFixture.path("ascs/xlsx/\(council).xlsx"))
        let csv = try Fixtures.require(ExampleFixture.path("ascs/returns.csv"))
        let populationCSV = try Fixtures.require(ExampleFixture.path("ascs/population.csv"))
        let fromWorkbook = Fixtures.toolkit.load([xlsx])
        let fromCSV = Fixtures.toolkit.load([csv])
        let book = try #require(fromWorkbook.table)
        let tidy = try #require(fromCSV.table)
        #expect(book.codebook.id == tidy.codebook.id)
        let councilIndex = try #require(tidy.councils.firstIndex(of: council))
        let rows = (0..<tidy.count).filter { tidy.council[$0] == Int32(councilIndex) }
        #expect(book.councils == [council])
        #expect(rows.count > 100)
        #expect(book.count == rows.count)
        #expect(book.serial == rows.map { tidy.serial[$0] })
        for (index, field) in tidy.codebook.fields.enumerated() where field.isCoded && !field.isExcelOnly {
            let expected = rows.map { tidy.columns[index][$0] }
            #expect(book.columns[index] == expected, "column \(field.name) differs")
        }
        for (index, values) in tidy.numbers where !tidy.codebook.fields[index].isExcelOnly {
            let expected = rows.map { values[$0] }
            let actual = try #require(book.numbers[index])
            #expect(zip(actual, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "column \(tidy.codebook.fields[index].name) differs")
        }

        // Populations: the workbook's Eligible Population sheet equals the population file's rows.
        let scheme = tidy.codebook.populations
        let fileRows = try PopulationFile.read(path: populationCSV, scheme: scheme).rows.filter { $0.council == council }
        #expect(fileRows.count == 36 * 3)
        #expect(Set(fromWorkbook.workbookPopulations) == Set(fileRows))
        #expect(fromWorkbook.workbookPopulations.count == fileRows.count)

        // Measures: the workbook alone (populations from its own sheet) against the CSV and population file.
        let options = EstimationOptions()
        let a = try Fixtures.toolkit.measures(Fixtures.toolkit.prepare(returns: [xlsx], populationFiles: [], options: LoadOptions()), options: options)
        let b = try Fixtures.toolkit.measures(Fixtures.toolkit.prepare(returns: [csv], populationFiles: [populationCSV], options: LoadOptions()), options: options)
        let mine = a.results.filter { $0.group == .council(council) }
        let theirs = Dictionary(uniqueKeysWithValues: b.results.filter { $0.group == .council(council) }.map { ($0.measure, $0) })
        #expect(mine.count == tidy.codebook.measures.count)
        for result in mine {
            let other = try #require(theirs[result.measure])
            let x = try #require(result.estimate), y = try #require(other.estimate)
            #expect(close(x.estimate, y.estimate, rel: 1e-12), "\(result.measure)")
            #expect(close(x.standardError, y.standardError, rel: 1e-12), "\(result.measure)")
            #expect(x.respondents == y.respondents && x.population == y.population && x.cells == y.cells, "\(result.measure)")
        }
    }

    @Test("rows are consistent: strata from the cells, easy-read mostly in stratum 1, some item non-response")
    func structure() throws {
        let loaded = Fixtures.toolkit.load([ExampleFixture.path("ascs/returns.csv")])
        let table = try #require(loaded.table)
        let codebook = table.codebook
        let column = { (name: String) in try #require(table.column(name)) }
        let stratum = try column("Stratum"), questionnaire = try column("Questionnaire"), response = try column("Response")
        let psr = try column("PrimarySupportReason"), age = try column("Age"), setting = try column("SupportSetting")
        var easyRead = [Int: (easy: Int, all: Int)]()
        for row in 0..<table.count {
            let s = Int(stratum[row])
            let expected = psr[row] == 7 ? 1 : (age[row] < 65 ? 2 : ([2, 3].contains(setting[row]) ? 3 : 4))
            #expect(s == expected)
            if response[row] == 1 {
                easyRead[s, default: (0, 0)].all += 1
                if questionnaire[row] == 3 { easyRead[s, default: (0, 0)].easy += 1 }
            }
        }
        let ld = try #require(easyRead[1])
        #expect(Double(ld.easy) / Double(ld.all) > 0.5)
        #expect((easyRead[4]?.easy ?? 0) * 10 < (easyRead[4]?.all ?? 1))
        // Item non-response among respondents: 1%–6% of question cells.
        let questions = codebook.fields.indices.filter { codebook.fields[$0].isQuestion && codebook.fields[$0].name != "q2c" }
        var blank = 0, cells = 0
        for row in 0..<table.count where response[row] == 1 {
            for q in questions {
                cells += 1
                if table.columns[q][row] == ResponseTable.missing { blank += 1 }
            }
        }
        let rate = Double(blank) / Double(cells)
        #expect(rate > 0.01 && rate < 0.06, "item non-response \(rate)")
    }

    @Test("measures look like published national results")
    func realistic() throws {
        let prepared = try Fixtures.toolkit.prepare(returns: [ExampleFixture.path("ascs/returns.csv")],
                                                    populationFiles: [ExampleFixture.path("ascs/population.csv")], options: LoadOptions())
        var options = EstimationOptions()
        options.grouping = .englandOnly
        let report = try Fixtures.toolkit.measures(prepared, options: options)
        func value(_ code: String) throws -> Double { try #require(report.results.first { $0.measure == code }?.estimate?.estimate) }
        #expect(try (17.5...20.5).contains(value("1A")))
        #expect(try (0.68...0.86).contains(value("3A")))
        #expect(try (0.36...0.56).contains(value("5A1")))
        #expect(try (0.52...0.74).contains(value("1D")))
        #expect(try (0.2...0.6).contains(value("1B")))
        let sace = try Fixtures.toolkit.prepare(returns: [ExampleFixture.path("sace/returns.csv")],
                                                populationFiles: [ExampleFixture.path("sace/population.csv")], options: LoadOptions())
        let carers = try Fixtures.toolkit.measures(sace, options: options)
        #expect(try #require(carers.results.first { $0.measure == "1C" }?.estimate?.estimate).isFinite)
        let qol = try #require(carers.results.first { $0.measure == "1C" }?.estimate?.estimate)
        #expect((6.5...8.5).contains(qol))
    }

    @Test("only the codebook's columns are written, in codebook order")
    func csvHeader() throws {
        for survey in ["ascs", "sace"] {
            let text = try String(contentsOfFile: ExampleFixture.path("\(survey)/returns.csv"), encoding: .utf8)
            let header = try #require(text.split(separator: "\n").first).split(separator: ",").map(String.init)
            let codebook = try #require(Fixtures.toolkit.codebook(survey: survey, year: "2021-22"))
            #expect(header == codebook.fields.filter { !$0.isExcelOnly }.map(\.name))
        }
        let population = try String(contentsOfFile: ExampleFixture.path("sace/population.csv"), encoding: .utf8)
        #expect(population.hasPrefix("LaCode,Population\n"))
        #expect(population.split(separator: "\n").count == ExampleFixture.councils + 1)
    }

    @Test("invalid options are refused before anything is written")
    func invalidOptions() {
        var options = ExampleOptions(output: Fixtures.temporaryDirectory().path)
        options.councils = 0
        #expect(throws: ExampleError.self) { try Fixtures.toolkit.writeExamples(options) }
        options.councils = 2
        options.surveyYear = "1999-00"
        #expect(throws: ExampleError.self) { try Fixtures.toolkit.writeExamples(options) }
    }
}
