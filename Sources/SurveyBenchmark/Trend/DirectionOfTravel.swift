import SurveyModel
import SurveyEstimation

/// Changes between consecutive years of many series at once. Each consecutive pair of valued points
/// is tested by `ChangeTest.compare` (the z test of `statistics.md` §5, unchanged), all pairs of one
/// run together, so its Holm and Benjamini–Hochberg adjustment spans every measure × council × pair
/// compared in that run, as `compare` does. A pair across a break, or with a year excluded as a
/// single-year break, is tested and flagged `comparable: false`.
public enum DirectionOfTravel {
    /// One series as the test needs it.
    public struct Input: Sendable {
        public var points: [TrendPoint]
        public var breaks: [TrendBreak]
        public var polarity: Measure.Polarity
        public init(points: [TrendPoint], breaks: [TrendBreak], polarity: Measure.Polarity) {
            self.points = points
            self.breaks = breaks
            self.polarity = polarity
        }
    }

    /// The changes of every series, in the order given (one list per series, oldest pair first).
    public static func changes(_ series: [Input], options: ChangeTest.Options) -> [[YearChange]] {
        var before: [ComparisonInput] = []
        var after: [ComparisonInput] = []
        var polarity: [Measure.Polarity] = []
        var comparable: [Bool] = []
        var slots: [[YearChange?]] = []
        var where_: [(series: Int, pair: Int)] = []
        for (s, input) in series.enumerated() {
            let valued = input.points.filter { $0.estimate?.isFinite == true }
            var row: [YearChange?] = []
            for i in valued.indices.dropFirst() {
                let a = valued[i - 1], b = valued[i]
                let isComparable = !input.breaks.contains { $0.separates(a.year, b.year) } && a.excluded == nil && b.excluded == nil
                guard let seA = a.testStandardError, let seB = b.testStandardError else {
                    row.append(YearChange(from: a.year, to: b.year, difference: b.estimate! - a.estimate!, standardError: nil,
                                          pValue: nil, pHolm: nil, pBH: nil, significant: false, direction: .notCompared,
                                          comparable: isComparable, suppressed: false))
                    continue
                }
                // A unique key per pair: ChangeTest matches the two sides by measure and group.
                let key = String(before.count)
                before.append(ComparisonInput(measure: key, group: .england, estimate: a.estimate!, standardError: seA,
                                              surveyYear: a.year, respondents: a.respondents))
                after.append(ComparisonInput(measure: key, group: .england, estimate: b.estimate!, standardError: seB,
                                             surveyYear: b.year, respondents: b.respondents))
                polarity.append(input.polarity)
                comparable.append(isComparable)
                where_.append((s, row.count))
                row.append(nil)
            }
            slots.append(row)
        }
        let tested = ChangeTest.compare(before: before, after: after, options: options,
                                        polarity: { polarity[Int($0)!] }, comparable: { key, _, _ in comparable[Int(key)!] })
        for c in tested {
            let index = Int(c.measure)!
            let direction: YearChange.Direction
            switch c.direction {
            case .improved: direction = .improved
            case .declined: direction = .declined
            case .noSignificantChange: direction = .noSignificantChange
            }
            let (s, p) = where_[index]
            slots[s][p] = YearChange(from: c.before.surveyYear ?? "", to: c.after.surveyYear ?? "", difference: c.difference,
                                     standardError: c.standardError, pValue: c.pValue, pHolm: c.pHolm, pBH: c.pBH,
                                     significant: c.significant, direction: direction, comparable: c.comparable,
                                     suppressed: c.suppressed)
        }
        return slots.map { $0.compactMap { $0 } }
    }
}
