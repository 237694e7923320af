import Foundation
import Testing
@testable import SurveyFiles
import SurveyModel

/// `codebook import` of the carers' survey (SACE). No official SACE blank template has been seen, so
/// the templates are SYNTHETIC (Tests/Fixtures/sace/make-sace-template.py: the ASCS return's layout
/// with the "Carers Data" sheet, an en-dash "Carers Data – Codes" sheet and a "YYYY-YY Changes" sheet,
/// filled from the committed provisional codebooks). They show that the import reads a SACE-shaped
/// workbook and carries the SACE measures over; not that the codebooks match the real codes sheet.
@Suite struct CodebookImportSACETests {
    static let template2122 = Fixtures.path("sace/sace-data-return-2021-22-synthetic.xlsx")
    static let template2324 = Fixtures.path("sace/sace-data-return-2023-24-synthetic.xlsx")

    static func importing(_ path: String, from id: String = "sace-2021-22", year: String? = nil) throws -> CodebookImporter.Result {
        try CodebookImportTests.importing(path, from: id, year: year)
    }

    @Test func theSyntheticTemplateReproducesTheCommittedCodebook() throws {
        let result = try Self.importing(Self.template2122)
        let old = try CodebookImportTests.previous("sace-2021-22")
        var new = result.codebook
        #expect(new.source.contains("sace-data-return-2021-22-synthetic.xlsx") && new.source.contains("codes sheet \"Carers Data – Codes\""))
        new.source = old.source
        #expect(new.fields.count == old.fields.count && old.fields.count == 49)
        for (a, b) in zip(new.fields, old.fields) { #expect(a == b, "field \(b.name)") }
        #expect(new == old)
        #expect(result.report.isUnchanged, "\(result.report)")
        #expect(result.report.surveyYear == "2021-22" && result.report.notes.isEmpty, "\(result.report.notes)")
        #expect(new.excel.sheet == "Carers Data" && new.excel.councilCell?.sheet == "Sign Off Sheet" && new.excel.councilCell?.cell == "E2")
    }

    /// The 2023-24 changes (sace.md §3): loneliness Q16 and free-text Q10b added, the old Q16–Q18 moved
    /// up by one, the COVID-19 section 7 removed; the measures follow their questions.
    @Test func the2023TemplateRenumbersAndTheMeasuresFollow() throws {
        let result = try Self.importing(Self.template2324)
        let report = result.report
        #expect(report.surveyYear == "2023-24")
        #expect(report.added.map(\.name) == ["q10b", "q16"])
        #expect(report.removed.map(\.name) == ["q31", "q32", "q33"])
        #expect(report.renumbered.map { "\($0.from)→\($0.to)" } == ["q16→q17", "q17→q18", "q18→q19"])
        #expect(report.reworded.isEmpty && report.codeLists.isEmpty && report.mandatory.isEmpty)
        #expect(report.repointed.map(\.what).sorted() == ["detection", "measure 3B", "measure 3C2", "tables"])
        #expect(report.repointed.first { $0.what == "measure 3B" }?.changes == ["q18 → q19"])
        #expect(report.repointed.first { $0.what == "measure 3C2" }?.changes == ["q16 → q17"])
        #expect(report.openPoints.count == 2 && report.openPoints.allSatisfy { $0.hasPrefix("fields.q10b:") || $0.hasPrefix("fields.q16:") })
        var cb = result.codebook
        #expect(cb.status == .provisional && cb.openPoints == report.openPoints)
        #expect(cb.field("q10b")?.kind == .freeText && cb.field("q16")?.codes?.count == 5)

        // Settled as the committed 2023-24 codebook settles them: the two new fields' labels and
        // q10b voluntary. Then every field, table, domain and measure is the committed one.
        let hand = try CodebookImportTests.previous("sace-2023-24")
        for name in ["q10b", "q16"] {
            let i = try #require(cb.fieldIndex(name))
            cb.fields[i].label = try #require(hand.field(name)).label
            cb.fields[i].mandatory = hand.field(name)?.mandatory
        }
        #expect(cb.fields.count == hand.fields.count)
        for (a, b) in zip(cb.fields, hand.fields) { #expect(a == b, "field \(b.name)") }
        #expect(cb.tables == hand.tables && cb.domains == hand.domains && cb.detect == hand.detect && cb.strata == hand.strata)
        #expect(cb.measures.count == hand.measures.count)
        for (a, b) in zip(cb.measures, hand.measures) {
            var carried = a
            carried.note = b.note // notes name the question number in words
            #expect(carried == b, "measure \(b.code)")
        }
    }

    /// Without --from the previous codebook is found by the workbook's data sheet ("Carers Data") and
    /// year; the command prints the report.
    @Test func theCommandFindsTheSACECodebookByItsDataSheet() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("sace-2023-24.json").path
        let run = try CLIRunner.run(["codebook", "import", try Fixtures.require(Self.template2324), "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText.contains("SACE 2023-24 imported from sace-data-return-2023-24-synthetic.xlsx, carried over from sace-2021-22 — PROVISIONAL"))
        #expect(run.stdoutText.contains("Removed (3):\n  q31 (voluntary): Q31 - COVID-19 (section 7)"))
        #expect(run.stdoutText.contains("Renumbered (3):\n  q16 → q17\n  q17 → q18\n  q18 → q19\n"))
        let check = try CLIRunner.run(["codebook", "--check", out])
        #expect(check.status == 0, "\(check.stdoutText)")
    }

    /// The COVID-19 section 7 of 2021-22 is read and validated (loosely: a whole number 1–9) but no
    /// measure, table or domain uses it; 2023-24 has no such columns.
    @Test func theCOVIDSectionIsReadAndValidatedButNeverScored() throws {
        let cb = try CodebookImportTests.previous("sace-2021-22")
        let covid = ["q31", "q32", "q33"]
        for name in covid {
            let f = try #require(cb.field(name))
            #expect(f.isQuestion && f.kind == .integer && f.min == 1 && f.max == 9 && !f.isMandatory)
        }
        let used = Set(cb.measures.flatMap { m in [m.flag?.variable].compactMap { $0 } + (m.score?.terms ?? []).flatMap(\.variables) })
            .union(cb.tables.map(\.sourceVariable)).union((cb.domains ?? []).map(\.field))
        #expect(used.intersection(covid).isEmpty)
        #expect(try CodebookImportTests.previous("sace-2023-24").fields.allSatisfy { !covid.contains($0.name) })
        let prepared = try SACETests.prepare([["q31": "3", "q32": "10", "q33": "-9"], ["Response": "2"]])
        #expect(prepared.loaded.diagnostics.filter { $0.column == "q32" }.count == 1)
        let table = try #require(prepared.loaded.table)
        let q31 = try #require(cb.fieldIndex("q31")), q32 = try #require(cb.fieldIndex("q32"))
        #expect(table.columns[q31][0] == 3 && table.columns[q32][0] == ResponseTable.missing)
    }
}
