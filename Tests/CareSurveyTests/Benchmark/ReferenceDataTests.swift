import Foundation
import Testing
import SurveyFiles
import SurveyModel
import CareSurveyKit

/// `Reference/councils.json` and `Reference/ascof-measures.json` load, and agree with each other,
/// with the codebooks and with the published annex tables.
@Suite("Benchmark reference data")
struct ReferenceDataTests {
    static let data = DataDirectory(root: Fixtures.root)

    @Test func councilsLoadAndAreConsistent() throws {
        let councils = try Self.data.councils()
        // The 2020-21 annex tables list 151 councils; all of them are here.
        #expect(councils.councils.count == 151)
        #expect(councils.regions.count == 9)
        var cassr = Set<String>(), ons = Set<String>()
        for council in councils.councils {
            #expect(cassr.insert(council.cassr).inserted, "duplicate CASSR code \(council.cassr)")
            #expect(ons.insert(council.ons).inserted, "duplicate ONS code \(council.ons)")
            #expect(council.cassr.count == 3 || council.cassr.count == 5, "CASSR code \(council.cassr)")
            #expect(councils.regionName(council.region) == council.regionName, "\(council.name): region")
            let prefix = String(council.ons.prefix(3))
            let expectedType: Council.Kind? = ["E06": .unitaryAuthority, "E08": .metropolitanDistrict,
                                                "E09": .londonBorough, "E10": .shireCounty][prefix]
            #expect(council.type == expectedType, "\(council.name): type from ONS code")
            if council.type == .londonBorough { #expect(council.regionName == "London") }
        }
        let perRegion = Dictionary(grouping: councils.councils, by: \.regionName).mapValues(\.count)
        #expect(perRegion == ["North East": 12, "North West": 23, "Yorkshire and The Humber": 15, "East Midlands": 9,
                              "West Midlands": 14, "East of England": 11, "London": 33, "South East": 19, "South West": 15])
        #expect(councils.council(cassr: "716")?.name == "Barking and Dagenham")
        #expect(councils.council(ons: "E10000021", year: "2020-21")?.cassr == "504")
        #expect(councils.council(ons: "E10000021", year: "2021-22") == nil, "Northamptonshire ended in 2020-21")
        #expect(councils.council(named: "bristol city of")?.cassr == "909")
    }

    @Test func catalogueResolvesAgainstTheCodebooks() throws {
        let catalogue = try Self.data.measureCatalogue()
        let codebooks = try Self.data.codebooks()
        // Every survey measure of every codebook is in the catalogue, once, with the codebook's definition.
        for book in codebooks {
            for def in book.measures {
                let matches = catalogue.measures.filter { $0.id == def.code }
                #expect(matches.count == 1, "\(book.survey) \(book.surveyYear) \(def.code)")
                guard let measure = matches.first else { continue }
                #expect(measure.source == .survey && measure.name == def.name && measure.polarity == def.polarity)
                #expect(measure.unit == (def.kind == .proportion ? .percent : .score))
                #expect(measure.survey == book.survey)
            }
        }
        // The renumbering of 2023-24, both ways.
        let renumbered = ["1I1": "5A1", "1J": "1B", "1B": "3A", "3A": "1D", "3D1": "3C1", "1D": "1C",
                          "3B": "1E", "3C": "3B", "3D2": "3C2", "1I2": "5A2", "2A(1)": "2B", "2A(2)": "2C", "2D": "2A"]
        for (old, new) in renumbered {
            #expect(catalogue.measure(code: old, year: "2022-23")?.id == new, "\(old) in 2022-23")
            #expect(catalogue.measure(code: new, year: "2023-24")?.id == new, "\(new) in 2023-24")
        }
        // 4B: the survey measure before 2023-24, the safeguarding measure from 2023-24.
        #expect(catalogue.measure(code: "4B", year: "2022-23")?.source == .survey)
        #expect(catalogue.measure(code: "4B", year: "2023-24")?.id == "4B-safeguarding")
        // Polarity and units come from the definition.
        #expect(catalogue.measure(id: "2B")?.polarity == .lowerIsBetter)
        #expect(catalogue.measure(id: "2C")?.unit == .ratePer100000)
        #expect(catalogue.measure(id: "1A")?.unit == .score)
        // The voluntary 2020-21 ASCS year is not comparable with its neighbours; SACE is unaffected.
        let control = try #require(catalogue.measure(id: "3A"))
        #expect(!control.isComparable("2019-20", "2020-21") && !control.isComparable("2020-21", "2021-22"))
        #expect(control.isComparable("2019-20", "2021-22") && control.isComparable("2021-22", "2023-24"))
        #expect(!control.isComparable("2013-14", "2014-15"))
        #expect(try #require(catalogue.measure(id: "1C")).isComparable("2018-19", "2021-22"))
        // Every non-survey measure has its own name; a survey measure never does (no double definition).
        let file = try DataDirectory.decode(MeasureCatalogueFile.self,
                                            at: Fixtures.root.appendingPathComponent("Reference/ascof-measures.json"))
        for entry in file.measures where entry.codebook != nil {
            #expect(entry.name == nil && entry.polarity == nil && entry.unit == nil && entry.codes == nil,
                    "\(entry.codebook!) is defined in Questionnaires/ and must not be defined again")
        }
    }

    @Test func catalogueRefusesBrokenFiles() throws {
        let codebooks = try Self.data.codebooks()
        var file = try DataDirectory.decode(MeasureCatalogueFile.self,
                                            at: Fixtures.root.appendingPathComponent("Reference/ascof-measures.json"))
        var unknown = file
        unknown.measures.append(.init(codebook: "9Z", status: .provisional))
        #expect(throws: MeasureCatalogue.ResolveError.unknownCodebookMeasure("9Z")) {
            try MeasureCatalogue(file: unknown, codebooks: codebooks)
        }
        file.measures.append(.init(id: "X", codes: ["2023-24": "2b"], name: "x", unit: .percent,
                                   polarity: .higherIsBetter, status: .provisional))
        #expect(throws: MeasureCatalogue.ResolveError.duplicateCode(framework: "2023-24", code: "2b")) {
            try MeasureCatalogue(file: file, codebooks: codebooks)
        }
    }
}

