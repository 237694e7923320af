import Foundation
import Testing
import SurveyFiles
import SurveyModel

/// The ASCOF data file in both column vintages (fixtures from `make-ascof-fixtures.py`).
@Suite("ASCOF data file reader")
struct AscofDataFileTests {
    static let data = DataDirectory(root: Fixtures.root)
    static let reader: AscofDataFile = {
        do { return AscofDataFile(catalogue: try data.measureCatalogue(), councils: try data.councils()) } catch {
            fatalError("\(error)")
        }
    }()

    static func read(_ name: String, year: String? = nil) throws -> PublishedFigures {
        try reader.read(path: try Fixtures.require(Fixtures.path("published/" + name)), year: year)
    }

    @Test func bothVintagesGiveTheSameFigures() throws {
        let old = try Self.read("ascof-2022-23-old-columns.csv")
        let new = try Self.read("ascof-2223-new-columns.csv")
        #expect(old.figures.count == new.figures.count)
        #expect(old.figures.count > 100)
        func strip(_ f: PublishedFigure) -> PublishedFigure { var f = f; f.origin = ""; return f }
        #expect(old.figures.map(strip) == new.figures.map(strip))
        #expect(old.files.first?.rowsRead == 603 && new.files.first?.rowsRead == 603)
        for file in [old.files[0], new.files[0]] {
            #expect(file.years == ["2022-23"])
            #expect(file.rowsUsed + file.rowsNotUsed == file.rowsRead, "every row accounted for")
            #expect(file.rowsNotUsed == 1)
            #expect(file.markers == ["[c]": 2, "[x]": 1, "blank": 1])
        }
    }

    @Test func codesUnitsLevelsAndMarkers() throws {
        let figures = try Self.read("ascof-2022-23-old-columns.csv").figures
        func figure(_ measure: String, _ area: String, _ breakdown: String = "Total") -> PublishedFigure? {
            figures.first { $0.measure == measure && $0.area == area && $0.breakdown == breakdown }
        }
        // 1B in a 2022-23 file is control over daily life (3A from 2023-24), a percentage → fraction.
        let control = try #require(figure("3A", "104"))
        #expect(control.code == "1B")
        let outcome = try #require(control.outcome?.number)
        #expect(outcome > 0.5 && outcome < 0.9)
        #expect(try #require(control.marginOfError?.number) < 0.1)
        // 1A is a score: as published; 2A(1) is 2B, a rate per 100,000, with numerator and denominator.
        #expect(try #require(figure("1A", "104")?.outcome?.number) > 18)
        #expect(figure("1A", "104", "Female") != nil)
        let rate = try #require(figure("2B", "107"))
        #expect(rate.numerator?.number != nil && rate.denominator?.number != nil && rate.base == nil)
        // Region, council type and England rows are kept with their level.
        #expect(figures.contains { $0.level == .region && $0.area == "E12000007" })
        #expect(figures.contains { $0.level == .councilType })
        #expect(figure("3A", "England")?.level == .england)
        // Markers are typed missing values, never zero.
        let suppressed = figures.filter { $0.outcome?.marker == .suppressed }
        #expect(suppressed.count == 1 && suppressed[0].base?.number == 2)
        #expect(figures.contains { $0.outcome?.marker == .notAvailable })
        #expect(figures.contains { $0.outcome?.marker == .blank })
    }

    @Test func aMergedCouncilIsNotUsedAndSaysWhy() throws {
        let read = try Self.read("ascof-2223-new-columns.csv")
        let diagnostic = try #require(read.diagnostics.first { $0.rule == "council-not-valid" })
        #expect(diagnostic.file?.hasSuffix("ascof-2223-new-columns.csv") == true)
        #expect(diagnostic.row == 604 && diagnostic.column == "Geographical code" && diagnostic.value == "504")
        #expect(diagnostic.message.contains("Northamptonshire"))
        #expect(!read.figures.contains { $0.area == "504" })
    }

    @Test func the2023_24NumberingIsUsedForA2023_24File() throws {
        let old = try Self.read("ascof-2223-new-columns.csv").figures
        let new = try Self.read("ascof-2023-24-new-columns.csv").figures
        #expect(new.allSatisfy { $0.year == "2023-24" })
        #expect(Set(old.map(\.measure)) == Set(new.map(\.measure)))
        #expect(new.first { $0.measure == "3A" }?.code == "3A" && old.first { $0.measure == "3A" }?.code == "1B")
    }

    @Test func aFileWhoseYearCannotBeToldIsRefusedNamingIt() throws {
        let path = try Fixtures.require(Fixtures.path("published/ascof-no-year.csv"))
        do {
            _ = try Self.reader.read(path: path)
            Issue.record("a file without a year was read")
        } catch {
            #expect(error.description.contains("ascof-no-year.csv") && error.description.contains("--year"))
        }
        #expect(try Self.reader.read(path: path, year: "2022-23").figures.count > 100)
    }

    @Test func badRowsHaveDiagnosticsNamingFileRowAndColumn() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("ascof-2022-23.csv").path
        try """
        Geographical code,Geographical description,Geographical level,ONS code,ASCOF measure code,Disaggregation level,Measure type,Measure value
        716,Barking and Dagenham,council,E09000002,1B,Total,Outcome,seventy
        716,Barking and Dagenham,council,E09000002,9Z,Total,Outcome,70
        716,Barking and Dagenham,parish,E09000002,1B,Total,Outcome,70
        716,Barking and Dagenham,council,E09000002,1B,Total,Median,70
        716,Barking and Dagenham,council,E09000002,1B,Total,Outcome,70.5
        716,Barking and Dagenham,council,E09000002,1B,Total,Outcome,70.6

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try Self.reader.read(path: path)
        #expect(read.files[0].rowsRead == 6 && read.files[0].rowsUsed == 1 && read.files[0].rowsNotUsed == 5)
        #expect(read.diagnostics.map(\.rule) == ["not-a-number", "unknown-measure", "unknown-level", "unknown-measure-type", "duplicate-row"])
        #expect(read.diagnostics.map(\.row) == [2, 3, 4, 5, 7])
        #expect(read.diagnostics.allSatisfy { $0.file == path && $0.column != nil })
        #expect(read.figures.count == 1 && close(read.figures[0].outcome?.number, 0.705))
        // Missing columns: an error naming them.
        try "Geographical code,Measure value\n716,70\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FileError.missingColumns(file: path, sheet: nil, columns: ["Geographical level", "Measure type", "ASCOF measure code"])) {
            try Self.reader.read(path: path)
        }
    }

    @Test func yearsFromNames() {
        #expect(PublishedYear.parse("ascof-2023-24") == "2023-24")
        #expect(PublishedYear.parse("meas-from-asc-of-eng-2324-open-data") == "2023-24")
        #expect(PublishedYear.parse("ascof_23-24") == "2023-24")
        #expect(PublishedYear.parse("meas-from-asc-of-eng-1920-open-data-csv") == "2019-20")
        #expect(PublishedYear.parse("2023/2024") == "2023-24")
        #expect(PublishedYear.parse("ascof-2023") == nil)
        #expect(PublishedYear.parse("ascof-2022-23-and-2023-24") == nil)
        #expect(PublishedYear.parse("1864") == nil)
    }
}
