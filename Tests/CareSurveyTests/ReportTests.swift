// The HTML report (`caresurvey report`): self-contained, every section present, deterministic,
// escaped, and byte-for-byte equal to a golden file.
//
// Golden file: Tests/Fixtures/golden/report-ascs-twenty.html — the conformance set
// ascs-2021-22-twenty with `after` as this year, `before` (returns + populations) as the previous
// year, focus council 716, default options. After an intended change to the report (or to the
// codebook texts, estimates or formatting it shows), look at the new output and re-record with
//
//     CARESURVEY_RECORD_GOLDEN=1 swift test --filter Report
//
// (add your `--scratch-path`); the re-recording run fails on purpose — run again without it. On a
// mismatch the test writes the actual output to a temporary file and names the first differing line.

import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyReports
import SurveyEstimation
import SurveyFiles
import SurveyModel

@Suite struct ReportTests {
    static let goldenPath = Fixtures.path("golden/report-ascs-twenty.html")

    /// The golden report's input (computed once; estimation is the slow part).
    static let ascsInput = Result<ReportInput, any Error> {
        let set = Fixtures.conformance("ascs-2021-22-twenty")
        let prepared = try Fixtures.toolkit.prepare(returns: [set + "/after/returns.csv"], populationFiles: [set + "/after/population.csv"],
                                                    options: LoadOptions())
        var estimation = EstimationOptions()
        estimation.domains = []
        let previous = try Fixtures.toolkit.yearFigures(paths: [set + "/before/returns.csv"], populations: [set + "/before/population.csv"],
                                                        options: LoadOptions(), estimation: estimation)
        var options = ReportOptions()
        options.focusCouncil = "716"
        return try Fixtures.toolkit.reportInput(prepared, options: options, previous: previous,
                                                previousPaths: [set + "/before/returns.csv"])
    }

    static let saceInput = Result<ReportInput, any Error> {
        let set = Fixtures.conformance("sace-2021-22-twenty")
        let prepared = try Fixtures.toolkit.prepare(returns: [set + "/returns.csv"], populationFiles: [set + "/population.csv"],
                                                    options: LoadOptions())
        return try Fixtures.toolkit.reportInput(prepared, options: ReportOptions())
    }

    // MARK: - Self-contained

