import SurveyModel
import SurveyEstimation

extension HTMLReport {
    /// Year-on-year change for the focus council and England: arrows with plain words, the change
    /// with its interval, and p; comparisons across a survey break are flagged.
    static func change(_ c: Context) -> String {
        guard let comparisons = c.input.comparisons else {
            let body = "<p class=\"muted\">No previous year’s figures were given. Add <code>--previous</code> with a results JSON "
                + "from <code>caresurvey measures</code>, a published-figures CSV, or last year’s returns with "
                + "<code>--previous-population</code> to see changes here.</p>\n"
            return section("change", "Year-on-year change", body)
        }
        let m = c.input.method
        let previousYear = c.input.previous?.surveyYear ?? comparisons.first?.before.surveyYear ?? "previous"
        let currentYear = c.input.codebook.surveyYear
        var body = "<p>Change from \(HTML.escape(previousYear)) to \(HTML.escape(currentYear)): two-sided z test for independent samples "
        body += "(α = \(trimZeros(Fmt.fixed(m.alpha, 3)))"
        switch m.adjust {
        case .none: body += ", unadjusted p"
        case .holm: body += ", Holm-adjusted p over all \(Fmt.count(comparisons.count)) comparisons"
        case .bh: body += ", Benjamini–Hochberg-adjusted p over all \(Fmt.count(comparisons.count)) comparisons"
        }
        body += "). ↑ improved and ↓ declined are significant changes in the better or worse direction; ↔ is no significant change.</p>\n"
        if let previous = c.input.previous {
            body += "<p class=\"small\">Previous figures: \(HTML.escape(previous.kind))"
            if !previous.files.isEmpty { body += " (" + previous.files.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ") + ")" }
            body += ".</p>\n"
            body += notesList(previous.notes)
        }
        var index: [ResultKey: Comparison] = [:]
        for comparison in comparisons { index[Context.key(comparison.measure, comparison.group)] = comparison }
        var groups: [GroupKey] = []
        if let focus = c.focus { groups.append(focus) }
        groups.append(.england)
        for group in groups {
            let label = group == .england ? "England" : c.leadLabel
            let rows = c.measureCodes.map { ($0, index[Context.key($0, group)]) }
            guard rows.contains(where: { $0.1 != nil }) else {
                body += "<p class=\"muted\">The previous figures have no values for \(HTML.escape(label.lowercased() == "england" ? "England" : label)).</p>\n"
                continue
            }
            body += changeTable(rows, group: group, label: label, previousYear: previousYear, currentYear: currentYear, c: c)
        }
        if comparisons.contains(where: { !$0.comparable }) {
            body += "<p class=\"small\"><span class=\"nc-flag\">⚠ not comparable</span>: the measure’s definition or the sampling "
            body += "changed between the two years (a break in the series); the change is shown for information only.</p>\n"
        }
        return section("change", "Year-on-year change", body)
    }

    static func changeTable(_ rows: [(String, Comparison?)], group: GroupKey, label: String, previousYear: String,
                            currentYear: String, c: Context) -> String {
        let level = Fmt.level(c.input.method.level)
        var out = "<table class=\"change\">\n<caption>Year-on-year change, \(HTML.escape(label))</caption>\n"
        out += "<colgroup><col class=\"c-measure\"><col class=\"c-num\"><col class=\"c-num\"><col class=\"c-change\"><col class=\"c-p\"><col class=\"c-result\"></colgroup>\n<thead><tr>"
        out += "<th scope=\"col\">Measure</th><th scope=\"col\" class=\"num\">Previous<br><span class=\"sub\">\(HTML.escape(previousYear))</span></th>"
        out += "<th scope=\"col\" class=\"num\">Current<br><span class=\"sub\">\(HTML.escape(currentYear))</span></th><th scope=\"col\" class=\"num\">Change<br><span class=\"sub\">(\(level) CI)</span></th>"
        out += "<th scope=\"col\" class=\"num\">p</th><th scope=\"col\">Result</th></tr></thead>\n<tbody>\n"
        for (code, comparison) in rows {
            let f = c.format(code)
            let name = c.result(code, .england)?.name ?? c.measureDefinitions[code]?.name ?? code
            let display = c.result(code, .england).map(c.displayCode) ?? code
            out += "<tr\(comparison?.comparable == false ? " class=\"nc\"" : "")><th scope=\"row\"><span class=\"code\">\(HTML.escape(display))</span>"
            out += "<span class=\"name\">\(HTML.escape(name))</span></th>"
            guard let x = comparison else {
                out += "<td class=\"num muted\">–</td><td class=\"num muted\">–</td><td class=\"num muted\">–</td><td class=\"num muted\">–</td>"
                out += "<td class=\"muted\">not in the previous figures</td></tr>\n"
                continue
            }
            if x.suppressed {
                out += String(repeating: "<td class=\"num supp\">\(MissingMarker.suppressed.rawValue)</td>", count: 3) + "<td class=\"num\">–</td>"
                out += "<td><span class=\"chg none\">suppressed (fewer than \(c.input.method.suppressBelow) respondents)</span></td></tr>\n"
                continue
            }
            out += "<td class=\"num\">\(f.value(x.before.estimate))</td><td class=\"num\">\(f.value(x.after.estimate))</td>"
            out += "<td class=\"num\">\(f.change(x.difference))<br><span class=\"ci\">(\(f.changeInterval(x.lower, x.upper)))</span></td>"
            let p: Double
            switch c.input.method.adjust {
            case .none: p = x.pValue
            case .holm: p = x.pHolm
            case .bh: p = x.pBH
            }
            out += "<td class=\"num\">\(Fmt.p(p))</td>"
            let (arrow, cls, words): (String, String, String)
            switch x.direction {
            case _ where !x.comparable: (arrow, cls, words) = ("", "none", "not tested")
            case .improved: (arrow, cls, words) = ("↑", "improved", "improved")
            case .declined: (arrow, cls, words) = ("↓", "declined", "declined")
            case .noSignificantChange: (arrow, cls, words) = ("↔", "none", "no significant change")
            }
            out += "<td><span class=\"chg \(cls)\"><span class=\"arrow\" aria-hidden=\"true\">\(arrow)</span> \(words)</span>"
            if !x.comparable {
                let breaks = c.measureDefinitions[code]?.breaks ?? []
                out += "<br><span class=\"nc-flag\">⚠ not comparable"
                if !breaks.isEmpty { out += " (series break: \(HTML.escape(breaks.joined(separator: ", "))))" }
                out += "</span>"
            }
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// `0.050` → `0.05`.
    static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var s = text
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
