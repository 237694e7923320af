import Foundation
import Testing

/// `caresurvey trend` end to end on seven synthetic published ASCOF files
/// (`Tests/Fixtures/trend/ascof-*.csv`, written by `make-ascof-years.py`): the JSON contract of
/// benchmarking.md §7, codes joined across the 2023-24 renumbering, the designed trends of council 716,
/// targets, CSV and text, and option errors.
@Suite("Trend: the trend command")
struct TrendCommandTests {
    static let years = ["2017-18", "2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24"]
    static var files: [String] { years.map { "Tests/Fixtures/trend/ascof-\($0).csv" } }

    static func json(_ args: [String]) throws -> [String: Any] {
        let outcome = try CLIRunner.run(["trend"] + files + args + ["--format", "json"])
        try #require(outcome.status == 0, "exit \(outcome.status): \(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    }

    static func series(_ doc: [String: Any], _ measure: String, level: String = "council") throws -> [String: Any] {
        let all = try #require(doc["series"] as? [[String: Any]])
        return try #require(all.first { $0["measure"] as? String == measure && $0["level"] as? String == level && $0["breakdown"] as? String == "Total" },
                            "no \(level) series for \(measure)")
    }

    @Test func contractAndDesignedTrends() throws {
        let doc = try Self.json(["--council", "716", "--targets", "Tests/Fixtures/trend/targets.csv"])
        #expect(doc["schemaVersion"] as? Int == 1)
        let all = try #require(doc["series"] as? [[String: Any]])
        #expect(all.count == 21)                                        // 7 measures × (716, London, England)
        for s in all {
            for key in ["measure", "council", "level", "breakdown", "points", "breaks", "changes", "recentTrend", "redRed", "target"] {
                #expect(s.keys.contains(key), "series lacks \(key)")
            }
        }
        let control = try Self.series(doc, "3A")
        #expect(control["council"] as? String == "716")
        #expect(control["code"] as? String == "3A (was 1B)")
        let points = try #require(control["points"] as? [[String: Any]])
        #expect(points.count == 7)
        #expect(points.map { $0["year"] as? String } == Self.years)
        #expect(points[3]["estimate"] is NSNull && points[3]["marker"] as? String == "[x]")
        #expect(abs((points[6]["estimate"] as? Double ?? 0) - 0.68) < 1e-12)      // percent read as a fraction
        let trend = try #require(control["recentTrend"] as? [String: Any])
        #expect(trend["direction"] as? String == "worsening")
        #expect(trend["method"] as? String == "weighted-regression")
        #expect(control["redRed"] as? Bool == true)
        let target = try #require(control["target"] as? [String: Any])
        #expect(target["rag"] as? String == "red")                     // 68% against 75% with amber 3 points
        #expect(abs((target["value"] as? Double ?? 0) - 0.75) < 1e-12)

        let quality = try Self.series(doc, "1A")
        #expect((quality["recentTrend"] as? [String: Any])?["direction"] as? String == "improving")
        #expect((quality["target"] as? [String: Any])?["rag"] as? String == "green")   // 19.3 exactly on target
        #expect(quality["redRed"] as? Bool == false)
        let contact = try Self.series(doc, "5A1")
        #expect(contact["code"] as? String == "5A1 (was 1I1)")
        #expect((contact["recentTrend"] as? [String: Any])?["reason"] as? String == "outlier found")
        let admissions = try Self.series(doc, "2B")
        #expect(admissions["polarity"] as? String == "lower")
        #expect((admissions["recentTrend"] as? [String: Any])?["direction"] as? String == "improving")
        #expect((admissions["target"] as? [String: Any])?["rag"] as? String == "green")
        let shortTerm = try Self.series(doc, "2A")
        #expect((shortTerm["recentTrend"] as? [String: Any])?["method"] as? String == "chi-squared-trend")
        let home = try Self.series(doc, "2E")
        let breaks = try #require(home["breaks"] as? [[String: Any]])
        #expect(breaks.count == 1 && breaks[0]["before"] as? String == "2022-23" && breaks[0]["after"] as? String == "2023-24")
        #expect((home["recentTrend"] as? [String: Any])?["reason"] as? String == "break in series")
        let changes = try #require(home["changes"] as? [[String: Any]])
        #expect(changes.last?["comparable"] as? Bool == false)
        let flat = try Self.series(doc, "1D")
        #expect((flat["recentTrend"] as? [String: Any])?["direction"] as? String == "no-significant-change")
        #expect((flat["target"] as? [String: Any])?["rag"] as? String == "red")
        let england = try Self.series(doc, "3A", level: "england")
        #expect(england["council"] is NSNull)
        #expect(england["target"] is NSNull)                             // targets are the council's
    }

