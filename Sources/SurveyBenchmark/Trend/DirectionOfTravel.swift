import SurveyModel
import SurveyEstimation

/// Changes between consecutive years of many series at once. Each consecutive pair of valued points
/// is tested by the z test of `statistics.md` §5, exactly as `ChangeTest.compare` does it (the same
/// formulas in the same order, `CriticalValue.twoSidedP`, `MultipleTesting`; the tests check the two
/// agree), all pairs of one run together, so its Holm and Benjamini–Hochberg adjustment spans every
/// measure × council × pair compared in that run, as `compare` does:
///
///     Δ = θ̂_later − θ̂_earlier,   SE_Δ = √(SE_earlier² + SE_later²),   z = Δ / SE_Δ,   p = 2·Φ(−|z|)
///
/// A pair with fewer respondents than `suppressBelow` on either side is suppressed (never flagged).
/// The adjustment's family is the pairs neither suppressed nor across a break; the others keep
/// `pHolm = pBH = 1`, are never significant and get no direction. A pair across a break, or with a
/// year excluded as a single-year break, is tested and flagged `comparable: false`.
///
/// (The pairs are tested here by index rather than through `ChangeTest.compare`, whose matching of
/// the two sides by measure and group needed a text key per pair and a dictionary of them.)
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
        var out: [[YearChange]] = []
        out.reserveCapacity(series.count)
        // Where each tested pair is, with its polarity.
        var tested: [(series: Int, pair: Int, higherIsBetter: Bool)] = []
        // The valued points' places (not copies of the points, whose texts would each be retained).
        var valued: [Int] = []
        for (s, input) in series.enumerated() {
            let points = input.points
            valued.removeAll(keepingCapacity: true)
            for i in points.indices where points[i].estimate?.isFinite == true { valued.append(i) }
            var row: [YearChange] = []
            row.reserveCapacity(max(0, valued.count - 1))
            for k in valued.indices.dropFirst() {
                let a = valued[k - 1], b = valued[k]
                let yearA = points[a].year, yearB = points[b].year
                let isComparable = !input.breaks.contains { $0.separates(yearA, yearB) } && points[a].excluded == nil && points[b].excluded == nil
                let difference = points[b].estimate! - points[a].estimate!
                guard let seA = points[a].testStandardError, let seB = points[b].testStandardError else {
                    row.append(YearChange(from: yearA, to: yearB, difference: difference, standardError: nil,
                                          pValue: nil, pHolm: nil, pBH: nil, significant: false, direction: .notCompared,
                                          comparable: isComparable, suppressed: false))
                    continue
                }
                let se = (seA * seA + seB * seB).squareRoot()
                let z = se > 0 ? difference / se : (difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity))
                let small = options.suppressBelow > 0
                    && ((points[a].respondents ?? Int.max) < options.suppressBelow || (points[b].respondents ?? Int.max) < options.suppressBelow)
                tested.append((s, row.count, input.polarity == .higherIsBetter))
                row.append(YearChange(from: yearA, to: yearB, difference: difference, standardError: se,
                                      pValue: CriticalValue.twoSidedP(z: z), pHolm: 1, pBH: 1, significant: false,
                                      direction: .noSignificantChange, comparable: isComparable, suppressed: small))
            }
            out.append(row)
        }
        // The family, in the order of the pairs (as `ChangeTest.compare` orders it).
        let family = tested.filter { !out[$0.series][$0.pair].suppressed && out[$0.series][$0.pair].comparable }
        let p = family.map { out[$0.series][$0.pair].pValue! }
        let holm = MultipleTesting.holm(p)
        let bh = MultipleTesting.benjaminiHochberg(p)
        for (k, at) in family.enumerated() {
            let driving: Double
            switch options.adjust {
            case .none: driving = p[k]
            case .holm: driving = holm[k]
            case .bh: driving = bh[k]
            }
            let significant = driving < options.alpha
            let difference = out[at.series][at.pair].difference
            out[at.series][at.pair].pHolm = holm[k]
            out[at.series][at.pair].pBH = bh[k]
            out[at.series][at.pair].significant = significant
            if significant {
                let better = at.higherIsBetter ? difference > 0 : difference < 0
                out[at.series][at.pair].direction = better ? .improved : .declined
            }
        }
        return out
    }
}
