import Foundation
import Testing
@testable import SurveyFiles
import SurveyModel

/// `codebook import`: the official blank ASCS 2021-22 template, imported with the shipped 2021-22
/// codebook as the previous year, gives that codebook back exactly (only the provenance differs).
@Suite struct CodebookImportTests {
    static let blank = Fixtures.path("reference/ascs-data-return-2021-22-blank.xlsx")

    static func previous(_ id: String = "ascs-2021-22") throws -> Codebook {
        try #require(Fixtures.toolkit.codebooks.first { $0.id == id })
    }

    static func importing(_ path: String, from id: String = "ascs-2021-22", year: String? = nil,
                          codesSheet: String? = nil) throws -> CodebookImporter.Result {
        let importer = CodebookImporter(previous: try previous(id), models: Fixtures.toolkit.models,
                                        options: .init(surveyYear: year))
        return try importer.importTemplate(path: try Fixtures.require(path), codesSheet: codesSheet)
    }

    @Test func theOfficialTemplateReproducesTheVerifiedCodebook() throws {
        let result = try Self.importing(Self.blank)
        let old = try Self.previous()
        var new = result.codebook
        #expect(new.source != old.source && new.source.contains("ascs-data-return-2021-22-blank.xlsx"))
        new.source = old.source
        #expect(new.fields.count == old.fields.count)
        for (a, b) in zip(new.fields, old.fields) { #expect(a == b, "field \(b.name)") }
        #expect(new.measures == old.measures)
        #expect(new.strata == old.strata && new.derived == old.derived && new.tables == old.tables)
        #expect(new.multiTickGroups == old.multiTickGroups && new.domains == old.domains && new.detect == old.detect)
        #expect(new.respondent == old.respondent && new.nonRespondent == old.nonRespondent && new.easyRead == old.easyRead)
        #expect(new.excel == old.excel && new.populations == old.populations)
        #expect(new == old)
        #expect(result.report.isUnchanged, "\(result.report)")
        #expect(result.report.surveyYear == "2021-22")
    }
}

extension CodebookImportTests {
    /// The command writes the codebook and the JSON change report; a changed template's report
    /// names each change; a refusal exits 1 with the references.
    @Test func theCommandWritesTheCodebookAndTheReport() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("ascs-2021-22.json").path
        let json = dir.appendingPathComponent("changes.json").path
        let run = try CLIRunner.run(["codebook", "import", Self.blank, "--from", Fixtures.root.appendingPathComponent("Questionnaires/ascs-2021-22.json").path,
                                     "-o", out, "--report", json])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText.contains("ASCS 2021-22 imported from ascs-data-return-2021-22-blank.xlsx, carried over from ascs-2021-22 — VERIFIED"))
        #expect(run.stdoutText.contains("No question, code list or measure changed."))
        var written = try DataDirectory.decode(Codebook.self, at: URL(fileURLWithPath: out))
        let old = try Self.previous()
        written.source = old.source
        #expect(written == old)
        let report = try JSONDecoder().decode(CodebookChangeReport.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(report.isUnchanged && report.previous == "ascs-2021-22")

        let changed = try CodebookImportChangeTests.build(CodebookImportChangeTests.renumbered)
        let text = try CLIRunner.run(["codebook", "import", changed, "--survey-year", "2022-23", "-o", dir.appendingPathComponent("new.json").path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdoutText.contains("ASCS 2022-23 imported from changed-template.xlsx, carried over from ascs-2021-22 — PROVISIONAL"))
        #expect(text.stdoutText.contains("Renumbered (28):\n  q7b → q7c\n  q12 → q13\n"))
        #expect(text.stdoutText.contains("measure 3C1: q12 → q13"))
        let refused = try CodebookImportChangeTests.build { e in e.headers.remove(at: e.column("Support Setting")) }
        let fail = try CLIRunner.run(["codebook", "import", refused, "--from", Fixtures.root.appendingPathComponent("Questionnaires/ascs-2021-22.json").path,
                                      "-o", dir.appendingPathComponent("no.json").path])
        #expect(fail.status == 1 && fail.stderr.contains("strata.rules[1].whenAny[2].field: SupportSetting has no column in the template"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("no.json").path))
    }
}
