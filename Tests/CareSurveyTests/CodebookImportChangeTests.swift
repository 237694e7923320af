import Foundation
import Testing
@testable import SurveyFiles
import SurveyModel

/// Changed templates built from the official 2021-22 one (sheet XML rewritten inside the zip):
/// the import reports each change exactly, re-points the measures by question text and answer
/// labels, and refuses what it cannot resolve with a clear message.
@Suite struct CodebookImportChangeTests {
    static let blank = CodebookImportTests.blank

    static func build(_ edit: (inout TemplateEditor) throws -> Void) throws -> String {
        var editor = try TemplateEditor(try Fixtures.require(blank))
        try edit(&editor)
        let dir = Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("changed-template.xlsx").path
        try editor.write(to: path)
        return path
    }

    /// Question number of a header or title (`Q15[a] - …` → 15), nil for other texts.
    static func number(_ text: String) -> Int? {
        guard text.hasPrefix("Q") else { return nil }
        return Int(text.dropFirst().prefix { $0.isNumber })
    }

    /// `Q15[a] - …` → `Q16[a] - …` for every question numbered `from` or later.
    static func bump(_ text: String, from: Int) -> String {
        guard let n = number(text), n >= from, text.contains(" - ") else { return text }
        return "Q\(n + 1)" + text.dropFirst(1 + String(n).count)
    }

    /// The 2022-23 change: a new Q7b (old Q7b → Q7c), a loneliness question as Q12, later questions +1.
    static func renumbered(_ e: inout TemplateEditor) {
        let lastQuestion = e.column("Q22[f] - ")
        for i in 0...lastQuestion { e.headers[i] = bump(e.headers[i], from: 12) }
        for i in e.blocks.indices { e.blocks[i].title = bump(e.blocks[i].title, from: 12) }
        let q7b = e.column("Q7b - ")
        e.headers[q7b] = TemplateEditor.renumber(e.headers[q7b], "Q7b", "Q7c")
        let b7 = e.block("Q7b - ")
        e.blocks[b7].title = TemplateEditor.renumber(e.blocks[b7].title, "Q7b", "Q7c")
        e.headers.insert("Q7b - Do you feel safe from harm in your own home?", at: q7b)
        e.blocks.insert(.init(title: "Q7b - Do you feel safe from harm in your own home?", row: 0,
                              codes: [.init(code: 1, label: "Yes"), .init(code: 2, label: "No"), .init(code: -9, label: "No response")],
                              questionID: "q7b", easyRead: false), at: b7)
        let q12 = e.column("Q13 - In the past year")
        e.headers.insert("Q12 - How often do you feel lonely?", at: q12)
        let lonely = ["Often or always", "Some of the time", "Occasionally", "Hardly ever", "Never"].enumerated()
            .map { CodeLabel(code: $0.offset + 1, label: $0.element) } + [CodeLabel(code: -9, label: "No response")]
        e.blocks.insert(.init(title: "Q12 - How often do you feel lonely?", row: 0, codes: lonely, questionID: "q12", easyRead: false),
                        at: e.block("Q13 - In the past year"))
    }

