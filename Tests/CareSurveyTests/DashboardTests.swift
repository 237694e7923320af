// The council dashboard (`caresurvey report --dashboard`, benchmarking.md §1) on the seven synthetic
// ASCOF files of Tests/Fixtures/trend/ (made-up values), council 716, with targets and peers.
//
// Golden file: Tests/Fixtures/golden/dashboard-716.html. After an intended change to the dashboard
// (or to the trend/benchmark figures or formatting it shows), look at the new page and re-record with
//
//     CARESURVEY_RECORD_GOLDEN=1 swift test --filter Dashboard
//
// The re-recording run FAILS on purpose (so that a re-record never passes CI unnoticed); run the tests
// again without the variable to see them pass. On a mismatch the actual page is written to a
// temporary file and the first differing line is named.

import Foundation
import Testing

@Suite("Dashboard: the council dashboard page", .serialized)
struct DashboardTests {
    static let files = TrendCommandTests.files
    static let goldenPath = Fixtures.path("golden/dashboard-716.html")
    static let options = ["--targets", "Tests/Fixtures/trend/targets.csv"]

    /// The page, made once by the executable (benchmark simulations are the slow part).
    static let page = Result<String, any Error> {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dashboard.html").path
        let outcome = try CLIRunner.run(["report", "--dashboard", "--council", "716", "--published"] + files
            + options + ["--peers", "Tests/Fixtures/trend/peers.csv", "-o", out])
        guard outcome.status == 0 else { throw CLIFailed(message: "exit \(outcome.status): \(outcome.stderr)") }
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    struct CLIFailed: Error { var message: String }

    static func json(_ args: [String]) throws -> [String: Any] {
        let outcome = try CLIRunner.run(args + ["--format", "json"])
        try #require(outcome.status == 0, "exit \(outcome.status): \(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
    }

    @Test func golden() throws {
        try Golden.check(try Self.page.get(), against: Self.goldenPath)
    }

    @Test func selfContainedAndAccessible() throws {
        let html = try Self.page.get()
        #expect(ReportTests.problems(in: html).isEmpty, "external references: \(ReportTests.problems(in: html))")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.contains("<title>ASCOF dashboard — Barking and Dagenham (716)</title>"))
        #expect(!html.contains(Fixtures.root.path), "an absolute path leaked into the page")
        // One row per measure, each with a row header; the table has a caption and column headers.
        let rows = html.components(separatedBy: "<tr").filter { $0.contains("data-measure=") }
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.contains("<th scope=\"row\">") })
        #expect(html.contains("<caption id=\"dash-caption\">"))
        #expect(html.components(separatedBy: "<th scope=\"col\"").count - 1 == 16)
        // Every sparkline is labelled (title and description) for assistive technology.
        let svgs = html.components(separatedBy: "<svg ").count - 1
        #expect(svgs == 7)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == svgs)
        #expect(html.components(separatedBy: "<title id=").count - 1 == svgs)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == svgs)
        // Colour is never the only cue: every RAG colour is spelled out, every trend has words.
        for rag in ["green", "amber", "red"] {
            let coloured = html.components(separatedBy: "<span class=\"rag \(rag)\">").dropFirst()
            #expect(coloured.allSatisfy { $0.hasPrefix(rag.uppercased()) })
        }
        // Print: A4 landscape, rows never split.
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("break-inside: avoid"))
        // The designed cases of the fixture: 3A red–red and worsening, 5A1 an outlier, 2E a break.
        let control = try #require(rows.first { $0.contains("data-measure=\"3A\"") })
        #expect(control.contains("class=\"redred\"") && control.contains("worsening") && control.contains("RED"))
        #expect(try #require(rows.first { $0.contains("data-measure=\"5A1\"") }).contains("outlier found"))
        #expect(try #require(rows.first { $0.contains("data-measure=\"2E\"") }).contains("break in series"))
    }

    /// Every number on the page carries the JSON field it comes from (`data-k`) and its raw value
    /// (`data-v`): each equals `trend --format json` or `benchmark --format json` on the same inputs,
    /// and the text shown is that value rounded. No other number is shown in the table.
    @Test func everyNumberEqualsTheJSON() throws {
        let html = try Self.page.get()
        let trend = try Self.json(["trend"] + Self.files + ["--council", "716"] + Self.options)
        let bench = try Self.json(["benchmark"] + Self.files + ["--council", "716", "--peers", "Tests/Fixtures/trend/peers.csv"])
        let series = try #require(trend["series"] as? [[String: Any]]).filter {
            $0["level"] as? String == "council" && $0["breakdown"] as? String == "Total"
        }
        let results = try #require(bench["results"] as? [[String: Any]]).filter { $0["breakdown"] as? String == "Total" }
        #expect(series.count == 7)
        #expect(results.count == 7 * 7)                                      // 7 measures × 7 years (2020-21 [x] as suppressed)

        let body = String(html[try #require(html.range(of: "<tbody>"))!.upperBound..<html.range(of: "</tbody>")!.lowerBound])
        let rows = body.components(separatedBy: "<tr").dropFirst()
        #expect(rows.count == 7)
        let span = try Regex(#"<span class="[^"]*" data-k="([^"]*)" data-v="([^"]*)">([^<]*)</span>"#)
        var checked = 0
        for row in rows {
            let measure = try #require(row.firstMatch(of: try Regex(#"data-measure="([^"]*)""#))?.output[1].substring).description
            let s = try #require(series.first { $0["measure"] as? String == measure }, "no trend series for \(measure)")
            let percent = s["unit"] as? String == "percent"
            for match in row.matches(of: span) {
                let key = String(match.output[1].substring!), raw = String(match.output[2].substring!), text = String(match.output[3].substring!)
                let value = try #require(Double(raw), "\(measure) \(key): data-v \(raw)")
                let expected = try Self.lookup(key, series: s, results: results.filter { $0["measure"] as? String == measure })
                #expect(expected != nil, "\(measure) \(key): not in the JSON")
                if let expected { #expect(abs(expected - value) <= 1e-12 * max(1, abs(expected)), "\(measure) \(key): page \(value), JSON \(expected)") }
                let unscaled: Set<String> = ["rank", "of", "rankLower", "rankUpper", "quartile", "nextQuartile.gapPeople", "recentTrend.chiSquared", "pValue"]
                let scale = percent && !unscaled.contains(where: { key.hasSuffix($0) }) ? 100.0 : 1.0
                Self.expectShown(text, value * scale, key: "\(measure) \(key)")
                checked += 1
            }
            // No number in the row outside those spans (years, the measure's code and name, and the
            // fixed labels aside).
            var rest = String(row.drop { $0 != ">" }).replacing(span, with: "")
            for pattern in [#"<svg.*?</svg>"#, #"<th scope="row">.*?</th>"#, #"title="[^"]*""#, #"<[^>]*>"#, #"\d{4}-\d{2}"#, "95%", "99.8%", "χ²"] {
                rest = rest.replacing(try Regex(pattern), with: " ")
            }
            #expect(rest.firstMatch(of: /\d/) == nil, "\(measure): a number not backed by the JSON: \(rest)")
        }
        #expect(checked > 7 * 20, "only \(checked) numbers checked")

        // The sparklines' text alternatives give the same values as the JSON.
        for s in series {
            let points = try #require(s["points"] as? [[String: Any]])
            let area = "spark-\(s["measure"] as! String)-716-Total"
            let desc = try #require(html.firstMatch(of: try Regex("<desc id=\"\(area)-d\">([^<]*)</desc>"))?.output[1].substring)
            let shown = desc.components(separatedBy: ", ")
            #expect(shown.count == points.count)
            for (p, text) in zip(points, shown) {
                let year = p["year"] as! String
                #expect(text.hasPrefix(year + " "))
                if let e = p["estimate"] as? Double {
                    Self.expectShown(String(text.dropFirst(year.count + 1)), e * (s["unit"] as? String == "percent" ? 100 : 1), key: "\(area) \(year)")
                }
            }
        }
        // The header's counts.
        let redRed = series.filter { $0["redRed"] as? Bool == true }.count
        let rags = series.compactMap { ($0["target"] as? [String: Any])?["rag"] as? String }
        #expect(html.contains("\(series.count) measures, 2019-20 to 2023-24"))
        #expect(html.contains(". \(redRed) red–red"))
        #expect(html.contains("targets: \(rags.filter { $0 == "green" }.count) green, \(rags.filter { $0 == "amber" }.count) amber, \(rags.filter { $0 == "red" }.count) red"))
    }

    /// The JSON value behind a `data-k` key.
    static func lookup(_ key: String, series s: [String: Any], results: [[String: Any]]) throws -> Double? {
        let parts = key.split(separator: ":").map(String.init)
        func path(_ object: [String: Any]?, _ dotted: String) -> Double? {
            var node: Any? = object
            for part in dotted.split(separator: ".") { node = (node as? [String: Any])?[String(part)] }
            return (node as? Double) ?? (node as? Int).map(Double.init)
        }
        switch parts[0] {
        case "point":
            let points = s["points"] as? [[String: Any]] ?? []
            return path(points.first { $0["year"] as? String == parts[1] }, parts[2])
        case "change":
            let changes = s["changes"] as? [[String: Any]] ?? []
            return path(changes.first { $0["from"] as? String == parts[1] && $0["to"] as? String == parts[2] }, parts[3])
        case "bench":
            return path(results.first { $0["year"] as? String == parts[1] && $0["council"] as? String == "716" }, parts[2])
        default:
            return path(s, key)
        }
    }

    /// The text shown is the value rounded to the digits shown (`78.3%`, `−4.0 points`, `12 of`, `< 0.001`).
    static func expectShown(_ text: String, _ value: Double, key: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if text.hasPrefix("&lt;") {
            #expect(value < (Double(text.dropFirst(4).trimmingCharacters(in: .whitespaces)) ?? 0), "\(key): \(text) for \(value)", sourceLocation: sourceLocation)
            return
        }
        let cleaned = text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "±", with: "")
            .filter { $0.isNumber || $0 == "." || $0 == "-" }
        guard let shown = Double(cleaned) else { Issue.record("\(key): no number in \(text)", sourceLocation: sourceLocation); return }
        let decimals = cleaned.split(separator: ".").dropFirst().first?.count ?? 0
        let tolerance = 0.5 * pow(10, -Double(decimals)) + 1e-9
        // Gaps are shown as sizes.
        let target = text.contains("-") || text.contains("−") ? value : abs(value)
        #expect(abs(shown - target) <= tolerance || abs(shown - abs(value)) <= tolerance, "\(key): shows \(text) for \(value)", sourceLocation: sourceLocation)
    }

    @Test func optionErrors() throws {
        let cases: [([String], String)] = [
            (["--dashboard", "--published"] + Self.files + ["-o", "/tmp/x.html"], "--council"),
            (["--dashboard", "--council", "716", "-o", "/tmp/x.html"], "--published"),
            (["Tests/Fixtures/sace/carers-data.csv", "--dashboard", "--council", "716", "--published"] + Self.files + ["-o", "/tmp/x.html"], "returns"),
            (["--published"] + Self.files + ["--council", "716", "-o", "/tmp/x.html"], "--dashboard"),
            (["--dashboard", "--council", "716", "--published"] + Self.files + ["--peers", "Tests/Fixtures/trend", "-o", "/tmp/x.html"], "folder"),
        ]
        for (args, says) in cases {
            let outcome = try CLIRunner.run(["report"] + args)
            #expect(outcome.status == 2 && !outcome.signalled, "\(args): exit \(outcome.status)")
            #expect(outcome.stderr.contains(says), "\(args): \(outcome.stderr)")
        }
        let unknown = try CLIRunner.run(["report", "--dashboard", "--council", "999", "--published"] + Self.files + ["-o", "/tmp/x.html"])
        #expect(unknown.status == 2 && unknown.stderr.contains("999"), "\(unknown.stderr)")
    }
}

/// The council's own, not yet published year (results JSON from `measures`) on the dashboard.
@Suite("Dashboard: the council's own unpublished year")
struct DashboardOwnYearTests {
    @Test func ownResultsAddTheYear() throws {
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let set = "Tests/Fixtures/conformance/ascs-2021-22-twenty/after"
        let measures = try CLIRunner.run(["measures", "\(set)/returns.csv", "--population", "\(set)/population.csv", "--council", "716", "--format", "json"])
        try #require(measures.status == 0, "\(measures.stderr)")
        // The council's own results, given the year after the last published one (as a council would have them).
        var doc = try #require(try JSONSerialization.jsonObject(with: measures.stdout) as? [String: Any])
        doc["surveyYear"] = "2024-25"
        let results = try #require(doc["results"] as? [[String: Any]])
        doc["results"] = results.filter { ($0["group"] as? [String: Any])?["council"] as? String == "716" }
        let own = dir.appendingPathComponent("own-2024-25.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: own)
        let out = dir.appendingPathComponent("dashboard.html").path
        let run = try CLIRunner.run(["report", "--dashboard", "--council", "716", "--published"] + DashboardTests.files + [own.path, "-o", out])
        try #require(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<th scope=\"col\" class=\"num\">2024-25</th>"))
        #expect(html.contains("2020-21 to 2024-25"))
        #expect(!html.contains(dir.path), "an absolute path leaked into the page")
        // 3A's 2024-25 value is the council's own estimate, ranked among the councils of 2023-24.
        let estimate = try #require((doc["results"] as! [[String: Any]]).first { $0["measure"] as? String == "3A" }?["estimate"] as? Double)
        let row = try #require(html.components(separatedBy: "<tr").first { $0.contains("data-measure=\"3A\"") })
        let shown = try #require(row.firstMatch(of: /data-k="point:2024-25:estimate" data-v="([^"]*)"/)?.output.1)
        #expect(abs((Double(shown) ?? 0) - estimate) < 1e-12)
        #expect(row.contains("data-k=\"bench:2024-25:rank\""))
        #expect(row.contains("2023-24 → 2024-25"))
    }
}
