import SurveyModel
import SurveyEstimation

extension HTMLReport {
    /// Ordered answers run from dark blue (first code, usually the most positive) to dark orange.
    static let answerPalette = ["#1f4e79", "#2e75b6", "#6fa8dc", "#b4d3ee", "#f8cba0", "#f4a261", "#d9712b", "#9c4712"]

    static func answerColour(_ i: Int, of k: Int) -> (fill: String, text: String) {
        let last = answerPalette.count - 1
        let index = k <= 1 ? 0 : Int((Double(i) * Double(last) / Double(k - 1)).rounded())
        let dark = index <= 1 || index >= last - 1
        return (answerPalette[min(max(index, 0), last)], dark ? "#ffffff" : "#1b1b1b")
    }

    /// Every answer table of the codebook for the focus council (or England): a 100% stacked bar
    /// and a table of shares with intervals.
    static func distributions(_ c: Context) -> String {
        let level = Fmt.level(c.input.method.level)
        var body = "<p>Weighted share of each answer among \(HTML.escape(c.focus != nil ? c.leadLabel.lowercased() : "England’s"))"
        body += c.focus != nil ? "’s" : ""
        body += " respondents who answered the question, with \(level) confidence intervals. Each bar segment is labelled with its answer code; "
        body += "the table beside it gives the wording. Grey marks shares withheld by disclosure control.</p>\n<div class=\"distgrid\">\n"
        var index: [String: [MeasureResult]] = [:]
        for r in c.input.tables.results where r.group == c.lead { index[r.measure, default: []].append(r) }
        var suppressedSeen: Set<String> = []
        var shown = 0
        var missing: [String] = []
        for spec in c.input.codebook.tables {
            guard let results = index[spec.question], !results.isEmpty else { missing.append(spec.question); continue }
            shown += 1
            body += distributionCard(spec, results.sorted { ($0.code ?? 0) < ($1.code ?? 0) }, c: c, seen: &suppressedSeen)
        }
        body += "</div>\n"
        if shown == 0 { body += "<p class=\"muted\">No answer tables were computed.</p>\n" }
        if shown > 0, !missing.isEmpty {
            body += "<p class=\"small\">Not tabulated (no valid answers or no codes): " + missing.map { HTML.escape($0) }.joined(separator: ", ") + ".</p>\n"
        }
        let complementary = index.values.joined().contains { $0.tableNotes.contains(ComplementarySuppression.note) }
        body += suppressionFootnotes(suppressedSeen, threshold: c.input.method.suppressBelow, prefix: "fnd", complementary: complementary)
        return section("distributions", "Answer distributions — \(HTML.escape(c.focusShort))", body)
    }

    static func codeLabel(_ spec: TableSpec, _ code: Int, _ codebook: Codebook) -> String {
        if let derived = codebook.derived?.first(where: { $0.name == spec.sourceVariable }),
           let label = derived.codes?.first(where: { $0.code == code })?.label { return label }
        return codebook.field(spec.sourceVariable)?.label(of: code) ?? codebook.field(spec.question)?.label(of: code) ?? "code \(code)"
    }

    static func collapseSpaces(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    static func distributionCard(_ spec: TableSpec, _ results: [MeasureResult], c: Context, seen: inout Set<String>) -> String {
        let codebook = c.input.codebook
        let field = codebook.field(spec.question)
        let label = field?.label ?? spec.question
        let id = HTML.id("dist", spec.question)
        let answered = results.compactMap { $0.estimate?.respondents }.max() ?? 0
        var out = "<article class=\"dist\" id=\"\(id)\">\n<h3>\(HTML.escape(label))</h3>\n"
        if let text = field?.text { out += "<p class=\"qtext\">\(HTML.escape(collapseSpaces(text)))</p>\n" }
        if spec.sourceVariable != spec.question, let derived = codebook.derived?.first(where: { $0.name == spec.sourceVariable }) {
            out += "<p class=\"qtext\">Shown as: \(HTML.escape(derived.label)).</p>\n"
        }
        // The bar.
        let width = 500.0, height = 30.0
        let k = results.count
        var desc: [String] = []
        var bar = ""
        var x = 0.0
        var published = 0.0
        for (i, r) in results.enumerated() {
            let code = r.code ?? 0
            let answer = codeLabel(spec, code, codebook)
            guard !r.isSuppressed, let e = r.estimate?.estimate else {
                desc.append("\(code) \(answer): \(r.suppression ?? "no value")")
                continue
            }
            let w = max(0, min(1, e)) * width
            let colour = answerColour(i, of: k)
            bar += SVG.rect(x, 0, w, height, cssClass: "seg", fill: colour.fill)
            let pct = Fmt.fixed(e * 100, 0) + "%"
            let text = w >= 52 ? "\(code): \(pct)" : (w >= 14 ? "\(code)" : "")
            if !text.isEmpty { bar += SVG.text(text, x: x + w / 2, y: height / 2 + 4, anchor: "middle", cssClass: "seglbl", fill: colour.text) }
            desc.append("\(code) \(answer): \(Fmt.fixed(e * 100, 1))%")
            x += w
            published += max(0, min(1, e))
        }
        if published < 0.995, !results.isEmpty {
            let w = (1 - published) * width
            bar += SVG.rect(x, 0, w, height, cssClass: "seg withheld")
            if w >= 30 { bar += SVG.text(MissingMarker.suppressed.rawValue, x: x + w / 2, y: height / 2 + 4, anchor: "middle", cssClass: "seglbl", fill: "#1b1b1b") }
        }
        out += SVG.open(id: id + "-svg", width: width, height: height, title: "\(label): answers, \(c.focusShort)",
                        desc: desc.joined(separator: "; "), cssClass: "distbar")
        out += bar + "</svg>\n"
        // The table.
        out += "<table class=\"dtable\"><caption class=\"vh\">\(HTML.escape(label)), \(HTML.escape(c.focusShort))</caption>"
        out += "<colgroup><col class=\"d-code\"><col><col class=\"d-share\"><col class=\"d-ci\"></colgroup>"
        out += "<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Answer</th><th scope=\"col\" class=\"num\">Share</th>"
        out += "<th scope=\"col\" class=\"num\">\(Fmt.level(c.input.method.level)) CI</th></tr></thead><tbody>"
        for (i, r) in results.enumerated() {
            let code = r.code ?? 0
            let colour = answerColour(i, of: k)
            out += "<tr><td><span class=\"sw\" style=\"background:\(colour.fill);color:\(colour.text)\">\(code)</span></td>"
            out += "<td>\(HTML.escape(codeLabel(spec, code, codebook)))</td>"
            if let s = r.suppression {
                seen.insert(s)
                out += "<td class=\"num supp\">\(HTML.escape(s))<sup><a href=\"#\(r.marker == .notAvailable ? "fnd-x" : "fnd-c")\">\(r.marker == .notAvailable ? "2" : "1")</a></sup></td><td class=\"num\">–</td>"
            } else if let e = r.estimate, let lo = r.lower, let hi = r.upper {
                out += "<td class=\"num\">\(Fmt.display(e.estimate * 100, 1))%</td>"
                out += "<td class=\"num ci\">\(Fmt.display(lo * 100, 1)) to \(Fmt.display(hi * 100, 1))\(caveat(r))</td>"
            } else {
                out += "<td class=\"num muted\">–</td><td class=\"num\">–</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>\n<p class=\"n\">n = \(Fmt.count(answered)) valid answers"
        if spec.populationSet != "stratum" { out += "; weighted with the <code>\(HTML.escape(spec.populationSet))</code> population set" }
        out += "</p>\n</article>\n"
        return out
    }
}
