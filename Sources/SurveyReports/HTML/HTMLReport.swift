import SurveyModel
import SurveyEstimation

/// The `report` command's self-contained HTML file: inline CSS and inline SVG only — no scripts,
/// fonts, images or links outside the file — so it opens from disk, prints, and is the same bytes
/// for the same input (no timestamps, no absolute paths).
///
/// Sections (by `id`): `overview`, `headline`, `change`, `benchmark`, `distributions`, `quality`, `methods`.
public enum HTMLReport {
    /// The section ids, in order (tests check each is present).
    public static let sectionIDs = ["overview", "headline", "change", "benchmark", "distributions", "quality", "methods"]

    public static func render(_ input: ReportInput) -> String {
        let context = Context(input)
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"\(HTML.escape(input.generatedBy))\">\n"
        out += "<title>\(HTML.escape(context.title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n"
        out += "<main>\n"
        out += overview(context)
        out += headline(context)
        out += change(context)
        out += benchmark(context)
        out += distributions(context)
        out += quality(context)
        out += methods(context)
        out += "</main>\n<footer><p>Produced by \(HTML.escape(input.generatedBy)) from \(HTML.escape(input.codebook.survey)) "
        out += "\(HTML.escape(input.codebook.surveyYear)) returns. Official statistics are published by NHS England; "
        out += "figures here are for local analysis.</p></footer>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Overview

    static func overview(_ c: Context) -> String {
        let input = c.input
        let s = input.summary
        let readFiles = input.files.filter { $0.error == nil }.count
        let unreadable = input.files.count - readFiles
        var out = "<header id=\"overview\">\n"
        out += "<p class=\"kicker\">\(HTML.escape(c.surveyName)) · \(HTML.escape(input.codebook.surveyYear))</p>\n"
        out += "<h1>\(HTML.escape(c.title))</h1>\n"
        out += "<p class=\"lead\">Focus: <strong>\(HTML.escape(c.focusLabel))</strong>"
        if c.focus != nil {
            let aggregate = input.measures.aggregate
            out += aggregate.isEngland ? ", compared with England (all \(Fmt.count(input.councils.count)) councils)"
                : ", compared with \(HTML.escape(aggregate.label)), not England"
        }
        out += ".</p>\n<dl class=\"facts\">\n"
        func fact(_ term: String, _ value: String) { out += "<div><dt>\(term)</dt><dd>\(value)</dd></div>\n" }
        fact("Survey", "\(HTML.escape(input.codebook.survey)) \(HTML.escape(input.codebook.surveyYear))"
             + (input.codebook.status == .provisional ? " <span class=\"tag\">provisional codebook</span>" : ""))
        fact("Files read", Fmt.count(readFiles) + (unreadable > 0 ? " <span class=\"tag warn\">\(unreadable) unreadable</span>" : ""))
        fact("Councils", Fmt.count(input.councils.count))
        fact("Rows read", Fmt.count(s.rowsRead))
        fact("Respondents", Fmt.count(s.respondents))
        if c.focus != nil { fact("Respondents in \(HTML.escape(c.focusShort))", Fmt.count(c.focusRespondents ?? 0)) }
        fact("Intervals", "\(Fmt.level(input.method.level)) \(HTML.escape(input.method.interval.rawValue))")
        out += "</dl>\n"
        out += "<nav aria-label=\"Contents\"><ol class=\"toc\">"
        let entries = [("headline", "Headline measures"), ("change", "Year-on-year change"), ("benchmark", "Council benchmarking"),
                       ("distributions", "Answer distributions"), ("quality", "Data quality"), ("methods", "Method notes")]
        out += entries.map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }.joined()
        out += "</ol></nav>\n</header>\n"
        return out
    }

    /// A `<section>` with its heading.
    static func section(_ id: String, _ title: String, _ body: String) -> String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n<h2 id=\"\(id)-h\">\(title)</h2>\n\(body)</section>\n"
    }

    static func notesList(_ notes: [String]) -> String {
        guard !notes.isEmpty else { return "" }
        return "<ul class=\"notes\">" + notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
    }
}