    @Test func measuresFilterAndAdjustment() throws {
        let doc = try Self.json(["--council", "716", "--measures", "1B,5A1", "--adjust", "holm"])
        let all = try #require(doc["series"] as? [[String: Any]])
        // 1B is read in the newest numbering: adjusted quality of life, not in these files.
        #expect(Set(all.compactMap { $0["measure"] as? String }) == ["5A1"])
        #expect(doc["adjust"] as? String == "holm")
        let changes = all.flatMap { $0["changes"] as? [[String: Any]] ?? [] }
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { ($0["pHolm"] as? Double ?? 0) >= ($0["pValue"] as? Double ?? 1) })
    }

    @Test func csvAndTextAgreeWithJSON() throws {
        let csv = try CLIRunner.run(["trend"] + Self.files + ["--council", "716", "--measures", "3A", "--format", "csv"])
        try #require(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdoutText.split(separator: "\n")
        #expect(lines.count == 1 + 3 * 7)
        #expect(lines[0].hasPrefix("measure,code,measureName"))
        let text = try CLIRunner.run(["trend"] + Self.files + ["--council", "716", "--measures", "3A", "--format", "text"])
        #expect(text.status == 0)
        #expect(text.stdoutText.contains("RED–RED"))
        #expect(text.stdoutText.contains("3A (was 1B) Control over daily life"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        for args in [["--council", "7-16"], ["--adjust", "bonferroni"], ["--alpha", "2"], ["--measures", "9Z"],
                     ["--returns", "Tests/Fixtures/trend"], ["--targets", "Tests/Fixtures/trend/make-ascof-years.py"]] {
            let outcome = try CLIRunner.run(["trend"] + Self.files + args)
            #expect(outcome.status == 2, "\(args): exit \(outcome.status) \(outcome.stderr)")
            #expect(!outcome.signalled)
        }
        let unknownCouncil = try CLIRunner.run(["trend"] + Self.files + ["--council", "999"])
        #expect(unknownCouncil.status == 2)
        #expect(unknownCouncil.stderr.contains("999"))
    }
}

/// `caresurvey trend --format html`: self-contained, a table per area, every number equal to the JSON.
@Suite("Trend: the HTML page")
struct TrendHTMLTests {
    @Test func pageAgreesWithJSON() throws {
        let args = ["trend"] + TrendCommandTests.files + ["--council", "716", "--targets", "Tests/Fixtures/trend/targets.csv"]
        let page = try CLIRunner.run(args + ["--format", "html"])
        try #require(page.status == 0, "\(page.stderr)")
        let html = page.stdoutText
        #expect(ReportTests.problems(in: html).isEmpty, "external references: \(ReportTests.problems(in: html))")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let doc = try TrendCommandTests.json(["--council", "716", "--targets", "Tests/Fixtures/trend/targets.csv"])
        let series = try #require(doc["series"] as? [[String: Any]])
        let sections = html.components(separatedBy: "<section id=\"area-").dropFirst()
        #expect(sections.count == 3)
        let levels: [(String, String?)] = [("council", "716"), ("region", "E12000007"), ("england", nil)]
        let span = try Regex(#"<span class="[^"]*" data-k="([^"]*)" data-v="([^"]*)">([^<]*)</span>"#)
        var checked = 0
        for (section, (level, area)) in zip(sections, levels) {
            let rows = section.components(separatedBy: "<tr").dropFirst().filter { $0.contains("data-measure=") }
            #expect(rows.count == 7, "\(level): \(rows.count) rows")
            for row in rows {
                let measure = try #require(row.firstMatch(of: /data-measure="([^"]*)"/)?.output.1).description
                let s = try #require(series.first { $0["measure"] as? String == measure && $0["level"] as? String == level
                    && ($0["area"] as? String) == area && $0["breakdown"] as? String == "Total" }, "\(level) \(measure)")
                let percent = s["unit"] as? String == "percent"
                for match in row.matches(of: span) {
                    let key = String(match.output[1].substring!), value = Double(String(match.output[2].substring!))!
                    let expected = try DashboardTests.lookup(key, series: s, results: [])
                    #expect(expected.map { abs($0 - value) <= 1e-12 * max(1, abs($0)) } == true, "\(level) \(measure) \(key): \(value) vs \(String(describing: expected))")
                    let unscaled = key.hasSuffix("pValue") || key.hasSuffix("chiSquared")
                    DashboardTests.expectShown(String(match.output[3].substring!), value * (percent && !unscaled ? 100 : 1), key: "\(level) \(measure) \(key)")
                    checked += 1
                }
            }
        }
        #expect(checked > 21 * 15, "only \(checked) numbers checked")
        #expect(html.contains("class=\"redred\" data-measure=\"3A\""))
        // -o FILE.html picks the format.
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("trend.html").path
        let written = try CLIRunner.run(args + ["-o", out])
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == html)
    }
}

extension TrendHTMLTests {
    /// Text from the inputs (here a file name) is escaped on the page; nothing from it becomes markup.
    @Test func inputTextIsEscaped() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for (i, year) in ["2022-23", "2023-24"].enumerated() {
            let evil = dir.appendingPathComponent("ascof-\(year) <img src=x onerror=\(i)> & 'q'.csv")
            try FileManager.default.copyItem(atPath: Fixtures.path("trend/ascof-\(year).csv"), toPath: evil.path)
            files.append(evil.path)
        }
        let page = try CLIRunner.run(["trend"] + files + ["--council", "716", "--format", "html"])
        try #require(page.status == 0, "\(page.stderr)")
        let html = page.stdoutText
        #expect(!html.contains("<img"))
        #expect(html.contains("ascof-2023-24 &lt;img src=x onerror=1&gt; &amp; &#39;q&#39;.csv"))
        #expect(ReportTests.problems(in: html).isEmpty, "\(ReportTests.problems(in: html))")
        #expect(!html.contains(dir.path))
    }
}
