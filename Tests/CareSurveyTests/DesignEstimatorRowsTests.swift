// The design's cell table and row list, the per-cell statistics over them, and the streamed
// results JSON, each against the straightforward version.
import Foundation
import Testing
@testable import SurveyReports
import SurveyEstimation
import SurveyModel

@Suite("Estimator design rows: cell table, rows in the design, streamed results JSON")
struct DesignEstimatorRowsTests {
    /// A small deterministic generator (64-bit LCG, high bits).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func randomInputs(seed: UInt64, rows: Int) -> (councils: [String], council: [Int32], stratum: [ResponseTable.Code], respondent: [Bool]) {
        var g = Generator(state: seed)
        let councils = (0..<(1 + g.next(6))).map { $0 == 2 ? "" : "C\($0)" }
        let council = (0..<rows).map { _ in Int32(g.next(councils.count)) }
        let stratum = (0..<rows).map { _ -> ResponseTable.Code in
            let r = g.next(10)
            return r == 0 ? ResponseTable.missing : r == 1 ? 254 : ResponseTable.Code(r)
        }
        let respondent = (0..<rows).map { _ in g.next(4) != 0 }
        return (councils, council, stratum, respondent)
    }

    @Test("cells, cell of each row, respondents per cell and rows in the design are those of a dictionary of (council, stratum)")
    func cellTable() {
        for seed in UInt64(1)...40 {
            let x = Self.randomInputs(seed: seed, rows: Int(seed) * 7)
            let design = Design(councilCodes: x.councils, councilOfRow: x.council, stratumOfRow: x.stratum, isRespondent: x.respondent)
            var index: [String: Int32] = [:]
            var cells: [Design.Cell] = []
            var cellOfRow = [Int32](repeating: -1, count: x.council.count)
            var perCell: [Int] = []
            var excluded = 0
            for row in x.council.indices where x.respondent[row] {
                let council = x.councils[Int(x.council[row])]
                guard x.stratum[row] != ResponseTable.missing, !council.isEmpty else { excluded += 1; continue }
                let key = "\(council)|\(x.stratum[row])"
                if index[key] == nil {
                    index[key] = Int32(cells.count)
                    cells.append(.init(council: council, stratum: Int(x.stratum[row])))
                    perCell.append(0)
                }
                cellOfRow[row] = index[key]!
                perCell[Int(index[key]!)] += 1
            }
            #expect(design.cells == cells)
            #expect(design.cellOfRow == cellOfRow)
            #expect(design.respondentsPerCell == perCell)
            #expect(design.excludedRespondents == excluded)
            #expect(design.rowsInDesign == cellOfRow.indices.filter { cellOfRow[$0] >= 0 }.map(Int32.init))
        }
    }

    @Test("statistics over the rows in the design are bit for bit those over every row, with and without a domain")
    func statisticsOverDesignRows() {
        for seed in UInt64(1)...40 {
            let x = Self.randomInputs(seed: seed, rows: Int(seed) * 11)
            let design = Design(councilCodes: x.councils, councilOfRow: x.council, stratumOfRow: x.stratum, isRespondent: x.respondent)
            var g = Generator(state: seed &* 31)
            let values = x.council.indices.map { _ -> Double in
                let r = g.next(12)
                return r == 0 ? .nan : Double(g.next(1000)) / 7.0
            }
            let include = x.council.indices.map { _ in g.next(3) != 0 }
            let all = CellStats.accumulate(values: values, cellOfRow: design.cellOfRow, cellCount: design.cells.count)
            let over = CellStats.accumulate(values: values, design: design)
            #expect(all == over)
            let allDomain = CellStats.accumulate(values: values, cellOfRow: design.cellOfRow, cellCount: design.cells.count, include: include)
            #expect(allDomain == CellStats.accumulate(values: values, design: design, include: include))
        }
    }

    @Test("the streamed results JSON is byte for byte the encoded ResultsFile, nulls, markers, labels and domains included")
    func streamedResultsFile() throws {
        func result(_ i: Int, group: GroupKey, label: String? = nil, marker: MissingMarker? = nil, code: Int? = nil) -> ResultsFile.Result {
            let hide = marker != nil
            return ResultsFile.Result(
                measure: "m\(i)", formerCode: i % 2 == 0 ? "F\(i)" : nil, name: i % 3 == 0 ? nil : "name \"\(i)\"\n",
                kind: i % 4 == 0 ? nil : (i % 2 == 0 ? .proportion : .mean), code: code, group: group, groupLabel: label,
                estimate: hide ? nil : [0.5, 1e-5, .nan, 2235.0, -0.0, .infinity][i % 6], standardError: hide ? nil : 0.01 * Double(i),
                lower: hide ? nil : 0.25, upper: hide ? nil : 0.75, respondents: marker.map(ResultsFile.Respondents.marker) ?? .count(i),
                population: i % 5 == 0 ? nil : 1234.5, cells: hide ? nil : i, singleRespondentCells: hide ? nil : 0,
                designEffect: i % 2 == 0 ? nil : 1.5, suppressed: hide, notes: i % 2 == 0 ? [] : ["a note", "tab\there"],
                caveat: i % 3 == 1 ? "caveat" : nil)
        }
        let results = [
            result(0, group: .council("102")),
            result(1, group: .england, label: "all councils loaded (3)"),
            result(2, group: GroupKey(level: .domain, council: "716", byVariable: "gender", byValue: "Female"), marker: .suppressed),
            result(3, group: GroupKey(level: .group, group: "North \"East\""), marker: .notAvailable),
            result(4, group: GroupKey(level: .domain, byVariable: "age-band", byValue: "18-64"), code: 3),
            result(5, group: .council("716"), code: 1),
            result(6, group: .england),
        ]
        let files = [
            ResultsFile(schemaVersion: 1, survey: "ASCS", surveyYear: "2022-23", interval: .init(method: "wald", level: 0.9),
                        codebook: .init(id: "ascs-2022-23", status: .provisional),
                        aggregate: .init(label: "England", councils: 152, allCouncils: true), results: results,
                        diagnostics: .init(errors: 2, warnings: 3), notes: ["one", "two \\ three"]),
            ResultsFile(schemaVersion: 1, survey: nil, surveyYear: nil, interval: nil, codebook: .init(id: nil, status: nil),
                        aggregate: .init(label: "x", councils: nil, allCouncils: false), results: [], diagnostics: nil, notes: []),
            ResultsFile(schemaVersion: 1, survey: "SACE", surveyYear: nil, interval: nil, results: Array(results.prefix(2)),
                        diagnostics: nil, notes: []),
        ]
        for file in files {
            #expect(ResultsFileJSON.render(file) == (try JSONValueEncoder.encode(file)).serialized())
        }
        for r in results {
            let field = ResultsFile.GroupField(key: r.group, label: r.groupLabel)
            #expect(ResultsFileJSON.group(field) == (try JSONValueEncoder.encode(field)))
        }
    }
}