/// Councils created since 2021 whose CASSR code is not confirmed: listed as provisional successors
/// (ONS code, name, region, type), never given an invented code; a published row for one is used with
/// the file's own code (or its ONS code) and a warning, and gets its region.
@Suite("Benchmark reference data: councils created since 2021")
struct SuccessorCouncilTests {
    @Test func successorsAreProvisionalAndNeverCoded() throws {
        let councils = try ReferenceDataTests.data.councils()
        let successors = try #require(councils.successors)
        #expect(successors.count == 6)
        let known = Set(councils.councils.map(\.ons))
        for s in successors {
            #expect(s.status == .provisional && !known.contains(s.ons) && s.ons.hasPrefix("E06"), "\(s.name)")
            #expect(councils.regionName(s.region) == s.regionName && s.note?.contains("never invented") == true)
        }
        #expect(councils.successor(ons: "E06000063", name: "", year: "2023-24")?.name == "Cumberland")
        #expect(councils.successor(ons: "", name: "Westmorland & Furness", year: "2023-24") == nil, "names match exactly, punctuation aside")
        #expect(councils.successor(ons: "E06000063", name: "", year: "2022-23") == nil, "Cumberland began in 2023-24")
    }

    @Test func aPublishedRowForASuccessorIsUsedWithTheFilesCode() throws {
        let source = try String(contentsOfFile: Fixtures.path("published/ascof-2023-24-new-columns.csv"), encoding: .utf8)
        let added = """
        X1Y2Z,Cumberland,council,E06000063,1A,Total,Base,400
        X1Y2Z,Cumberland,council,E06000063,1A,Total,Outcome,18.9
        X1Y2Z,Cumberland,council,E06000063,1A,Total,Margin Of Error,0.5
        ,North Yorkshire,council,E06000065,1A,Total,Outcome,19.4
        """
        let path = Fixtures.temporaryDirectory().appendingPathComponent("ascof-2023-24.csv").path
        try (source + added + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let report = try Fixtures.toolkit.benchmark(.init(inputs: [path], measures: ["1A"], draws: 1_000))
        let cumberland = try #require(report.results.first { $0.council == "X1Y2Z" && $0.breakdown == "Total" })
        #expect(cumberland.name == "Cumberland" && cumberland.estimate == 18.9 && cumberland.rank != nil)
        let entry = report.sets.flatMap(\.councils).first { $0.area == "X1Y2Z" }
        #expect(entry?.region == "E12000002", "North West, from the successor's entry")
        let yorkshire = try #require(report.results.first { $0.council == "E06000065" && $0.breakdown == "Total" })
        #expect(yorkshire.name == "North Yorkshire" && yorkshire.estimate == 19.4)
        let warnings = report.diagnostics.filter { $0.rule == "council-code-provisional" }
        #expect(warnings.count == 2 && warnings.allSatisfy { $0.severity == .warning })
    }
}
