/// Adjusted p-values for many comparisons at once (measures × councils).
public enum MultipleTesting {
    /// Holm (1979) step-down: with p sorted ascending, `p̃_(i) = max_{j≤i} min(1, (m − j + 1) p_(j))`.
    /// Controls the family-wise error rate.
    public static func holm(_ p: [Double]) -> [Double] {
        let m = p.count
        let order = p.indices.sorted { p[$0] < p[$1] }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(m - rank) * p[index]))
            adjusted[index] = running
        }
        return adjusted
    }

    /// Benjamini–Hochberg (1995) step-up: with p sorted ascending,
    /// `p̃_(i) = min_{j≥i} min(1, m/j · p_(j))`. Controls the false discovery rate.
    public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let m = p.count
        let order = p.indices.sorted { p[$0] < p[$1] }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m - 1, through: 0, by: -1) {
            let index = order[rank]
            running = min(running, min(1, Double(m) / Double(rank + 1) * p[index]))
            adjusted[index] = running
        }
        return adjusted
    }
}