/// Lookups shared by the sections.
struct Context {
    let input: ReportInput
    let focus: GroupKey?
    /// The group the report is about: the focus council, or England.
    let lead: GroupKey
    /// Measure codes in the order of the results.
    let measureCodes: [String]
    let results: [ResultKey: MeasureResult]
    let formats: [String: ValueFormat]
    let measureDefinitions: [String: Measure]
    let title: String
    let surveyName: String
    let intervalName: String
    let focusRespondents: Int?

    init(_ input: ReportInput) {
        self.input = input
        focus = input.focusCouncil.map(GroupKey.council)
        lead = focus ?? .england
        var codes: [String] = []
        var seen: Set<String> = []
        var index: [ResultKey: MeasureResult] = [:]
        for r in input.measures.results where r.group.level == .council || r.group.level == .england {
            if seen.insert(r.measure).inserted { codes.append(r.measure) }
            index[Context.key(r.measure, r.group)] = r
        }
        measureCodes = codes
        results = index
        var defs: [String: Measure] = [:]
        for m in input.codebook.measures { defs[m.code] = m }
        measureDefinitions = defs
        var f: [String: ValueFormat] = [:]
        for code in codes {
            let any = input.measures.results.first { $0.measure == code }
            let england = index[Context.key(code, .england)]?.estimate?.estimate
            f[code] = ValueFormat(kind: any?.kind ?? .proportion, typical: england)
        }
        formats = f
        surveyName = input.codebook.displayName
        let who = input.focusCouncil.map { "council \($0)" } ?? "all councils"
        title = "\(input.codebook.survey) \(input.codebook.surveyYear) survey report — \(who)"
        intervalName = Context.intervalName(input.method.interval, level: input.method.level)
        focusRespondents = input.focusCouncil.map { input.respondentsByCouncil[$0] ?? 0 }
    }

    static func key(_ measure: String, _ group: GroupKey) -> ResultKey { ResultKey(measure: measure, group: group) }

    func result(_ measure: String, _ group: GroupKey) -> MeasureResult? { results[Context.key(measure, group)] }

    func format(_ measure: String) -> ValueFormat { formats[measure] ?? ValueFormat(kind: .proportion, typical: nil) }

    var focusLabel: String { input.focusCouncil.map { "council \($0)" } ?? "all councils (England)" }
    var focusShort: String { input.focusCouncil.map { "council \($0)" } ?? "England" }
    var leadLabel: String { input.focusCouncil.map { "Council \($0)" } ?? "England" }

    /// `3A (was 1B)` and the name.
    func displayCode(_ r: MeasureResult) -> String {
        if let former = r.formerCode, former != r.measure { return "\(r.measure) (was \(former))" }
        return r.measure
    }

    func polarity(_ measure: String) -> Measure.Polarity { measureDefinitions[measure]?.polarity ?? .higherIsBetter }

    static func intervalName(_ method: IntervalMethod, level: Double) -> String {
        switch method.rawValue {
        case "wald": return "Wald intervals (±\(Fmt.multiplier(level)) SE\(level == 0.95 ? ", as published" : ""))"
        case "wald-t": return "Wald intervals with t quantiles"
        case "wilson": return "Wilson score intervals"
        case "logit": return "logit intervals"
        case "korn-graubard": return "Korn–Graubard intervals"
        default: return method.rawValue + " intervals"
        }
    }

    /// How a council's interval sits against England's estimate (a descriptive screen, not a test).
    enum Relation { case higher, lower, similar }

    func relation(_ r: MeasureResult?, england: MeasureResult?) -> Relation? {
        guard let r, !r.isSuppressed, let lo = r.lower, let hi = r.upper,
              let e = england?.estimate?.estimate, england?.isSuppressed == false else { return nil }
        if lo > e { return .higher }
        if hi < e { return .lower }
        return .similar
    }

    /// Marker shape and CSS class for a relation (shape = higher/lower, colour = better/worse).
    func style(_ relation: Relation?, measure: String) -> (shape: SVG.Shape, cls: String, words: String) {
        let higherIsBetter = polarity(measure) == .higherIsBetter
        switch relation {
        case .higher?: return (.triangleUp, higherIsBetter ? "better" : "worse", "higher than England")
        case .lower?: return (.triangleDown, higherIsBetter ? "worse" : "better", "lower than England")
        case .similar?: return (.circle, "similar", "similar to England")
        case nil: return (.circle, "similar", "not compared")
        }
    }
}
