import SurveyEstimation

/// The Notes sheet of every CareSurvey workbook: method, interval, and what the markers mean.
public enum ReportNotes {
    /// What `[c]`, `[x]` and `[z]` mean (the published conventions).
    public static func markers(suppressBelow: Int) -> [String] {
        var notes: [String] = []
        if suppressBelow > 0 {
            notes.append("[c] denotes a figure suppressed for disclosure control: it rests on 1 to \(suppressBelow - 1) people (--suppress-below \(suppressBelow)), so the estimate and its interval are not shown.")
        } else {
            notes.append("[c] denotes a suppressed figure (disclosure control was off for this output, so none is marked).")
        }
        notes += [
            "[x] denotes data not available: no respondents in the group, or no figure for it.",
            "[z] denotes not applicable.",
            "Markers are text cells; every other figure is a number. Proportions are stored as fractions (0.623) and shown as percentages (62.3%); every number keeps its full precision (widen the format to see more decimals).",
        ]
        return notes
    }

    /// Method and interval notes for estimates from returns.
    public static func estimation(survey: String, surveyYear: String, interval: IntervalMethod, level: Double) -> [String] {
        [
            "Source: \(survey.uppercased()) \(surveyYear) returns, computed by CareSurvey. Weighted by the stratified design: in each council and stratum, weight = eligible population / valid answers to the item, with the finite population correction.",
            "Confidence intervals: \(interval.rawValue) at the \(ResultTableText.percent(level)) level. Margins of error are half the width of the interval.",
        ]
    }
}
