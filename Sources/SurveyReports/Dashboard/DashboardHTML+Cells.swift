import SurveyModel
import SurveyEstimation
import SurveyBenchmark

extension DashboardHTML {
    /// A number with its raw value and the JSON field it comes from.
    static func num(_ text: String, _ value: Double?, _ key: String, cls: String = "") -> String {
        guard let value, value.isFinite else { return "<span class=\"\(cls)\">–</span>" }
        return "<span class=\"\(cls)\" data-k=\"\(HTML.escape(key))\" data-v=\"\(JSONValue.format(value))\">\(text)</span>"
    }

    static func yearCell(_ s: TrendSeries, year: String, format f: TrendFormat) -> String {
        guard let p = s.points.first(where: { $0.year == year }) else { return "<td class=\"num muted\">–</td>" }
        guard let e = p.estimate else {
            return "<td class=\"num supp\" title=\"\(HTML.escape(p.marker ?? "missing"))\">\(HTML.escape(p.marker ?? "–"))</td>"
        }
        var out = "<td class=\"num\(p.excluded != nil ? " nc" : "")\"\(p.excluded.map { " title=\"not comparable: \(HTML.escape($0))\"" } ?? "")>"
        out += num(f.value(e), e, "point:\(year):estimate", cls: "val")
        if p.excluded != nil { out += "<sup>†</sup>" }
        if let i = p.interval95 {
            // The interval without the unit sign (the value above has it), to keep the columns narrow.
            out += "<span class=\"ci\">" + num(f.bare(i.lower), i.lower, "point:\(year):lower") + "–"
                + num(f.bare(i.upper), i.upper, "point:\(year):upper") + "</span>"
        }
        if let b = s.breaks.first(where: { $0.after == year }) {
            out += "<span class=\"nc-flag\" title=\"\(HTML.escape(b.reason))\">break</span>"
        }
        return out + "</td>"
    }

    static func trendCell(_ r: RecentTrend, measure: String) -> String {
        let (arrow, cls): (String, String)
        switch r.direction {
        case .improving: (arrow, cls) = ((r.slope ?? 0) > 0 ? "↑" : "↓", "improved")
        case .worsening: (arrow, cls) = ((r.slope ?? 0) > 0 ? "↑" : "↓", "declined")
        case .noSignificantChange: (arrow, cls) = ("↔", "none")
        case .notTested: (arrow, cls) = ("·", "none")
        }
        let method = r.method == .chiSquaredTrend ? "chi-squared test for trend on counts" : "weighted regression on the intervals"
        let title = r.method == nil ? "recent-trend test not run: \(r.reason?.rawValue ?? "")"
            : "recent-trend test, last \(r.points) comparable years, \(method): χ² > 9.5495 (99.8%) and no point flips the slope"
        var out = "<td class=\"chg \(cls)\" title=\"\(HTML.escape(title))\"><span class=\"arrow\">\(arrow)</span> \(TrendFormat.trendWords(r).replacingOccurrences(of: " (", with: "<br><span class=\"sub\">(").replacingOccurrences(of: ")", with: ")</span>"))"
        if let chi = r.chiSquared { out += "<span class=\"sub\">χ² " + num(Fmt.fixed(chi, 1), chi, "recentTrend.chiSquared") + "</span>" }
        return out + "</td>"
    }

    static func changeCell(_ c: YearChange?, measure: String, format f: TrendFormat) -> String {
        guard let c else { return "<td class=\"muted\">–</td>" }
        let cls = c.direction == .improved ? "improved" : (c.direction == .declined ? "declined" : "none")
        let title = c.comparable ? "z test of \(c.from) against \(c.to), flagged when p < α" : "not comparable: a break in the series lies between \(c.from) and \(c.to)"
        let key = "change:\(c.from):\(c.to)"
        var out = "<td class=\"chg \(cls)\" title=\"\(HTML.escape(title))\"><span class=\"arrow\">\(TrendFormat.arrow(c))</span> "
        out += num(f.change(c.difference), c.difference, "\(key):difference")
        out += "<span class=\"sub\">\(c.comparable ? TrendFormat.words(c) : "not comparable (break in series)")"
        if let p = c.pValue { out += ", p " + num(Fmt.p(p), p, "\(key):pValue") }
        out += "</span><span class=\"sub\">\(HTML.escape(c.from)) → \(HTML.escape(c.to))</span>"
        return out + "</td>"
    }

    static func comparisonWords(_ c: BenchmarkComparison) -> (String, String) {
        switch c {
        case .muchBetter: return ("much better", "better")
        case .better: return ("better", "better")
        case .similar: return ("similar", "similar")
        case .worse: return ("worse", "worse")
        case .muchWorse: return ("much worse", "worse")
        case .notCompared: return ("not compared", "similar")
        }
    }

    static func versusCell(_ v: (Double?, BenchmarkComparison)?, key: String, row: DashboardInput.Row, format f: TrendFormat) -> String {
        guard let (value, comparison) = v, let year = row.current?.year else { return "<td class=\"num muted\">–</td>" }
        let (words, cls) = comparisonWords(comparison)
        return "<td class=\"num\" title=\"the council against this value: similar inside its 95% interval, better/worse outside it, much better/worse outside the 99.8%\">"
            + num(f.value(value ?? .nan), value, "bench:\(year):\(key)") + "<span class=\"rel \(cls) sub\">\(words)</span></td>"
    }

    static func rankCell(_ row: DashboardInput.Row) -> String {
        guard let c = row.current, let rank = c.rank else { return "<td class=\"num muted\">–</td>" }
        var out = "<td class=\"num\" title=\"rank in England, 1 = best; ties share the average rank\">"
        out += num(Fmt.display(rank, rank == rank.rounded() ? 0 : 1), rank, "bench:\(c.year):rank", cls: "val")
        out += " of " + num(String(c.of), Double(c.of), "bench:\(c.year):of")
        if let lo = c.rankLower, let hi = c.rankUpper {
            out += "<span class=\"sub\">95%: " + num(String(lo), Double(lo), "bench:\(c.year):rankLower") + "–"
                + num(String(hi), Double(hi), "bench:\(c.year):rankUpper") + "</span>"
        }
        if let p = row.previous, let prank = p.rank {
            out += "<span class=\"sub\">\(HTML.escape(p.year)): " + num(Fmt.display(prank, prank == prank.rounded() ? 0 : 1), prank, "bench:\(p.year):rank")
                + " of " + num(String(p.of), Double(p.of), "bench:\(p.year):of") + "</span>"
        }
        return out + "</td>"
    }

    static func quartileCell(_ row: DashboardInput.Row) -> String {
        guard let c = row.current, let q = c.quartile else { return "<td class=\"num muted\">–</td>" }
        let label = q == 1 ? "best" : (q == 4 ? "worst" : "")
        return "<td class=\"num\" title=\"quartile of England's councils, 1 = best (R type-7 cut points)\">Q"
            + num(String(q), Double(q), "bench:\(c.year):quartile", cls: "val") + (label.isEmpty ? "" : "<span class=\"sub\">\(label)</span>") + "</td>"
    }

    static func nextQuartileCell(_ row: DashboardInput.Row, format f: TrendFormat) -> String {
        guard let c = row.current else { return "<td class=\"num muted\">–</td>" }
        guard let n = c.nextQuartile else { return "<td class=\"num muted\">\(c.quartile == 1 ? "top quartile" : "–")</td>" }
        var out = "<td class=\"num\" title=\"the cut point to pass for the next quartile, and the gap\">"
        out += num(f.value(n.cutPoint), n.cutPoint, "bench:\(c.year):nextQuartile.cutPoint", cls: "val")
        out += "<span class=\"sub\">gap " + num(f.change(abs(n.gap)).replacingOccurrences(of: "+", with: ""), n.gap, "bench:\(c.year):nextQuartile.gap")
        if let people = n.gapPeople {
            out += "</span><span class=\"sub\">≈ " + num(Fmt.count(Int(people.rounded())), people, "bench:\(c.year):nextQuartile.gapPeople")
                + " \(HTML.escape(n.peopleUnit ?? "people"))"
        }
        return out + "</span></td>"
    }

    static func targetCell(_ t: TargetStatus?, measure: String, format f: TrendFormat) -> String {
        guard let t else { return "<td class=\"num muted\">–</td>" }
        let word = t.rag.rawValue.uppercased()
        let clear = t.clear.map { $0 ? "outside the 95% interval" : "within the margin of error" } ?? "no interval"
        var out = "<td class=\"num\" title=\"GREEN meets the target, AMBER short by no more than the tolerance, RED otherwise; \(clear)\">"
        out += num(f.value(t.target.value), t.target.value, "target.value")
        out += "<span class=\"rag \(t.rag.rawValue)\">\(word)</span><span class=\"sub\">\(clear)</span>"
        return out + "</td>"
    }
}
