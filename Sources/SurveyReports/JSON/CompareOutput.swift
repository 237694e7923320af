import SurveyModel
import SurveyEstimation

/// The `compare` outputs: JSON contract (cli.md), CSV, and one line per comparison for a person.
public enum CompareOutput {
    public static func json(_ comparisons: [Comparison], alpha: Double, adjust: Comparison.Adjustment, notes: [String]) -> String {
        func side(_ x: ComparisonInput, hide: Bool) -> JSONValue {
            .object([("surveyYear", .text(x.surveyYear)), ("estimate", hide ? .null : .double(x.estimate)),
                     ("standardError", hide ? .null : .double(x.standardError))])
        }
        return JSONValue.object([
            ("schemaVersion", .int(1)), ("alpha", .double(alpha)), ("adjust", .string(adjust.rawValue)),
            ("comparisons", .array(comparisons.map { c in
                let hide = c.suppressed
                return .object([
                    ("measure", .string(c.measure)), ("group", MeasuresJSON.group(c.group)),
                    ("before", side(c.before, hide: hide)), ("after", side(c.after, hide: hide)),
                    ("difference", hide ? .null : .number(c.difference)), ("standardError", hide ? .null : .number(c.standardError)),
                    ("lower", hide ? .null : .number(c.lower)), ("upper", hide ? .null : .number(c.upper)),
                    ("z", hide ? .null : .number(c.z)), ("pValue", hide ? .null : .number(c.pValue)),
                    ("pHolm", hide ? .null : .number(c.pHolm)), ("pBH", hide ? .null : .number(c.pBH)),
                    ("significant", .bool(c.significant)), ("direction", .string(c.direction.rawValue)),
                    ("comparable", .bool(c.comparable)), ("intervalsOverlap", hide ? .null : .bool(c.intervalsOverlap)),
                    ("suppressed", .bool(hide)),
                ])
            })),
            ("notes", .array(notes.map(JSONValue.string))),
        ]).serialized()
    }

    /// `names`: a measure code's name (from the measure definitions), written in the `name` column.
    public static func csv(_ comparisons: [Comparison], names: (String) -> String? = { _ in nil }) -> String {
        table(comparisons, names: names).csv
    }

    /// `↑ 3A council 716: 61.9% → 66.0% (+4.1 points, p = 0.012) improved`.
    /// `names` gives each measure's name, printed in a heading line before its comparisons.
    public static func text(_ comparisons: [Comparison], kinds: (String) -> Measure.Kind, adjust: Comparison.Adjustment, alpha: Double,
                            names: (String) -> String? = { _ in nil }, notes: [String] = []) -> String {
        var out = "Year-on-year change (two-sided z test, α = \(alpha)\(adjust == .none ? "" : ", \(adjust.rawValue)-adjusted p"))\n"
        var lastMeasure: String?
        for c in comparisons {
            if c.measure != lastMeasure {
                out += "\n" + (names(c.measure).map { "\(c.measure) \($0)\n" } ?? "")
                lastMeasure = c.measure
            }
            let arrow: String
            switch c.direction {
            case _ where !c.comparable || c.suppressed: arrow = " "
            case .improved: arrow = "↑"
            case .declined: arrow = "↓"
            case .noSignificantChange: arrow = "↔"
            }
            let proportion = kinds(c.measure) == .proportion
            func v(_ x: Double) -> String { proportion ? MeasuresText.fixed(x * 100, 1) + "%" : MeasuresText.fixed(x, 2) }
            let diff = proportion ? MeasuresText.fixed(c.difference * 100, 1) + " points" : MeasuresText.fixed(c.difference, 2)
            let words = !c.comparable ? "not tested" : c.direction == .noSignificantChange ? "no significant change" : c.direction.rawValue
            var line = "\(arrow) \(MeasuresText.pad(c.measure, 4)) \(MeasuresText.pad(c.group.label, 16)) "
            if c.suppressed {
                line += "\(MissingMarker.suppressed.rawValue) suppressed (too few respondents)"
            } else {
                let p = c.pValue < 0.001 ? "p < 0.001" : "p = " + MeasuresText.fixed(c.pValue, 3)
                line += "\(v(c.before.estimate)) → \(v(c.after.estimate)) (\(c.difference >= 0 ? "+" : "")\(diff), \(p)) \(words)"
            }
            if !c.comparable { line += " — not comparable across a survey change" }
            out += line + "\n"
        }
        if !notes.isEmpty { out += "\nNotes:\n" + notes.map { "  - \($0)\n" }.joined() }
        return out
    }
}
