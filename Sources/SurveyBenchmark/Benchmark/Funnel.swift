/// A funnel plot on the standard-error scale (Spiegelhalter 2005; benchmarking.md §3).
///
/// Target θ₀ (England's value); z_i = (y_i − θ₀)/SE_i; the z are winsorised at their 10th and
/// 90th percentiles (R `quantile(type = 7)`); φ = mean(z_w²); with w_i = 1/SE_i² and I councils,
/// τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)). Limits θ₀ ± z_p·√(SE_i² + τ²), z_p = 1.959964
/// (95%) and 3.090232 (99.8%). A value exactly on a limit is `within` (outside means strictly beyond).
public struct Funnel: Sendable, Hashable {
    public enum Class: String, Sendable, Hashable, Codable {
        case above998 = "above-99.8", above95 = "above-95", within, below95 = "below-95", below998 = "below-99.8"
    }

    public var target: Double
    public var phi: Double
    public var tau2: Double
    /// Per council (input order): z, class, the 95% and 99.8% limits.
    public var points: [Point]

    public struct Point: Sendable, Hashable {
        public var z: Double
        public var `class`: Class
        public var lower95, upper95, lower998, upper998: Double
    }

    /// nil without councils or when any SE is not positive.
    public init?(values: [Double], standardErrors: [Double], target: Double) {
        let count = values.count
        guard count > 0, standardErrors.count == count, standardErrors.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        self.target = target
        let z = zip(values, standardErrors).map { ($0 - target) / $1 }
        let sorted = z.sorted()
        let lo = Quartiles.quantile(sorted, 0.1)!, hi = Quartiles.quantile(sorted, 0.9)!
        let winsorised = z.map { min(max($0, lo), hi) }
        let i = Double(count)
        phi = winsorised.reduce(0) { $0 + $1 * $1 } / i
        let w = standardErrors.map { 1 / ($0 * $0) }
        let sw = w.reduce(0, +), sw2 = w.reduce(0) { $0 + $1 * $1 }
        let denominator = sw - sw2 / sw
        tau2 = denominator > 0 ? max(0, (i * phi - (i - 1)) / denominator) : 0
        let tau2 = self.tau2
        points = zip(values, standardErrors).enumerated().map { index, pair in
            let (y, se) = pair
            let s = (se * se + tau2).squareRoot()
            let l95 = target - BenchmarkComparison.z95 * s, u95 = target + BenchmarkComparison.z95 * s
            let l998 = target - BenchmarkComparison.z998 * s, u998 = target + BenchmarkComparison.z998 * s
            let cls: Class = y > u998 ? .above998 : y > u95 ? .above95 : y < l998 ? .below998 : y < l95 ? .below95 : .within
            return Point(z: z[index], class: cls, lower95: l95, upper95: u95, lower998: l998, upper998: u998)
        }
    }
}
