import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyModel
import SurveyReports

/// statistics.md §6: aggregate outputs (measures, tables, compare; JSON and CSV) never contain
/// serial numbers, primary keys or free text, and disclosure control is on by default.
@Suite("Safety: aggregate outputs and disclosure control")
struct SafetyAggregateOutputTests {
    /// Words of an output: runs of letters, digits, `-` and `_` (a serial such as `716-00001` is one).
    static func words(_ text: String) -> Set<Substring> {
        Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    /// Fails for every serial (or other secret) that appears in the output.
    static func expectNone(of secrets: Set<String>, in output: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = words(output).filter { secrets.contains(String($0)) }
        #expect(found.isEmpty, "\(what) contains \(found.count) serial numbers or keys, e.g. \(found.prefix(3))", sourceLocation: sourceLocation)
        for marker in ["SENTINEL", "sentinel"] {
            #expect(!output.contains(marker), "\(what) contains free text from the input", sourceLocation: sourceLocation)
        }
    }

    /// Every serial of the returns read; checks they are distinctive enough for the test to mean something.
    static func serials(_ paths: [String]) throws -> Set<String> {
        let loaded = Fixtures.toolkit.load(paths)
        let table = try #require(loaded.table)
        let serials = Set(table.serial.filter { !$0.isEmpty })
        #expect(serials.count > 1000)
        #expect(serials.allSatisfy { $0.contains("-") && $0.count >= 6 }, "serials are not distinctive: the test would find false matches")
        return serials
    }

    /// The edge set's returns with a primary-key column and a free-text column added (both
    /// ignored by the reader, both must never reach an aggregate output).
    static func edgeWithSecrets() throws -> (path: String, keys: Set<String>) {
        let source = try String(contentsOfFile: Fixtures.require(Fixtures.conformance("ascs-2021-22-edge/returns.csv")), encoding: .utf8)
        var lines = source.split(whereSeparator: \.isNewline).map(String.init)
        var keys: Set<String> = []
        lines[0] += ",PrimaryKey,Comments"
        for i in 1..<lines.count {
            let key = "PK-SENTINEL-\(i)"
            keys.insert(key)
            lines[i] += ",\(key),\"free text sentinel \(i), with =formula and a comma\""
        }
        let path = Fixtures.temporaryDirectory().appendingPathComponent("returns-with-text.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, keys)
    }

    @Test func measuresAndTablesCarryNoSerialsKeysOrFreeText() throws {
        let (path, keys) = try Self.edgeWithSecrets()
        let secrets = try Self.serials([path]).union(keys)
        let population = try Fixtures.require(Fixtures.conformance("ascs-2021-22-edge/population.csv"))
        let prepared = try Fixtures.toolkit.prepare(returns: [path], populationFiles: [population], options: .init())
        #expect(prepared.scored.table.count == 4195)
        for suppressBelow in [3, 0] {
            var options = EstimationOptions()
            options.suppressBelow = suppressBelow
            let measures = try Fixtures.toolkit.measures(prepared, options: options)
            #expect(!measures.results.isEmpty)
            Self.expectNone(of: secrets, in: MeasuresJSON.render(measures), "measures JSON")
            Self.expectNone(of: secrets, in: MeasuresJSON.csv(measures), "measures CSV")
            let tables = try Fixtures.toolkit.tables(prepared, options: options)
            #expect(!tables.results.isEmpty)
            Self.expectNone(of: secrets, in: TablesJSON.render(tables), "tables JSON")
            Self.expectNone(of: secrets, in: TablesJSON.csv(tables), "tables CSV")
            // The HTML report (its data-quality section summarises the diagnostics, never lists values).
            var report = ReportOptions()
            report.estimation.suppressBelow = suppressBelow
            let html = HTMLReport.render(try Fixtures.toolkit.reportInput(prepared, options: report))
            Self.expectNone(of: secrets, in: html, "HTML report")
            // Domains too.
            options.domains = ["gender", "age-band"]
            let domains = try Fixtures.toolkit.measures(prepared, options: options)
            #expect(domains.results.contains { $0.group.level == .domain })
            Self.expectNone(of: secrets, in: MeasuresJSON.render(domains), "measures JSON by domain")
            Self.expectNone(of: secrets, in: MeasuresJSON.csv(domains), "measures CSV by domain")
        }
    }

    @Test func saceMeasuresCarryNoSerials() throws {
        let returns = try Fixtures.require(Fixtures.conformance("sace-2021-22-twenty/returns.csv"))
        let secrets = try Self.serials([returns])
        let prepared = try Fixtures.toolkit.prepare(returns: [returns],
                                                    populationFiles: [try Fixtures.require(Fixtures.conformance("sace-2021-22-twenty/population.csv"))],
                                                    options: .init())
        let measures = try Fixtures.toolkit.measures(prepared, options: EstimationOptions())
        Self.expectNone(of: secrets, in: MeasuresJSON.render(measures), "SACE measures JSON")
        Self.expectNone(of: secrets, in: MeasuresJSON.csv(measures), "SACE measures CSV")
    }

    @Test func compareCarriesNoSerials() throws {
        let dir = Fixtures.conformance("ascs-2021-22-twenty") + "/"
        let before = try Fixtures.require(dir + "before/returns.csv")
        let after = try Fixtures.require(dir + "after/returns.csv")
        let secrets = try Self.serials([before]).union(try Self.serials([after]))
        func figures(_ returns: String, _ set: String) throws -> YearFigures {
            try Fixtures.toolkit.yearFigures(paths: [returns], populations: [try Fixtures.require(dir + set + "/population.csv")],
                                             options: .init(), estimation: EstimationOptions())
        }
        let comparisons = Fixtures.toolkit.compare(before: try figures(before, "before"), after: try figures(after, "after"), options: .init())
        #expect(!comparisons.isEmpty)
        Self.expectNone(of: secrets, in: CompareOutput.json(comparisons, alpha: 0.05, adjust: .none, notes: []), "compare JSON")
        Self.expectNone(of: secrets, in: CompareOutput.csv(comparisons), "compare CSV")
    }

    @Test func suppressionIsOnByDefault() {
        #expect(EstimationOptions().suppressBelow == 3)
        #expect(ChangeTest.Options().suppressBelow == 3)
    }

    /// A council with 2 respondents: every one of its measures is `[c]` (or `[x]` for a zero
    /// base) with no estimate, SE or bounds, in JSON and CSV, with the default options.
    @Test func aCouncilWithTwoRespondentsIsSuppressedByDefault() throws {
        let source = try String(contentsOfFile: Fixtures.require(Fixtures.path("sace/carers-data.csv")), encoding: .utf8)
        let lines = source.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let council = try #require(header.firstIndex(of: "LaCode"))
        let response = try #require(header.firstIndex(of: "Response"))
        var kept = [lines[0]]
        var respondents614 = 0
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if cells[council] == "614", cells[response] == "1" {
                respondents614 += 1
                if respondents614 > 2 { continue }
            }
            kept.append(line)
        }
        #expect(respondents614 > 2)
        let dir = Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("tiny.csv").path
        try (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let prepared = try Fixtures.toolkit.prepare(returns: [path], populationFiles: [try Fixtures.require(Fixtures.path("sace/population.csv"))],
                                                    options: .init())
        let report = try Fixtures.toolkit.measures(prepared, options: EstimationOptions())
        let tiny = report.results.filter { $0.group == .council("614") }
        #expect(!tiny.isEmpty)
        #expect(tiny.allSatisfy { $0.isSuppressed && ($0.suppression == "[c]" || $0.suppression == "[x]") })
        #expect(tiny.contains { $0.suppression == "[c]" })
        #expect(report.results.contains { $0.group == .council("204") && !$0.isSuppressed })

        let json = try #require(try JSONSerialization.jsonObject(with: Data(MeasuresJSON.render(report).utf8)) as? [String: Any])
        let rows = try #require(json["results"] as? [[String: Any]])
        let tinyRows = rows.filter { ($0["group"] as? [String: Any])?["council"] as? String == "614" }
        #expect(tinyRows.count == tiny.count)
        for row in tinyRows {
            let marker = row["respondents"] as? String
            #expect(marker == "[c]" || marker == "[x]")
            for key in ["estimate", "standardError", "lower", "upper"] { #expect(row[key] is NSNull, "\(key) shown for a suppressed result") }
            #expect(row["suppressed"] as? Bool == true)
        }
        #expect(tinyRows.contains { $0["respondents"] as? String == "[c]" })

        let csv = try CSVTestParser.parse(MeasuresJSON.csv(report))
        let columns = csv[0]
        let at = { (name: String) in columns.firstIndex(of: name)! }
        let tinyCSV = csv.dropFirst().filter { $0[at("council")] == "614" && $0[at("level")] == "council" }
        #expect(tinyCSV.count == tiny.count)
        for row in tinyCSV {
            #expect(row[at("respondents")] == "[c]" || row[at("respondents")] == "[x]")
            #expect(row[at("estimate")].isEmpty && row[at("standardError")].isEmpty && row[at("lower")].isEmpty && row[at("upper")].isEmpty)
        }
    }
}
