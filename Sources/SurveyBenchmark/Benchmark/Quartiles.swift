/// Quartile cut points and bins, the public-health profiles' rule (benchmarking.md §3).
public enum Quartiles {
    /// The f-quantile of `values`: sort ascending, position h = (n − 1)f + 1 (1-based), linear
    /// interpolation between the neighbouring order statistics — R `quantile(type = 7)`, numpy's default.
    public static func quantile(_ sorted: [Double], _ f: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * f
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// The cut points at f = 0.25, 0.5, 0.75 (nil for no values).
    public static func cutPoints(_ values: [Double]) -> [Double]? {
        let sorted = values.sorted()
        guard let q1 = quantile(sorted, 0.25), let q2 = quantile(sorted, 0.5), let q3 = quantile(sorted, 0.75) else { return nil }
        return [q1, q2, q3]
    }

    /// The ascending bin (1…4): the first bin whose upper bound is ≥ the value, so a value exactly
    /// on a cut point goes to the lower bin, whatever the polarity.
    public static func bin(_ value: Double, cutPoints: [Double]) -> Int {
        for (i, cut) in cutPoints.enumerated() where value <= cut { return i + 1 }
        return cutPoints.count + 1
    }

    /// The quartile label: 1 = best by polarity (for higher-is-better the top bin is quartile 1).
    public static func quartile(_ value: Double, cutPoints: [Double], higherIsBetter: Bool) -> Int {
        let b = bin(value, cutPoints: cutPoints)
        return higherIsBetter ? 5 - b : b
    }

    /// The cut point a council in `quartile` must pass to reach quartile `target` (< `quartile`),
    /// and the gap to it in the measure's unit (≥ 0). Higher-is-better: the value must rise above
    /// the upper bound of the bin below the target's; lower-is-better: fall to the target bin's
    /// upper bound. nil when already in or above the target.
    public static func distance(from value: Double, quartile: Int, to target: Int, cutPoints: [Double],
                                higherIsBetter: Bool) -> (cutPoint: Double, gap: Double)? {
        guard target >= 1, target < quartile, cutPoints.count == 3 else { return nil }
        if higherIsBetter {
            // Quartile q is ascending bin 5 − q; to be in bin 5 − target the value must exceed cut[4 − target − 1].
            let cut = cutPoints[3 - target]
            return (cut, max(0, cut - value))
        } else {
            // Quartile q is bin q; bin `target` has upper bound cut[target − 1].
            let cut = cutPoints[target - 1]
            return (cut, max(0, value - cut))
        }
    }
}
