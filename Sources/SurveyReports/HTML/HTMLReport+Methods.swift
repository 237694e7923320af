import SurveyModel
import SurveyEstimation

extension HTMLReport {
    /// Weighting, estimator, variance, intervals, disclosure control, single-respondent cells,
    /// change tests, what is provisional, and references.
    static func methods(_ c: Context) -> String {
        let m = c.input.method
        let cb = c.input.codebook
        let strata = Set(cb.strata.rules.compactMap(\.value)).count
        let cell = strata > 1 ? "council × stratum (\(strata) strata per council, derived from the returns as the codebook defines)" : "council (the council is the only stratum)"
        var body = "<dl class=\"method\">\n"
        func item(_ term: String, _ text: String) { body += "<dt>\(term)</dt><dd>\(text)</dd>\n" }
        item("Design and weighting",
             "Stratified random sample; cells <var>h</var> are \(HTML.escape(cell)). Each respondent’s weight for item <var>k</var> is "
             + "<var>N<sub>h</sub></var> / <var>n<sub>hk</sub></var>: the cell’s eligible population over the number of respondents in the cell "
             + "with a valid answer to that item, recomputed per item. Cells without a valid answer drop out of the item’s base.")
        item("Estimator",
             "θ̂ = Σ<sub>h</sub> <var>N<sub>h</sub></var> ȳ<sub>h</sub> / Σ<sub>h</sub> <var>N<sub>h</sub></var> (the weighted mean, or weighted "
             + "proportion for a 0/1 flag), as in the official data-return workbook and the published pipeline.")
        item("Variance and finite population correction",
             "Stratified simple random sampling without replacement: V(θ̂) = Σ<sub>h</sub> <var>N<sub>h</sub></var>² (1 − <var>n<sub>h</sub></var>/<var>N<sub>h</sub></var>) "
             + "<var>s<sub>h</sub></var>² / <var>n<sub>h</sub></var> / (Σ<sub>h</sub> <var>N<sub>h</sub></var>)². Fully enumerated cells contribute no variance.")
        item("Confidence intervals", intervalText(m))
        item("Single-respondent cells", singleRespondentText(m.singleRespondent, c: c))
        item("Disclosure control",
             m.suppressBelow > 0
                ? "A value resting on 1 to \(m.suppressBelow - 1) respondents is suppressed as <strong>\(MissingMarker.suppressed.rawValue)</strong> and on none as <strong>\(MissingMarker.notAvailable.rawValue)</strong>, "
                    + "with its interval, at every level (for measures the base; for answer tables the respondents giving that answer). "
                    + "Threshold: <code>--suppress-below \(m.suppressBelow)</code>."
                : "Off (<code>--suppress-below 0</code>): every value is shown. <strong>Do not publish this report as it stands.</strong>")
        item("Comparison with England",
             "“Higher/lower than England” flags a council whose interval lies wholly above or below England’s estimate: a screen for "
             + "attention, not a significance test.")
        item("Year-on-year change",
             "Δ = θ̂<sub>current</sub> − θ̂<sub>previous</sub>, SE<sub>Δ</sub> = √(SE<sub>previous</sub>² + SE<sub>current</sub>²), "
             + "z = Δ / SE<sub>Δ</sub>, two-sided p; significant when p &lt; \(trimZeros(Fmt.fixed(m.alpha, 3)))"
             + (m.adjust == .none ? "" : " after \(m.adjust == .holm ? "Holm" : "Benjamini–Hochberg") adjustment")
             + ". Direction follows each measure’s polarity (all current measures: higher is better). Overlapping intervals are not used "
             + "to judge significance. Changes across a break in a measure’s series are flagged as not comparable.")
        body += "</dl>\n"
        body += provenance(c)
        body += references
        return section("methods", "Method notes", body)
    }

    static func intervalText(_ m: ReportInput.MethodFacts) -> String {
        let level = Fmt.level(m.level)
        switch m.interval.rawValue {
        case "wald":
            return "Wald, θ̂ ± \(Fmt.multiplier(m.level)) × SE\(m.level == 0.95 ? " (the published “margin of error”)" : ""), at \(level). Intervals are not clamped: a proportion’s "
                + "interval reaching below 0% or above 100% is shown as computed."
        case "wald-t":
            return "Wald with a t quantile on <var>n</var> − <var>H</var> degrees of freedom (respondents minus cells), at \(level)."
        case "wilson":
            return "Wilson score interval on the effective sample size p̂(1 − p̂)/V, at \(level); means use Wald."
        case "logit":
            return "Logit interval with a t quantile on <var>n</var> − <var>H</var> degrees of freedom, at \(level) (R <code>svyciprop</code> "
                + "method “xlogit”); Korn–Graubard where p̂ is 0 or 1; means use Wald."
        case "korn-graubard":
            return "Korn–Graubard (beta) interval on the effective sample size, at \(level) (R <code>svyciprop</code> method “beta”); means use Wald."
        default:
            return HTML.escape(m.interval.rawValue) + " at " + level + "."
        }
    }

