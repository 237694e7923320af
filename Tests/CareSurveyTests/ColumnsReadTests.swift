import Foundation
import Testing
@testable import CareSurveyKit
import SurveyFiles
import SurveyModel
import SurveyScoring

/// `measures` keeps only the columns it reads (`ColumnsRead.measures`, `Toolkit.measuresOnly`):
/// the scores, respondents, strata and domain variables must be exactly those of a table that
/// holds every column, on the chunked CSV path (the ASCS example, over 2 MB), the one-pass path
/// (SACE) and several workbooks (columns left out after the duplicate-council check).
@Suite struct ColumnsReadTests {
    static let inputs: [(name: String, paths: [String])] = [
        ("ASCS CSV (parallel chunks)", ["Examples/ascs/returns.csv"]),
        ("SACE CSV (one pass)", ["Examples/sace/returns.csv"]),
        ("ASCS workbooks (several files)", ["Examples/ascs/xlsx"]),
    ]

    static func load(_ paths: [String], options: LoadOptions) throws -> ScoredReturns {
        let loaded = Fixtures.toolkit.load(paths.map { Fixtures.root.appendingPathComponent($0).path }, options: options)
        let table = try #require(loaded.table)
        return try Fixtures.toolkit.score(table)
    }

    @Test(arguments: inputs.indices)
    func keptColumnsScoreExactlyAsAllColumns(_ i: Int) throws {
        let (name, paths) = Self.inputs[i]
        let full = try Self.load(paths, options: LoadOptions())
        let codebook = full.table.codebook
        let domains = (codebook.domains ?? []).map(\.name)
        try #require(!domains.isEmpty, "\(name): the codebook defines domains")
        let slim = try Self.load(paths, options: Fixtures.toolkit.measuresOnly(LoadOptions(), domains: domains))
        try #require(slim.table.count == full.table.count)
        #expect(slim.table.codebook.id == codebook.id)
        let coded = codebook.fields.filter(\.isCoded).count
        let held = slim.table.holdsColumn.filter { $0 }.count
        #expect(held > 0 && held < coded, "\(name): \(held) of \(coded) columns held")
        #expect(!slim.table.hasRowDetails && slim.table.serial.isEmpty && full.table.hasRowDetails)
        #expect(slim.isRespondent == full.isRespondent, "\(name)")
        #expect(slim.stratum == full.stratum, "\(name)")
        try #require(slim.values.count == full.values.count && slim.values.count == codebook.measures.count)
        for (m, measure) in codebook.measures.enumerated() {
            let same = zip(slim.values[m], full.values[m]).allSatisfy { $0.bitPattern == $1.bitPattern }
            #expect(same, "\(name): measure \(measure.code) differs")
        }
        for domain in codebook.domains ?? [] {
            #expect(slim.variables[domain.field] != nil && slim.variables[domain.field] == full.variables[domain.field],
                    "\(name): domain \(domain.name) reads \(domain.field)")
        }
        #expect(slim.table.councils == full.table.councils && slim.table.council == full.table.council)
    }

    /// Without domains, their fields (when nothing else reads them) are left out; with one, it is kept.
    @Test func domainFieldsOnlyWhenAskedFor() throws {
        let codebook = try #require(Fixtures.toolkit.codebooks.first { $0.survey.lowercased() == "ascs" })
        let none = ColumnsRead.measures(codebook, models: Fixtures.toolkit.models, domains: [])
        let gender = ColumnsRead.measures(codebook, models: Fixtures.toolkit.models, domains: ["gender"])
        let field = try #require(codebook.domains?.first { $0.name == "gender" }?.field)
        let index = try #require(codebook.fieldIndex(field))
        #expect(gender[index])
        #expect(zip(none, gender).allSatisfy { !$0 || $1 }, "adding a domain never drops a column")
        // The respondent field and every stratum rule's fields are always read.
        let respondent = try #require(codebook.fieldIndex(codebook.respondent.field))
        #expect(none[respondent])
        for rule in codebook.strata.rules {
            for c in (rule.when ?? []) + (rule.whenAny ?? []) { #expect(none[try #require(codebook.fieldIndex(c.field))], "\(c.field)") }
        }
    }

    /// A measure reading a column the table does not hold fails as an unknown variable; it is
    /// never scored from blanks.
    @Test func aMissingColumnIsAnErrorNotBlanks() throws {
        let path = Fixtures.root.appendingPathComponent("Examples/sace/returns.csv").path
        var options = LoadOptions()
        options.keepColumns = { codebook in codebook.fields.map { $0.name == codebook.respondent.field } }
        let table = try #require(Fixtures.toolkit.load([path], options: options).table)
        #expect(table.holdsColumn.filter { $0 }.count == 1)
        #expect(throws: ScoringError.self) { try Fixtures.toolkit.score(table) }
    }

    @Test func keepColumnsFreesTheOthers() throws {
        let path = Fixtures.root.appendingPathComponent("Examples/sace/returns.csv").path
        var table = try #require(Fixtures.toolkit.load([path], options: LoadOptions()).table)
        let codebook = table.codebook
        let first = try #require(codebook.fields.firstIndex { $0.isCoded })
        let second = try #require(codebook.fields.indices.first { $0 > first && codebook.fields[$0].isCoded })
        table.keepColumns(codebook.fields.indices.map { $0 == first || $0 == second })
        #expect(table.holdsColumn.filter { $0 }.count == 2)
        #expect(table.columns[first].count == table.count && table.columns[second].count == table.count)
        #expect(table.column(codebook.fields[first].name) != nil)
        for index in codebook.fields.indices where index != first && index != second {
            #expect(table.columns[index].isEmpty)
            #expect(table.column(codebook.fields[index].name) == nil)
        }
        table.keepColumns(codebook.fields.indices.map { $0 == first })
        #expect(table.holdsColumn.filter { $0 }.count == 1, "dropping again only drops")
        let rows = table.count
        let filtered = table.filtered((0..<rows).map { $0 % 2 == 0 })
        #expect(filtered.columns[first].count == (rows + 1) / 2 && filtered.columns[second].isEmpty)
    }
}