    @Test func anInsertedQuestionRenumbersTheLaterOnesAndTheMeasuresFollow() throws {
        let result = try CodebookImportTests.importing(try Self.build(Self.renumbered), year: "2022-23")
        let report = result.report
        let cb = result.codebook
        #expect(report.added.map(\.name) == ["q7b", "q12"])
        #expect(report.added.map(\.column) == ["BL", "BT"])
        #expect(report.removed.isEmpty && report.reworded.isEmpty && report.codeLists.isEmpty)
        var expected: [String: String] = ["q7b": "q7c", "q12": "q13", "q13": "q14", "q14a": "q15a", "q14b": "q15b",
                                          "q17": "q18", "q18": "q19", "q21": "q22"]
        for (letters, from, to) in [("abcd", 15, 16), ("abcd", 16, 17), ("abc", 19, 20), ("abc", 20, 21), ("abcdef", 22, 23)] {
            for l in letters { expected["q\(from)\(l)"] = "q\(to)\(l)" }
        }
        #expect(report.renumbered.count == 28)
        #expect(Dictionary(uniqueKeysWithValues: report.renumbered.map { ($0.from, $0.to) }) == expected)
        // Measures re-pointed at the new numbers, as in the hand-made 2022-23 codebook.
        let hand = try CodebookImportTests.previous("ascs-2022-23")
        #expect(cb.measure("3C1")?.flag == hand.measure("3C1")?.flag)
        #expect(cb.measure("4B")?.flag == hand.measure("4B")?.flag)
        #expect(cb.measure("1A") == (try CodebookImportTests.previous()).measure("1A"))
        let oneB = try #require(cb.measure("1B")?.score)
        #expect(oneB.include?.map(\.model) == ["ascot-current-utility"])
        #expect(Set((oneB.terms ?? []).flatMap(\.variables)) == Set((hand.measure("1B")?.score?.terms ?? []).flatMap(\.variables)))
        #expect(abs((oneB.constant ?? 0) - (hand.measure("1B")?.score?.constant ?? 1)) < 1e-12)
        #expect(cb.multiTickGroups == hand.multiTickGroups)
        #expect(cb.tables.map(\.question) == hand.tables.map(\.question))
        #expect(cb.field("q7c")?.label == "Q7c Services help: feeling safe" && cb.field("q13")?.codes == hand.field("q13")?.codes)
        #expect(cb.detect.all.contains("q23f") && !(cb.detect.none ?? []).contains("q23a"))
        let repointed = Dictionary(uniqueKeysWithValues: report.repointed.map { ($0.what, $0.changes) })
        #expect(repointed["measure 3C1"] == ["q12 → q13"])
        #expect(repointed["measure 4B"] == ["q7b → q7c"])
        #expect(repointed["measure 1B"]?.first?.hasPrefix("score model adjusted-scrqol-predicted-utility written into the measure's terms") == true)
        #expect(repointed["measure 1A"] == nil && repointed["measure 3A"] == nil)
        // The two new questions are open points: the codebook is provisional and lists them.
        #expect(cb.status == .provisional && cb.surveyYear == "2022-23")
        #expect(report.openPoints.count == 2 && cb.openPoints == report.openPoints)
        #expect(report.openPoints[0].hasPrefix("fields.q7b: new question in column BL"))
        #expect(report.openPoints[1].hasPrefix("fields.q12: new question in column BT"))
    }
}

