import SurveyModel
import SurveyEstimation
import SurveyBenchmark

/// `caresurvey report --targets FILE`: a scorecard section (benchmarking.md §6) — per measure with a
/// target, the lead group's value and 95% interval (the focus council, else England), the target,
/// the RAG status by polarity and whether the target lies outside the 95% interval.
public enum TargetsHTML {
    /// The section, placed before the end of the report's `<main>` (before any benchmarking section
    /// added later).
    public static func insert(_ input: ReportInput, targets: [String: Target], into page: String) -> String {
        let section = self.section(input, targets: targets)
        guard let end = page.range(of: "</main>", options: .backwards) else { return page + section }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: section)
    }

    /// The status of each measure of the report that has a target, in the report's measure order.
    /// The 95% interval is the report's own when it is at 95%, else estimate ± 1.959964·SE.
    public static func statuses(_ input: ReportInput, targets: [String: Target])
        -> [(result: MeasureResult, status: TargetStatus?, interval: (lower: Double, upper: Double)?)] {
        let c = Context(input)
        return c.measureCodes.compactMap { code -> (MeasureResult, TargetStatus?, (lower: Double, upper: Double)?)? in
            guard let target = targets[code], let r = c.result(code, c.lead) else { return nil }
            guard !r.isSuppressed, let e = r.estimate else { return (r, nil, nil) }
            let z = 1.959964
            let (lo, hi) = input.method.level == 0.95 && r.lower != nil && r.upper != nil
                ? (r.lower!, r.upper!) : (e.estimate - z * e.standardError, e.estimate + z * e.standardError)
            return (r, TargetStatus.evaluate(estimate: e.estimate, lower: lo, upper: hi, target: target, polarity: c.polarity(code)), (lo, hi))
        }
    }

    static func section(_ input: ReportInput, targets: [String: Target]) -> String {
        let c = Context(input)
        let rows = statuses(input, targets: targets)
        var body = "<p>Each measure with a target (the targets file, in the measure’s published unit) for \(HTML.escape(c.focusLabel)): "
            + "<span class=\"rag green\">GREEN</span> meets the target by the measure’s polarity, <span class=\"rag amber\">AMBER</span> "
            + "short of it by no more than the tolerance, <span class=\"rag red\">RED</span> otherwise; and whether the target lies outside "
            + "the 95% interval (a statistically clear gap) or within the margin of error.</p>\n"
        if rows.isEmpty {
            body += "<p>No measure of this report has a target in the file.</p>\n"
        } else {
            body += "<table class=\"targets\">\n<caption>Targets, \(HTML.escape(c.focusLabel)), \(HTML.escape(input.codebook.surveyYear))</caption>\n<thead><tr>"
            body += "<th scope=\"col\">Measure</th><th scope=\"col\" class=\"num\">Value (95% CI)</th><th scope=\"col\" class=\"num\">Target</th>"
            body += "<th scope=\"col\" class=\"num\">Amber band</th><th scope=\"col\">Status</th><th scope=\"col\">Against the interval</th></tr></thead>\n<tbody>\n"
            for (r, status, interval) in rows {
                let f = c.format(r.measure)
                body += "<tr><th scope=\"row\"><span class=\"code\">\(HTML.escape(c.displayCode(r)))</span><span class=\"name\">\(HTML.escape(r.name))</span></th>"
                guard let status, let interval, let e = r.estimate else {
                    body += "<td class=\"num\">\(HTML.escape(r.suppression ?? "no value"))</td><td class=\"num\">\(f.value(targets[r.measure]!.value))</td>"
                    body += "<td class=\"num\">–</td><td>not assessed</td><td>–</td></tr>\n"
                    continue
                }
                body += "<td class=\"num\">\(f.value(e.estimate))<span class=\"ci\">\(f.interval(interval.lower, interval.upper))</span></td>"
                body += "<td class=\"num\">\(f.value(status.target.value))</td>"
                body += "<td class=\"num\">\(status.target.amber.map { f.change($0).replacingOccurrences(of: "+", with: "") } ?? "none")</td>"
                body += "<td><span class=\"rag \(status.rag.rawValue)\">\(status.rag.rawValue.uppercased())</span></td>"
                body += "<td>\(status.clear.map { $0 ? "outside the 95% interval" : "within the margin of error" } ?? "no interval")</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        return "<section id=\"targets\"><style>\(style)</style>\n<h2>Targets</h2>\n" + body + "</section>\n"
    }

    static let style = """
    .rag { display: inline-block; padding: 1px 6px; border-radius: 4px; font-size: 11px; font-weight: 700; color: #fff; }
    .rag.green { background: #1a7f37; } .rag.amber { background: #b45309; } .rag.red { background: #b42318; }
    table.targets .ci { display: block; }
    """
}
