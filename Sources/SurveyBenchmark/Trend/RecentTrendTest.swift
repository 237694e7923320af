import Foundation
import SurveyModel

/// The recent-trend test of the public-health profiles (benchmarking.md §5), on the last five
/// comparable annual points, t = 1…5 (oldest first; years without a value, or excluded as a single-year
/// break, are not points).
///
/// **With intervals** (any measure): `SE_t` = the point's SE, else `(U95 − L95)/3.92`; `w_t = 1/SE_t²`;
///
///     b     = (Σw·Σwty − Σwt·Σwy) / (Σw·Σwt² − (Σwt)²)
///     SE(b) = √( Σw / (Σw·Σwt² − (Σwt)²) )
///     χ²    = (b / SE(b))²
///
/// **Chi-squared test for trend** (a proportion with counts r_t of n_t; N = Σn_t, R = Σr_t):
///
///     χ² = N·(N·Σr_t·t − R·Σn_t·t)² / [ R·(N − R)·(N·Σn_t·t² − (Σn_t·t)²) ]
///
/// with the slope `(N·Σr_t·t − R·Σn_t·t) / (N·Σn_t·t² − (Σn_t·t)²)` (the n-weighted least-squares slope
/// of r_t/n_t; χ² is 0 when R = 0 or R = N).
///
/// The trend is **significant** when χ² > 9.5495 (= 3.090232², two-sided 99.8%) **and** the slope keeps
/// its sign when each of the five points is left out in turn (the other points keep their t). For
/// proportions with counts the left-out slopes are of `log(r/(n − r))`, by the weighted regression
/// above with `Var = 1/r + 1/(n − r)` (0.5 added to r and n − r when either is 0). Otherwise "no
/// significant change" with the reason; fewer than 5 comparable points or a break inside the last
/// five is "not tested". The direction is `improving`/`worsening` by the measure's polarity.
public enum RecentTrendTest {
    /// χ² threshold: 3.090232² (the two-sided 99.8% point of the normal, squared).
    public static let threshold = 9.5495
    /// Points used.
    public static let window = 5

    /// Tests a series. `points` in year order (missing values allowed: they are skipped); `breaks` split
    /// it; `counts` allows the chi-squared form when all five points carry r and n (use it only for counts
    /// from a complete count, not for weighted survey estimates, whose counts are not binomial).
    public static func test(_ points: [TrendPoint], breaks: [TrendBreak] = [], polarity: Measure.Polarity,
                            counts: Bool = false) -> RecentTrend {
        // The testable points' places; the last five are copied out only when there are five.
        var valued: [Int] = []
        valued.reserveCapacity(points.count)
        for i in points.indices where points[i].isTestable { valued.append(i) }
        guard valued.count >= window else {
            return .notTested(points: valued.count, years: valued.map { points[$0].year }, reason: .fewerThanFivePoints)
        }
        let last = valued.suffix(window).map { points[$0] }
        let years = last.map(\.year)
        if breaks.contains(where: { $0.separates(last[0].year, last[window - 1].year) }) {
            var comparable = 1
            while comparable < window, !breaks.contains(where: { $0.separates(last[window - 1 - comparable].year, last[window - comparable].year) }) {
                comparable += 1
            }
            return .notTested(points: comparable, years: Array(years.suffix(comparable)), reason: .breakInSeries)
        }
        if counts, let rn = countsOf(last) { return chiSquaredTrend(rn, years: years, polarity: polarity) }
        let se = last.compactMap(\.testStandardError)
        guard se.count == window else { return .notTested(points: window, years: years, reason: .noUncertainty) }
        return weightedRegressionTrend(last.map { $0.estimate! }, se: se, years: years, polarity: polarity)
    }

    /// The weighted-regression form on values `y` (t = 1…n) with standard errors `se`.
    public static func weightedRegressionTrend(_ y: [Double], se: [Double], years: [String], polarity: Measure.Polarity) -> RecentTrend {
        let t = (1...y.count).map(Double.init)
        let w = se.map { 1 / ($0 * $0) }
        let fit = weightedSlope(t: t, y: y, w: w)
        let loo = leaveOneOut(t: t, y: y, w: w)
        return decide(method: .weightedRegression, slope: fit.slope, slopeSE: fit.standardError,
                      chiSquared: fit.standardError > 0 ? (fit.slope / fit.standardError) * (fit.slope / fit.standardError) : 0,
                      loo: loo, years: years, polarity: polarity)
    }

