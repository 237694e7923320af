/// Ranks of councils' values (benchmarking.md §3).
public enum Ranking {
    /// Rank 1 = best by polarity; tied values share the average of the ranks they span
    /// (R `rank(-x, ties.method = "average")` for higher-is-better, `rank(x, …)` for lower-is-better).
    /// `values` must hold only real values: suppressed and missing ones are never ranked.
    public static func ranks(_ values: [Double], higherIsBetter: Bool) -> [Double] {
        let order = values.indices.sorted { higherIsBetter ? values[$0] > values[$1] : values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            // Positions i…j (0-based) share rank (i + 1 + j + 1) / 2.
            let shared = Double(i + j + 2) / 2
            for k in i...j { ranks[order[k]] = shared }
            i = j + 1
        }
        return ranks
    }
}