extension CodebookImportChangeTests {
    @Test func addedCodesAreReportedAndMeasuresFollowTheLabelsNotTheNumbers() throws {
        let path = try Self.build { e in
            let q12 = e.block("Q12 - ")
            e.blocks[q12].codes = [CodeLabel(code: 1, label: "I did not need information or advice")]
                + e.blocks[q12].codes.map { $0.code == -9 ? $0 : CodeLabel(code: $0.code + 1, label: $0.label) }
            let q7a = e.block("Q7a - ")
            e.blocks[q7a].codes.insert(CodeLabel(code: 5, label: "I don't know"), at: 4)
        }
        let result = try CodebookImportTests.importing(path)
        let lists = Dictionary(uniqueKeysWithValues: result.report.codeLists.map { ($0.field, $0) })
        #expect(lists.keys.sorted() == ["q12", "q7a"])
        #expect(lists["q7a"]?.added == [CodeLabel(code: 5, label: "I don't know")])
        #expect(lists["q7a"]?.recoded == [] && lists["q7a"]?.removed == [] && lists["q7a"]?.relabelled == [])
        #expect(lists["q12"]?.added == [CodeLabel(code: 1, label: "I did not need information or advice")])
        #expect(lists["q12"]?.recoded.map { [$0.before, $0.after] } == [[1, 2], [2, 3], [3, 4], [4, 5], [5, 6]])
        #expect(lists["q12"]?.recoded.first?.label == "I've never tried to find information or advice")
        // 3C1 "finding information easy": Very/Fairly easy (was 2, 3) are now 3, 4; the base follows.
        let flag = try #require(result.codebook.measure("3C1")?.flag)
        #expect(flag.numerator == [3, 4] && flag.base == [3, 4, 5, 6])
        #expect(result.report.repointed.first { $0.what == "measure 3C1" }?.changes
                == ["q12 code 2 → 3", "q12 code 3 → 4", "q12 code 4 → 5", "q12 code 5 → 6"])
        // 4A's base is every valid code of Q7a: the new code would count in it, so that is an open point;
        // the ASCOT models list values per code of Q7a, so the new code scores nothing: open points too.
        let open = result.report.openPoints
        #expect(open.contains { $0 == "measures[6].flag: q7a has new code 5 \"I don't know\"; the base is every valid code, so it now counts in the base: give an explicit base if it should not" })
        #expect(open.contains { $0.hasPrefix("measures[0].score.terms[0].values: q7a has new code 5") })
        #expect(open.contains { $0.hasPrefix("measures[1].score.include[0] (ascot-current-utility): q7a has new code 5") })
        #expect(open.count == 3 && result.codebook.status == .provisional)
    }

    @Test func aRewordedLabelOrQuestionIsReportedAndAMeasureOnItIsAnOpenPoint() throws {
        let path = try Self.build { e in
            let q8a = e.block("Q8a - ")
            e.blocks[q8a].codes[0].label = "I have as much social contact as I want with the people I like"
            let q3a = e.column("Q3a - ")
            e.headers[q3a] = "Q3a - Which of the following statements best describes how much control you have over your life each day?"
        }
        let result = try CodebookImportTests.importing(path)
        #expect(result.report.codeLists.map(\.field) == ["q8a"])
        #expect(result.report.codeLists.first?.relabelled == [.init(code: 1, before: "I have as much social contact as I want with people I like",
                                                                   after: "I have as much social contact as I want with the people I like")])
        #expect(result.report.reworded == [.init(field: "q3a", before: "Which of the following statements best describes how much control you have over your daily life?",
                                                 after: "Which of the following statements best describes how much control you have over your life each day?")])
        #expect(result.codebook.field("q3a")?.text?.hasSuffix("your life each day?") == true)
        #expect(result.report.renumbered.isEmpty && result.report.added.isEmpty)
        // 5A1 counts Q8a code 1; the code is kept but its meaning must be confirmed (and the ASCOT scores read it).
        let open = result.report.openPoints
        #expect(open.contains { $0 == "measures[0].score.terms[0].values.1: q8a code 1 was relabelled (\"I have as much social contact as I want with people I like\" → \"I have as much social contact as I want with the people I like\"); check that it still means the same" })
        #expect(open.contains { $0.hasPrefix("measures[1].score.include[0] (ascot-current-utility terms[5]).values.1: q8a code 1 was relabelled") })
        #expect(result.codebook.measure("1B")?.score?.include?.count == 2)
        #expect(open.contains { $0.hasPrefix("measures[3].flag.numerator: q8a code 1 was relabelled") })
        #expect(result.codebook.measure("5A1")?.flag?.numerator == [1])
        #expect(result.codebook.status == .provisional && result.codebook.openPoints == open)
    }

    @Test func aRemovedColumnIsReportedAndAColumnTheRulesNeedIsRefused() throws {
        let religion = try Self.build { e in
            let i = e.column("Religion")
            e.headers.remove(at: i)
        }
        let result = try CodebookImportTests.importing(religion)
        #expect(result.report.removed == [.init(name: "Religion", column: nil, header: "Religion", mandatory: true)])
        #expect(result.codebook.field("Religion") == nil && result.codebook.fields.count == 96)
        #expect(result.report.notes.contains { $0.hasPrefix("codes sheet row 42: \"Religion\" names no column") })
        #expect(result.report.openPoints.isEmpty)

        let setting = try Self.build { e in e.headers.remove(at: e.column("Support Setting")) }
        let error = #expect(throws: CodebookImporter.ImportError.self) { try CodebookImportTests.importing(setting) }
        guard case let .unresolved(_, previous, references)? = error else { Issue.record("expected a refusal"); return }
        #expect(previous == "ascs-2021-22")
        #expect(references == [
            "strata.rules[1].whenAny[2].field: SupportSetting has no column in the template",
            "strata.rules[3].when[0].field: SupportSetting has no column in the template",
            "measures[1].eligible[1].field: SupportSetting has no column in the template",
            "domains[3].field: SupportSetting has no column in the template",
        ])
        #expect(error?.description.contains("cannot carry ascs-2021-22 over: 4 references to fields the template does not have") == true)
    }

    @Test func aRenamedCodesSheetIsRefusedWithTheNearMatchAndReadWhenNamed() throws {
        let path = try Self.build { e in e.renames = ["Service User Data - Codes": "Service User Data - Code"] }
        let error = #expect(throws: CodebookImporter.ImportError.self) { try CodebookImportTests.importing(path) }
        guard case let .template(.noCodesSheet(_, expected, found, suggestion))? = error else { Issue.record("expected noCodesSheet"); return }
        #expect(expected == "Service User Data - Codes" && suggestion == "Service User Data - Code" && found.count == 16)
        #expect(error?.description.contains("did you mean \"Service User Data - Code\"? (give it with --codes-sheet)") == true)
        let named = try CodebookImportTests.importing(path, codesSheet: "Service User Data - Code")
        #expect(named.report.isUnchanged && named.codebook.status == .verified)
    }
}