    /// Everything that would make the browser fetch something, or run something.
    static let forbidden: [(String, String)] = [
        ("http/https URL", #"(?i)https?:"#),
        ("protocol-relative URL", #"(?<![A-Za-z0-9])//[A-Za-z0-9.-]"#),
        ("script", #"(?i)<script"#),
        ("event handler", #"(?i)<[^>]*\son[a-z]+\s*="#),
        ("src attribute", #"(?i)<[^>]*\ssrc\s*="#),
        ("href outside the page", ##"(?i)<[^>]*\shref\s*=\s*(?!"#)"##),
        ("xlink:href", #"(?i)xlink:href"#),
        ("CSS @import", #"(?i)@import"#),
        ("CSS url()", #"(?i)url\("#),
        ("external element", #"(?i)<(link|img|iframe|object|embed|base|audio|video|source)\b"#),
        ("data URI", #"(?i)data:[a-z]+/"#),
    ]

    static func problems(in html: String) -> [String] {
        forbidden.compactMap { name, pattern in
            html.range(of: pattern, options: .regularExpression).map { name + ": …" + String(html[$0]) + "…" }
        }
    }

    static func checkComplete(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problems(in: html).isEmpty, "external references: \(problems(in: html))", sourceLocation: sourceLocation)
        for id in HTMLReport.sectionIDs {
            #expect(html.contains("id=\"\(id)\""), "missing section #\(id)", sourceLocation: sourceLocation)
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"), sourceLocation: sourceLocation)
        #expect(html.contains("<title>"), sourceLocation: sourceLocation)
        // Every chart is labelled for assistive technology.
        let svgs = html.components(separatedBy: "<svg ").count - 1
        let decorative = html.components(separatedBy: "aria-hidden=\"true\"><").count - 1
        let labelled = html.components(separatedBy: "role=\"img\"").count - 1
        #expect(svgs > 0, sourceLocation: sourceLocation)
        #expect(labelled + decorative >= svgs, "\(svgs) svgs, \(labelled) labelled", sourceLocation: sourceLocation)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == labelled, sourceLocation: sourceLocation)
        #expect(html.components(separatedBy: "<title id=").count - 1 == labelled, sourceLocation: sourceLocation)
        // Nothing machine-specific.
        #expect(!html.contains(Fixtures.root.path), "an absolute path leaked into the report", sourceLocation: sourceLocation)
    }

    @Test func detectorCatchesExternalReferences() {
        for bad in ["<a href=\"https://x.org\">", "<img src=\"a.png\">", "<script>", "<style>@import 'a.css';</style>",
                    "background: url(a.png)", "<a href=\"other.html\">", "<x onload=\"f()\">", "//cdn.example"] {
            #expect(!Self.problems(in: bad).isEmpty, "not caught: \(bad)")
        }
        #expect(Self.problems(in: "<a href=\"#headline\">Headline</a> 1/2 <th scope=\"col\">").isEmpty)
    }

    // MARK: - Golden

    @Test func goldenASCSReport() throws {
        let input = try Self.ascsInput.get()
        let html = HTMLReport.render(input)
        Self.checkComplete(html)
        try Golden.check(html, against: Self.goldenPath)
    }

    @Test func ascsReportContents() throws {
        let input = try Self.ascsInput.get()
        #expect(input.focusCouncil == "716")
        #expect(input.councils.count == 20)
        #expect(input.files.map(\.path) == ["returns.csv"])
        let html = HTMLReport.render(input)
        #expect(html == HTMLReport.render(input), "rendering is not deterministic")
        // Codes with former codes, both years' arrows and words, every answer table, the method facts.
        for text in ["3A (was 1B)", "1B (was 1J)", "5A1 (was 1I1)", "Council 716", "England", "improved", "no significant change",
                     "↑", "↔", "Previous", "rank", "id=\"bench-3A\"", "id=\"dist-q3a\"", "id=\"dist-q22f\"", "N<sub>h</sub>",
                     "--suppress-below 3", "certainty", "verified", "Netten"] {
            #expect(html.contains(text), "missing \(text)")
        }
        let comparisons = try #require(input.comparisons)
        #expect(comparisons.contains { $0.group == .council("716") && $0.measure == "3A" })
        // Every table has header cells; every benchmark chart shows all 20 councils.
        for table in html.components(separatedBy: "<table").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            #expect(body.contains("<th"), "a table without header cells: \(body.prefix(120))")
        }
        #expect(html.components(separatedBy: "<figure class=\"bench\"").count - 1 == 8)
    }

    // MARK: - SACE, suppression, escaping, errors

    @Test func saceReportRenders() throws {
        let input = try Self.saceInput.get()
        #expect(input.focusCouncil == nil, "20 councils and no --council: the report leads with England")
        let html = HTMLReport.render(input)
        Self.checkComplete(html)
        for code in ["1C (was 1D)", "1E (was 3B)", "3B (was 3C)", "3C2 (was 3D2)", "5A2 (was 1I2)", "all councils", "provisional"] {
            #expect(html.contains(code), "missing \(code)")
        }
        #expect(html.contains("No previous year"))
    }

    @Test func suppressedValuesShowMarkersAndFootnotes() throws {
        var input = try Self.saceInput.get()
        input.focusCouncil = input.councils.first
        for i in input.measures.results.indices where input.measures.results[i].group.level == .council {
            input.measures.results[i].suppression = "[c]"
        }
        input.measures.results[0].suppression = "[x]"
        let html = HTMLReport.render(input)
        #expect(html.contains("<span class=\"supp\">[c]</span>"))
        #expect(html.contains("id=\"fn-c\""))
        #expect(html.contains("No council has a published value"))
        Self.checkComplete(html)
    }

    @Test func textFromDataIsEscaped() throws {
        var input = try Self.saceInput.get()
        let evil = "<script>alert('x')</script> & \"quotes\""
        for i in input.measures.results.indices { input.measures.results[i].name = evil }
        for i in input.codebook.fields.indices { input.codebook.fields[i].label = evil }
        input.files = input.files.map { var f = $0; f.path = "<img src=x>.csv"; return f }
        input.notes = [evil]
        let html = HTMLReport.render(input)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        Self.checkComplete(html)
    }

    @Test func unknownFocusCouncilIsAnError() throws {
        let set = Fixtures.conformance("ascs-2021-22-edge")
        let prepared = try Fixtures.toolkit.prepare(returns: [set + "/returns.csv"], populationFiles: [set + "/population.csv"], options: LoadOptions())
        var options = ReportOptions()
        options.focusCouncil = "999"
        #expect(throws: PipelineError.self) { try Fixtures.toolkit.reportInput(prepared, options: options) }
    }

    @Test func pathsAreHidden() {
        #expect(Toolkit.hidePaths("/home/a/b/pop.csv: 3 rows for unknown councils") == "pop.csv: 3 rows for unknown councils")
        #expect(Toolkit.hidePaths("see ../x/y.csv and ./z.csv") == "see y.csv and z.csv")
        #expect(Toolkit.hidePaths("and/or 1/2 of cells") == "and/or 1/2 of cells")
    }

    @Test func numberFormatting() {
        #expect(Fmt.fixed(60, 0) == "60")
        #expect(Fmt.count(1234567) == "1,234,567")
        #expect(Fmt.p(0.0004) == "&lt; 0.001")
        let p = ValueFormat(kind: .proportion, typical: 0.5)
        #expect(p.value(0.7712) == "77.1%")
        #expect(p.change(-0.041) == "−4.1 points")
        #expect(p.axis(82.5, step: 2.5) == "82.5%")
        let m = ValueFormat(kind: .mean, typical: 0.38)
        #expect(m.value(0.3741) == "0.374")
        #expect(ValueFormat(kind: .mean, typical: 18.1).value(18.04) == "18.0")
    }
}
