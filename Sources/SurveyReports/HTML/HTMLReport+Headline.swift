import SurveyModel
import SurveyEstimation

extension HTMLReport {
    /// Each measure: the focus council's value and interval beside England's, with a small
    /// dot-and-whisker chart per row.
    static func headline(_ c: Context) -> String {
        let level = Fmt.level(c.input.method.level)
        var body = "<p>Each measure for \(HTML.escape(c.focusLabel))"
        body += c.focus != nil ? " beside England (all councils in the returns)" : ""
        body += ", with \(level) confidence intervals. Proportions are weighted percentages; scores are on their own scale."
        body += " In the charts the \(c.focus != nil ? "diamond and whisker are the council, the dashed line and shaded band England’s value and interval" : "square and whisker are England’s value and interval").</p>\n"
        var suppressedSeen: Set<String> = []
        body += "<table class=\"headline\">\n<caption>Headline measures, \(HTML.escape(c.focusLabel)), \(HTML.escape(c.input.codebook.surveyYear))</caption>\n<thead><tr>"
        body += "<th scope=\"col\">Measure</th>"
        if c.focus != nil { body += "<th scope=\"col\" class=\"num\">\(HTML.escape(c.leadLabel))<br><span class=\"sub\">value (\(level) CI)</span></th>" }
        body += "<th scope=\"col\" class=\"num\">England<br><span class=\"sub\">value (\(level) CI)</span></th>"
        if c.focus != nil { body += "<th scope=\"col\">Compared with England</th>" }
        body += "<th scope=\"col\" class=\"chartcol\">Chart</th></tr></thead>\n<tbody>\n"
        for code in c.measureCodes {
            guard let england = c.result(code, .england) ?? c.input.measures.results.first(where: { $0.measure == code }) else { continue }
            let lead = c.focus.flatMap { c.result(code, $0) }
            body += "<tr>"
            body += "<th scope=\"row\"><span class=\"code\">\(HTML.escape(c.displayCode(england)))</span>"
            body += "<span class=\"name\">\(HTML.escape(england.name))</span>"
            if c.measureDefinitions[code]?.status == .provisional { body += " <span class=\"tag\">provisional</span>" }
            body += "</th>"
            if c.focus != nil {
                body += "<td class=\"num\">\(valueCell(lead, c.format(code), seen: &suppressedSeen))</td>"
            }
            body += "<td class=\"num\">\(valueCell(england, c.format(code), seen: &suppressedSeen))</td>"
            if c.focus != nil {
                let relation = c.relation(lead, england: england)
                let style = c.style(relation, measure: code)
                let glyph: String
                switch relation {
                case .higher?: glyph = "▲"
                case .lower?: glyph = "▼"
                case .similar?: glyph = "●"
                case nil: glyph = "–"
                }
                body += "<td><span class=\"rel \(style.cls)\"><span aria-hidden=\"true\">\(glyph)</span> \(style.words)</span></td>"
            }
            body += "<td class=\"chartcol\">\(rowChart(code: code, lead: lead, england: england, c: c))</td>"
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        body += suppressionFootnotes(suppressedSeen, threshold: c.input.method.suppressBelow)
        if c.focus != nil {
            body += "<p class=\"small\">“Higher” or “lower than England” means the council’s \(level) interval lies wholly above or below "
            body += "England’s estimate — a descriptive screen, not a significance test (the council is part of England). "
            body += "▲ and ▼ give the direction; green means better and red worse for the measure’s polarity.</p>\n"
        }
        return section("headline", "Headline measures", body)
    }

    /// `77.1%` over `(73.5% to 80.7%)` and `n = 402`; `[c]`/`[x]` with a footnote marker.
    static func valueCell(_ r: MeasureResult?, _ format: ValueFormat, seen: inout Set<String>) -> String {
        guard let r else { return "<span class=\"muted\">no data</span>" }
        if let s = r.suppression {
            seen.insert(s)
            let zero = r.marker == .notAvailable
            return "<span class=\"supp\">\(HTML.escape(s))</span><sup><a href=\"#\(zero ? "fn-x" : "fn-c")\" aria-label=\"see note\">\(zero ? "2" : "1")</a></sup>"
        }
        guard let e = r.estimate, let lo = r.lower, let hi = r.upper else { return "<span class=\"muted\">no estimate</span>" }
        return "<span class=\"val\">\(format.value(e.estimate))</span><br><span class=\"ci\">(\(format.interval(lo, hi)))</span>"
            + "<br><span class=\"n\">n = \(Fmt.count(e.respondents))</span>" + caveat(r)
    }

    /// `complementary`: some `[c]` of these tables protects another by complementary suppression.
    /// The interval caveat of a result (zero width, very small base), or nothing.
    static func caveat(_ r: MeasureResult) -> String {
        r.caveat.map { "<span class=\"caveat\">⚠ \(HTML.escape($0))</span>" } ?? ""
    }

    static func suppressionFootnotes(_ seen: Set<String>, threshold: Int, prefix: String = "fn", complementary: Bool = false) -> String {
        guard !seen.isEmpty else { return "" }
        var out = "<ol class=\"footnotes\">"
        if seen.contains(MissingMarker.suppressed.rawValue) {
            out += "<li id=\"\(prefix)-c\" value=\"1\"><strong>\(MissingMarker.suppressed.rawValue)</strong> confidential: fewer than \(threshold) respondents"
            out += complementary ? ", or withheld as well so that such a value cannot be derived by subtraction from the rest of its table "
                + "(complementary suppression)" : ""
            out += ", so the value and its interval are suppressed (disclosure control).</li>"
        }
        if seen.contains(MissingMarker.notAvailable.rawValue) {
            out += "<li id=\"\(prefix)-x\" value=\"2\"><strong>\(MissingMarker.notAvailable.rawValue)</strong> not available: no respondents.</li>"
        }
        return out + "</ol>\n"
    }

    /// The per-row chart: the lead group's estimate and interval against England's (line and band).
    static func rowChart(code: String, lead: MeasureResult?, england: MeasureResult, c: Context) -> String {
        let f = c.format(code)
        let width = 260.0, height = 44.0
        func usable(_ r: MeasureResult?) -> (Double, Double, Double)? {
            guard let r, !r.isSuppressed, let e = r.estimate?.estimate, let lo = r.lower, let hi = r.upper else { return nil }
            return (f.scaled(e), f.scaled(lo), f.scaled(hi))
        }
        let leadValues = c.focus != nil ? usable(lead) : nil
        let englandValues = usable(england)
        let all = [leadValues, englandValues].compactMap { $0 }.flatMap { [$0.1, $0.2, $0.0] }
        let id = HTML.id("hl", code)
        let title = "\(c.displayCode(england)): \(c.focusShort)" + (c.focus != nil ? " and England" : "")
        var desc = ""
        if c.focus != nil {
            desc += "\(c.focusShort): " + (leadValues.map { _ in describe(lead!, f) } ?? (lead?.suppression ?? "no data")) + ". "
        }
        desc += "England: " + (englandValues.map { _ in describe(england, f) } ?? (england.suppression ?? "no data")) + "."
        guard !all.isEmpty else {
            return SVG.open(id: id, width: width, height: height, title: title, desc: desc, cssClass: "row")
                + SVG.text("no published value", x: 8, y: 24, cssClass: "lbl muted") + "</svg>"
        }
        let scale = SVG.Scale.nice(covering: all, bounds: f.isProportion ? 0...100 : nil, x0: 12, x1: width - 12, targetTicks: 3)
        var s = SVG.open(id: id, width: width, height: height, title: title, desc: desc, cssClass: "row")
        let axisY = 30.0
        s += SVG.line(scale.x0, axisY, scale.x1, axisY, cssClass: "axis")
        for t in scale.ticks {
            s += SVG.line(scale.x(t), axisY, scale.x(t), axisY + 3, cssClass: "axis")
            s += SVG.text(f.axis(t, step: scale.step), x: scale.x(t), y: axisY + 12, anchor: "middle", cssClass: "tick")
        }
        if c.focus != nil {
            if let e = englandValues {
                s += SVG.rect(scale.x(e.1), 4, scale.x(e.2) - scale.x(e.1), axisY - 6, cssClass: "eband")
                s += SVG.line(scale.x(e.0), 2, scale.x(e.0), axisY, cssClass: "eline")
            }
            if let l = leadValues {
                s += whisker(scale, l, y: 16, cssClass: "whisker focus")
                s += SVG.marker(.diamond, x: scale.x(l.0), y: 16, r: 4.5, cssClass: "mk focus")
            }
        } else if let e = englandValues {
            s += whisker(scale, e, y: 16, cssClass: "whisker")
            s += SVG.marker(.square, x: scale.x(e.0), y: 16, r: 4, cssClass: "mk england")
        }
        return s + "</svg>"
    }

    static func whisker(_ scale: SVG.Scale, _ v: (Double, Double, Double), y: Double, cssClass: String, cap: Double = 4) -> String {
        let a = scale.x(v.1), b = scale.x(v.2)
        return SVG.line(a, y, b, y, cssClass: cssClass) + SVG.line(a, y - cap, a, y + cap, cssClass: cssClass)
            + SVG.line(b, y - cap, b, y + cap, cssClass: cssClass)
    }

    /// `77.1% (73.5% to 80.7%), n = 402`.
    static func describe(_ r: MeasureResult, _ f: ValueFormat) -> String {
        guard let e = r.estimate, let lo = r.lower, let hi = r.upper else { return r.suppression ?? "no estimate" }
        return "\(f.value(e.estimate)) (\(f.interval(lo, hi))), n = \(e.respondents)"
    }
}
