import SurveyModel
import SurveyEstimation

/// `measures` for a person in a terminal: one line per measure and group, percentages for proportions.
public enum MeasuresText {
    public static func render(_ report: MeasuresReport) -> String {
        var out = "\(report.survey) \(report.surveyYear) — \(report.interval.rawValue) \(formatLevel(report.level)) intervals\n"
        if let warning = report.provisionalWarning { out += warning + "\n" }
        var lastMeasure = ""
        for r in report.results {
            if r.measure != lastMeasure {
                out += "\n\(r.measure)\(r.formerCode.map { $0 != r.measure ? " (was \($0))" : "" } ?? "") \(r.name)\n"
                lastMeasure = r.measure
            }
            out += "  " + pad(report.label(of: r.group), 34) + value(r) + "\n"
            if let caveat = r.caveat { out += "      ! \(caveat)\n" }
        }
        if !report.notes.isEmpty { out += "\nNotes:\n" + report.notes.map { "  - \($0)\n" }.joined() }
        out += "\nValidation: \(report.errors) errors, \(report.warnings) warnings in the returns.\n"
        return out
    }

    static func value(_ r: MeasureResult) -> String {
        if let s = r.suppression { return "\(s) (suppressed: \(suppressionReason(r)))" }
        guard let e = r.estimate, let lo = r.lower, let hi = r.upper else { return "no estimate" }
        let text: String
        if r.kind == .proportion {
            text = "\(pct(e.estimate))  (\(pct(lo)) to \(pct(hi)))"
        } else {
            text = "\(fixed(e.estimate, 2))  (\(fixed(lo, 2)) to \(fixed(hi, 2)))"
        }
        return pad(text, 28) + "n = \(e.respondents)"
    }

    /// Why a cell is suppressed, naming no count: in a table with complementary suppression a
    /// `[c]` may be the small value or the one suppressed to protect it.
    static func suppressionReason(_ r: MeasureResult) -> String {
        if r.marker == .notAvailable { return "no respondents" }
        return r.tableNotes.contains(ComplementarySuppression.note)
            ? "fewer respondents than the threshold, or complementary suppression in this table" : "fewer respondents than the threshold"
    }

    static func pct(_ x: Double) -> String { fixed(x * 100, 1) + "%" }

    public static func fixed(_ x: Double, _ digits: Int) -> String {
        let scale = pow10(digits)
        let rounded = (x * scale).rounded() / scale
        var s = "\(abs(rounded))"
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
            if decimals > digits { s = String(s[..<s.index(dot, offsetBy: digits == 0 ? 0 : digits + 1)]) }
        } else if digits > 0 {
            s += "." + String(repeating: "0", count: digits)
        }
        if s.contains("e") { s = "\(rounded)" }
        return (rounded < 0 ? "-" : "") + s
    }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * 10 } }
    static func formatLevel(_ level: Double) -> String { level * 100 == (level * 100).rounded() ? "\(Int(level * 100))%" : fixed(level * 100, 1) + "%" }
    static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
}
