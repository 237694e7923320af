// The council dashboard rendered by headless Chromium (an independent renderer) at a desktop width
// and at A4: nothing overflows the page, the table fits the desktop window and the printed A4
// landscape page, and printing gives A4 landscape pages. Chromium must be installed (`.ci/run`
// installs it: `apt-get install chromium`); without it these tests FAIL, they never skip.

import Foundation
import Testing

@Suite("Dashboard: headless Chromium at desktop and A4 widths", .serialized)
struct DashboardBrowserTests {
    /// Runs headless Chromium with `arguments` (a fresh profile in `dir`).
    static func chromium(_ arguments: [String], dir: URL) throws -> ChildProcess.Outcome {
        let profile = dir.appendingPathComponent("profile-\(UUID().uuidString)").path
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=\(profile)"]
        let outcome = try ChildProcess.run("/usr/bin/env", ["chromium"] + flags + arguments, environment: ProcessInfo.processInfo.environment,
                                           directory: dir.path, timeout: 180)
        try #require(outcome.status != 127, "chromium is not installed (apt-get install -y chromium; .ci/run installs it)")
        return outcome
    }

    /// The page with a measuring script appended (the page itself has none): the widths of the
    /// document, the window and the table, and the height of every row.
    static func measure(_ html: String, width: Int, printStyles: Bool, dir: URL) throws -> [String: Double] {
        var page = printStyles ? html.replacingOccurrences(of: "@media print {", with: "@media all {") : html
        let script = """
        <script>window.onload=function(){var t=document.querySelector("table.dash");var rows=Array.from(t.querySelectorAll("tbody tr"));\
        var p=document.createElement("pre");p.id="measured";p.textContent=JSON.stringify({document:document.documentElement.scrollWidth,\
        window:window.innerWidth,table:t.scrollWidth,region:t.parentElement.clientWidth,rows:rows.length,\
        lowestRow:Math.min.apply(null,rows.map(function(r){return r.getBoundingClientRect().height}))});document.body.appendChild(p);}</script>
        """
        page = page.replacingOccurrences(of: "</body>", with: script + "</body>")
        let file = dir.appendingPathComponent("measure-\(width)-\(printStyles).html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try chromium(["--window-size=\(width),1000", "--dump-dom", file.absoluteString], dir: dir)
        try #require(outcome.status == 0, "chromium exited \(outcome.status): \(String(decoding: outcome.stderr, as: UTF8.self).suffix(500))")
        let dom = String(decoding: outcome.stdout, as: UTF8.self)
        let json = try #require(dom.firstMatch(of: /<pre id="measured">([^<]*)<\/pre>/)?.output.1, "no measurement in the DOM")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.replacingOccurrences(of: "&quot;", with: "\"").utf8)) as? [String: Double])
        return object
    }

    @Test func desktopWidth() throws {
        let html = try DashboardTests.page.get()
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let m = try Self.measure(html, width: 1280, printStyles: false, dir: dir)
        #expect(m["rows"] == 7)
        #expect((m["lowestRow"] ?? 0) > 20, "a row collapsed: \(m)")
        #expect((m["document"] ?? .infinity) <= (m["window"] ?? 0), "the page is wider than a 1280 px window: \(m)")
        #expect((m["table"] ?? .infinity) <= (m["region"] ?? 0), "the table needs horizontal scrolling at 1280 px: \(m)")
    }

    @Test func a4Widths() throws {
        let html = try DashboardTests.page.get()
        let dir = Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A4 portrait on screen (210 mm = 794 px): the page never overflows; the table scrolls in its region.
        let portrait = try Self.measure(html, width: 794, printStyles: false, dir: dir)
        #expect((portrait["document"] ?? .infinity) <= 794, "the page is wider than A4 portrait: \(portrait)")
        // Printed: the print styles at the A4 landscape text width (297 mm − 2 × 10 mm = 1047 px) hold the whole table.
        let printed = try Self.measure(html, width: 1047, printStyles: true, dir: dir)
        #expect(printed["rows"] == 7)
        #expect((printed["table"] ?? .infinity) <= 1047, "the printed table is wider than A4 landscape: \(printed)")
        #expect((printed["document"] ?? .infinity) <= 1047, "\(printed)")
        // Printing itself: A4 landscape pages (841.9 × 595.3 pt), the table and legend on at most two.
        let file = dir.appendingPathComponent("dashboard.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let pdf = dir.appendingPathComponent("dashboard.pdf")
        let outcome = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", file.absoluteString], dir: dir)
        try #require(outcome.status == 0, "chromium exited \(outcome.status)")
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let boxes = bytes.matches(of: /\/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]/)
        #expect(!boxes.isEmpty && boxes.count <= 2, "\(boxes.count) pages")
        for box in boxes {
            let (w, h) = (Double(box.output.1) ?? 0, Double(box.output.2) ?? 0)
            #expect(abs(w - 841.9) < 2 && abs(h - 595.3) < 2, "page \(w) × \(h) pt is not A4 landscape")
        }
    }
}
