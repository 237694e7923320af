import SurveyEstimation
import SurveyBenchmark

extension DashboardHTML {
    static func legend(adjust: Comparison.Adjustment, alpha: Double, peers: String?, benchmark: Bool) -> String {
        let flag = adjust == .none ? "the raw p" : (adjust == .holm ? "the Holm-adjusted p" : "the Benjamini–Hochberg-adjusted p")
        var out = "<section class=\"legend\">\n<h2>How to read this page</h2>\n<dl>\n"
        func item(_ term: String, _ text: String) { out += "<dt>\(term)</dt><dd>\(text)</dd>\n" }
        item("Years", "The council's published value (CareSurvey's own result for a year not yet published), with its 95% interval below it: "
             + "the published margin of error, else √(p(1 − p)/base), else Wilson or Byar limits from the numerator and denominator. "
             + "<sup>†</sup> a year not comparable with any other (the voluntary ASCS 2020-21); <span class=\"nc-flag\">break</span> a change of definition before that year.")
        item("Trend", "<span class=\"chg improved\">↑/↓ improving</span> or <span class=\"chg declined\">↑/↓ worsening</span> (the arrow is the direction of the value, "
             + "the colour whether that is better by the measure's polarity): the recent-trend test over the last 5 comparable years — weighted regression on the "
             + "intervals, or the chi-squared test for trend for proportions with counts — significant when χ² &gt; 9.5495 (99.8%) and the slope keeps its sign "
             + "when any one year is left out. <span class=\"chg none\">↔</span> no significant change, with the reason (outlier found, fewer than 5 points, break in series).")
        item("Latest change", "The direction of travel from the year before: a two-sided z test of the difference, flagged by \(flag) &lt; \(Fmt.fixed(alpha, 2)) "
             + "(Holm and Benjamini–Hochberg over every comparable pair on this page). A change across a break is shown but not flagged.")
        if benchmark {
            item("Peers, Region, England", "The comparison value for the latest year and how the council compares with it: similar when the value lies inside the "
                 + "council's 95% interval; better or worse when outside it; much better or much worse outside its 99.8% interval. "
                 + (peers.map { "Peers: the plain mean of the peer group in \(HTML.escape(Fmt.fileName($0)))." } ?? "Peers: no peer file was given (--peers)."))
            item("Rank, Quartile", "Rank among England's councils with a value, 1 = best (ties share the average rank), with its 95% rank interval "
                 + "(Marshall &amp; Spiegelhalter simulation) and last year's rank; quartiles by R's type-7 cut points, quartile 1 = best.")
            item("Next quartile", "The cut point the council must pass to move up a quartile, the gap in the measure's unit and, where the definition allows, in people.")
        }
        item("Target", "From the targets file: <span class=\"rag green\">GREEN</span> meets the target, <span class=\"rag amber\">AMBER</span> short by no more than "
             + "the tolerance, <span class=\"rag red\">RED</span> otherwise; and whether the gap is outside the 95% interval (statistically clear) or within the margin of error.")
        item("Red–red", "<span class=\"tag warn\">red–red</span>: worse than England in the latest year and significantly worsening.")
        out += "</dl>\n</section>\n"
        return out
    }

    static let stylesheet = """
    main.dash { max-width: 1500px; padding: 20px 20px 8px; }
    table.dash { font-size: 12px; table-layout: auto; }
    table.dash th, table.dash td { padding: 4px 4px; vertical-align: top; }
    table.dash thead th { position: sticky; top: 0; background: #fff; font-size: 12px; }
    table.dash tbody th { min-width: 130px; max-width: 180px; }
    table.dash .code { display: block; }
    table.dash .name { display: block; font-size: 12px; }
    table.dash .val { font-size: 13px; font-weight: 600; }
    table.dash .ci, table.dash .sub { display: block; font-size: 10.5px; color: var(--muted); white-space: normal; }
    table.dash .ci { white-space: nowrap; }
    table.dash td { max-width: 130px; }
    div.scroll { overflow-x: auto; }
    table.dash td.nc { background: #fafafa; }
    table.dash td.chg { min-width: 90px; max-width: 120px; white-space: normal; }
    table.dash .chg .arrow { font-size: 15px; }
    table.dash td.chg .sub { white-space: normal; }
    table.dash tr.redred th { border-left: 4px solid var(--worse); }
    td.spark { width: 92px; }
    svg.spark { display: block; width: 88px; height: 36px; }
    svg.spark .sl { fill: none; stroke: var(--focus); stroke-width: 1.4; }
    svg.spark .sci { stroke: #8aa0c8; stroke-width: 1; }
    svg.spark .sdot { fill: var(--focus); }
    svg.spark .sdot.hollow { fill: #fff; stroke: var(--focus); stroke-width: 1; }
    svg.spark .sbreak { stroke: #7a3e00; stroke-width: 1; stroke-dasharray: 2 2; }
    .rag { display: block; width: max-content; margin: 2px 0 0 auto; padding: 1px 6px; border-radius: 4px; font-size: 11px; font-weight: 700; color: #fff; }
    .rag.green { background: #1a7f37; } .rag.amber { background: #b45309; } .rag.red { background: #b42318; }
    dd .rag { display: inline; margin: 0; }
    section.legend dl { display: grid; grid-template-columns: 160px 1fr; gap: 4px 16px; font-size: 13px; }
    section.legend dt { font-weight: 600; }
    section.legend dd { margin: 0; }
    @media print {
      @page { size: A4 landscape; margin: 10mm; }
      main.dash { max-width: none; padding: 0; }
      table.dash { font-size: 9px; }
      table.dash thead th { font-size: 9px; }
      table.dash .name { font-size: 9px; }
      main.dash h1 { font-size: 18px; margin: 0 0 4px; }
      main.dash .lead { font-size: 11px; margin: 0 0 6px; }
      main.dash h2 { font-size: 13px; }
      section.legend { margin: 12px 0; }
      section.legend dl { font-size: 9px; grid-template-columns: 110px 1fr; }
      main.dash footer { font-size: 9px; }
      table.dash th, table.dash td { padding: 3px 3px; max-width: 100px; }
      table.dash tbody th { min-width: 100px; max-width: 140px; }
      table.dash .val { font-size: 10px; }
      table.dash .ci, table.dash .sub { font-size: 8px; }
      table.dash td.chg { min-width: 64px; max-width: 96px; }
      table.dash .chg .arrow { font-size: 12px; }
      td.spark { width: 76px; }
      svg.spark { width: 72px; height: 30px; }
      tr { break-inside: avoid; }
      thead th { position: static; }
      div.scroll { overflow: visible; }
    }
    @media (max-width: 900px) {
      table.dash { font-size: 10.5px; }
      table.dash .ci, table.dash .sub { font-size: 9.5px; white-space: normal; }
      table.dash tbody th { min-width: 110px; }
    }
    """
}