    /// The chi-squared test for trend on counts r_t of n_t (t = 1…n).
    public static func chiSquaredTrend(_ counts: [(r: Double, n: Double)], years: [String], polarity: Measure.Polarity) -> RecentTrend {
        var (bigN, bigR, srt, snt, snt2) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for (i, c) in counts.enumerated() {
            let t = Double(i + 1)
            bigN += c.n
            bigR += c.r
            srt += c.r * t
            snt += c.n * t
            snt2 += c.n * t * t
        }
        let numerator = bigN * srt - bigR * snt
        let spread = bigN * snt2 - snt * snt
        let chi2 = (bigR > 0 && bigR < bigN && spread > 0) ? bigN * numerator * numerator / (bigR * (bigN - bigR) * spread) : 0
        let slope = spread > 0 ? numerator / spread : 0
        // Left-out slopes of the log-odds.
        let t = (1...counts.count).map(Double.init)
        var logit: [Double] = []
        var w: [Double] = []
        for c in counts {
            let zero = c.r == 0 || c.r == c.n
            let a = zero ? c.r + 0.5 : c.r
            let b = zero ? c.n - c.r + 0.5 : c.n - c.r
            logit.append(log(a / b))
            w.append(1 / (1 / a + 1 / b))
        }
        let loo = leaveOneOut(t: t, y: logit, w: w)
        return decide(method: .chiSquaredTrend, slope: slope, slopeSE: nil, chiSquared: chi2, loo: loo, years: years, polarity: polarity)
    }

    /// The weighted least-squares slope and its standard error (formulas above).
    public static func weightedSlope(t: [Double], y: [Double], w: [Double]) -> (slope: Double, standardError: Double) {
        let (sw, swt, swy, swt2, swty) = sums(t: t, y: y, w: w, skipping: nil)
        let d = sw * swt2 - swt * swt
        guard d > 0 else { return (0, 0) }
        return ((sw * swty - swt * swy) / d, (sw / d).squareRoot())
    }

    /// Σw, Σwt, Σwy, Σwt², Σwty over the points (in index order), leaving out point `skip` if given.
    static func sums(t: [Double], y: [Double], w: [Double], skipping skip: Int?)
        -> (sw: Double, swt: Double, swy: Double, swt2: Double, swty: Double) {
        var (sw, swt, swy, swt2, swty) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for i in t.indices where i != skip {
            sw += w[i]
            swt += w[i] * t[i]
            swy += w[i] * y[i]
            swt2 += w[i] * t[i] * t[i]
            swty += w[i] * t[i] * y[i]
        }
        return (sw, swt, swy, swt2, swty)
    }

    /// The slope without each point in turn: `weightedSlope` of the other points, summed in the
    /// same order (the same numbers, bit for bit), without making arrays of them.
    static func leaveOneOut(t: [Double], y: [Double], w: [Double]) -> [Double] {
        var slopes: [Double] = []
        slopes.reserveCapacity(t.count)
        for k in t.indices {
            let (sw, swt, swy, swt2, swty) = sums(t: t, y: y, w: w, skipping: k)
            let d = sw * swt2 - swt * swt
            slopes.append(d > 0 ? (sw * swty - swt * swy) / d : 0)
        }
        return slopes
    }

    static func decide(method: RecentTrend.Method, slope: Double, slopeSE: Double?, chiSquared: Double, loo: [Double],
                       years: [String], polarity: Measure.Polarity) -> RecentTrend {
        let large = chiSquared > threshold && slope != 0
        let stable = loo.allSatisfy { ($0 > 0) == (slope > 0) && $0 != 0 }
        let significant = large && stable
        let direction: RecentTrend.Direction
        if significant {
            direction = (slope > 0) == (polarity == .higherIsBetter) ? .improving : .worsening
        } else {
            direction = .noSignificantChange
        }
        let reason: RecentTrend.Reason? = significant ? nil : (large ? .outlierFound : .notSignificant)
        return RecentTrend(points: years.count, method: method, years: years, slope: slope, slopeStandardError: slopeSE,
                           chiSquared: chiSquared, leaveOneOutSlopes: loo, significant: significant, direction: direction,
                           reason: reason)
    }

    /// r and n of every point, when all have usable counts (0 ≤ r ≤ n, n > 0).
    static func countsOf(_ points: [TrendPoint]) -> [(r: Double, n: Double)]? {
        var out: [(r: Double, n: Double)] = []
        for p in points {
            guard let r = p.numerator, let n = p.denominator, r.isFinite, n.isFinite, n > 0, r >= 0, r <= n else { return nil }
            out.append((r, n))
        }
        return out
    }
}
