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