    static func singleRespondentText(_ policy: SingleRespondentPolicy, c: Context) -> String {
        let used = c.measureCodes.compactMap { c.result($0, .england)?.estimate?.singleRespondentCells }.max() ?? 0
        var text: String
        switch policy {
        case .certainty:
            text = "A cell with one valid answer contributes no variance (the published pipeline; R <code>survey.lonely.psu = \"certainty\"</code>)."
        case .average:
            text = "A cell with one valid answer is given the mean within-cell variance of the group’s other cells."
        case .fail:
            text = "A cell with one valid answer stops the analysis (policy <code>fail</code>)."
        }
        text += used == 0 ? " No England estimate in this report used such a cell."
            : " England estimates in this report used up to \(Fmt.count(used)) such cell\(used == 1 ? "" : "s") per measure."
        return text
    }

    static func provenance(_ c: Context) -> String {
        let cb = c.input.codebook
        var out = "<h3>What is verified and what is provisional</h3>\n<ul class=\"prov\">\n"
        let status = cb.status == .verified ? "<span class=\"tag ok\">verified</span>" : "<span class=\"tag\">provisional</span>"
        out += "<li>Codebook <code>\(HTML.escape(cb.id))</code> \(status): \(HTML.escape(cb.source))</li>\n"
        let provisional = cb.measures.filter { $0.status == .provisional }
        if !provisional.isEmpty {
            out += "<li>Provisional measure definitions: " + provisional.map { HTML.escape($0.displayCode) }.joined(separator: ", ") + ".</li>\n"
        }
        for model in c.input.method.scoreModels {
            let tag = model.status == .verified ? "<span class=\"tag ok\">verified</span>" : "<span class=\"tag\">provisional</span>"
            out += "<li>Score weights <code>\(HTML.escape(model.id))</code> \(tag) — \(HTML.escape(model.name))"
            if let year = model.year { out += " (\(HTML.escape(year)))" }
            out += ": \(HTML.escape(model.source))</li>\n"
        }
        return out + "</ul>\n"
    }

    static let references = """
    <h3>References</h3>
    <ol class="refs">
    <li>NHS England (formerly NHS Digital). <cite>Personal Social Services Adult Social Care Survey, England</cite> and <cite>Personal Social Services Survey of Adult Carers in England</cite>: data-return guidance, methodology and annex tables (for the survey year shown).</li>
    <li>Department of Health and Social Care. <cite>Adult Social Care Outcomes Framework (ASCOF) handbook of definitions</cite>, 2023-24 numbering, with former codes.</li>
    <li>Netten A, Burge P, Malley J, et al. (2012). Outcomes of social care for adults: developing a preference-weighted measure. <cite>Health Technology Assessment</cite> 16(16).</li>
    <li>Cochran WG (1977). <cite>Sampling Techniques</cite>, 3rd edition. Wiley. (Stratified estimation and the finite population correction.)</li>
    <li>Lumley T (2010). <cite>Complex Surveys: A Guide to Analysis Using R</cite>. Wiley; and the R package <code>survey</code> (<code>svymean</code>, <code>svyciprop</code>).</li>
    <li>Wilson EB (1927). Probable inference, the law of succession, and statistical inference. <cite>Journal of the American Statistical Association</cite> 22, 209–212.</li>
    <li>Korn EL, Graubard BI (1998). Confidence intervals for proportions with small expected number of positive counts estimated from survey data. <cite>Survey Methodology</cite> 24, 193–201.</li>
    <li>Holm S (1979). A simple sequentially rejective multiple test procedure. <cite>Scandinavian Journal of Statistics</cite> 6, 65–70.</li>
    <li>Benjamini Y, Hochberg Y (1995). Controlling the false discovery rate. <cite>Journal of the Royal Statistical Society B</cite> 57, 289–300.</li>
    </ol>

    """
}
