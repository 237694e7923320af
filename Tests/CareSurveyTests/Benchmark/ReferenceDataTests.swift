import Foundation
import Testing
import SurveyFiles
import SurveyModel

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
