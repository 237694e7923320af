import Foundation
import Testing
import SurveyFiles
import SurveyModel

/// The real published ASCS 2020-21 annex tables read completely, checked against an independent
/// reading with openpyxl (`Tests/Fixtures/published/make-annex-expected.py`, output committed).
@Suite("Annex tables reader")
struct AnnexTablesTests {
    static let path = Fixtures.path("published/ascs-annex-tables-2020-21.xlsx")

    static func expected() throws -> [String: Any] {
        try #require(Fixtures.json(Fixtures.path("published/annex-2020-21-expected.json")) as? [String: Any])
    }

    @Test func readsEveryCouncilQuestionAndAnswer() throws {
        let tables = try AnnexTablesReader.read(path: try Fixtures.require(Self.path))
        let expected = try Self.expected()
        let sheets = try #require(expected["sheets"] as? [String: [String: Any]])
        #expect(tables.year == "2020-21")
        #expect(tables.diagnostics.isEmpty)
        // 151 councils and the "18 CASSR Average" row.
        #expect(tables.areas.count == 152)
        #expect(tables.areas.filter(\.isAverage).map(\.name) == ["18 CASSR Average"])
        let answerCount = try #require((expected["answers"] as? [String: Any])?["count"] as? Int)
        #expect(answerCount == 152 * 162)
        #expect(tables.answers.count == answerCount)
        // Every answer has all three tables' values (a number or a marker).
        #expect(tables.answers.allSatisfy { $0.percent != nil && $0.weightedCount != nil && $0.marginOfError != nil })
        #expect(tables.answers.allSatisfy { $0.respondents != nil })
        // Cells and markers by kind, per sheet, as the spreadsheet shows them.
        for (prefix, info) in sheets {
            let sheet = try #require(info["sheet"] as? String)
            #expect(tables.cellsRead[sheet] == info["cells"] as? Int, "\(prefix) cells")
            #expect(tables.markers[sheet] ?? [:] == info["markers"] as? [String: Int], "\(prefix) markers")
        }
        // The 18 councils that took part have numbers; the others only [x].
        let took = Set(tables.answers.filter { $0.percent?.number != nil }.map(\.area))
        #expect(took.count == 19)  // 18 councils + the average row
        #expect(tables.answers.filter { !took.contains($0.area) }.allSatisfy { $0.percent?.marker == .notAvailable })
    }

    @Test func valuesEqualWhatASpreadsheetShows() throws {
        let tables = try AnnexTablesReader.read(path: try Fixtures.require(Self.path))
        let sample = try #require(try Self.expected()["sample"] as? [[String: Any]])
        #expect(sample.count == 601)
        var index: [String: AnnexAnswer] = [:]
        for a in tables.answers { index[a.area + "|" + a.question + "|" + a.answer] = a }
        func check(_ value: PublishedValue?, _ expected: Any?, scale: Double, _ what: String) {
            switch expected {
            case let number as Double: #expect(close(value?.number, number * scale, rel: 1e-12), "\(what): \(String(describing: value)) vs \(number)")
            case let number as Int: #expect(close(value?.number, Double(number) * scale, rel: 1e-12), "\(what)")
            case let marker as String: #expect(value?.marker?.rawValue == marker, "\(what): \(String(describing: value)) vs \(marker)")
            default: #expect(value == nil, "\(what)")
            }
        }
        for s in sample {
            let key = "\(s["area"]!)|\(s["question"]!)|\(s["answer"]!)"
            guard let answer = index[key] else { Issue.record("missing \(key)"); continue }
            check(answer.percent, s["T1a"], scale: 0.01, "T1a \(key)")
            check(answer.weightedCount, s["T1b"], scale: 1, "T1b \(key)")
            check(answer.marginOfError, s["T5"], scale: 0.01, "T5 \(key)")
            check(answer.respondents, s["respondents"], scale: 1, "respondents \(key)")
        }
        // Two cells checked by eye in the spreadsheet: Kirklees, Q1 "I am extremely satisfied" 31.9%, MoE 5.2.
        let q1 = "Question 1 - Overall, how satisfied or dissatisfied are you with the care and support services you receive?"
        let kirklees = try #require(tables.answer(area: "211", question: q1, answer: "I am extremely satisfied"))
        #expect(close(kirklees.percent?.number, 0.319, rel: 1e-9))
        #expect(close(kirklees.marginOfError?.number, 0.052, rel: 1e-9))
        #expect(kirklees.weightedCount?.number == 970)
    }

    @Test func aFileWithoutAYearIsRefused() throws {
        let dir = Fixtures.temporaryDirectory()
        let copy = dir.appendingPathComponent("annex-tables.xlsx").path
        try FileManager.default.copyItem(atPath: try Fixtures.require(Self.path), toPath: copy)
        #expect(throws: FileError.self) { try AnnexTablesReader.read(path: copy) }
        #expect(try AnnexTablesReader.read(path: copy, year: "2020-21").answers.count == 152 * 162)
    }
}
