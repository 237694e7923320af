/// Domain (subpopulation) estimation — statistics.md §4.
///
/// **Published method** (default; the statistics team's pipeline): each cell h is split by the
/// domain d with an estimated population `N̂_dh = N_h · r_dh / r_h` (r = respondents in the cell,
/// any item), and (d, h) is treated as a cell of the stratified estimator (§1–2) with its n_dhk.
///
/// **Design-based** (`--domains design`): the domain mean as a ratio over the full item design,
/// `θ̂_d = Σ w_i y_i I_d(i) / Σ w_i I_d(i)` with w_i = N_h/n_hk, and its linearisation variance
/// `V = Σ_h N_h² (1 − n_h/N_h) s²_{z,h} / n_h` for `z_i = I_d(i)(y_i − θ̂_d) / Σ w I_d`, where
/// s²_{z,h} runs over every valid value in the cell (zeros outside the domain). This equals R
/// `svyby(~y, ~d, design, svymean)` on `svydesign(ids=~1, strata=~cell, fpc=~N_h, weights=~N_h/n_h)`.
public enum DomainEstimator {
    /// Design-based domain estimate over `cells`. `domainOfRow[row]` is the row's domain index (or -1).
    public static func designBased(values: [Double], cellOfRow: [Int32], domainOfRow: [Int32], domain: Int32, cells: [Int],
                                   populations: [Double?], cellCount: Int) -> Estimate? {
        let inGroup = cellMask(cells, cellCount)
        var n = [Int](repeating: 0, count: cellCount)
        var nd = [Int](repeating: 0, count: cellCount)
        var sumY = [Double](repeating: 0, count: cellCount)
        for row in 0..<values.count {
            let h = Int(cellOfRow[row])
            let y = values[row]
            guard h >= 0, inGroup[h], !y.isNaN, populations[h] != nil else { continue }
            n[h] += 1
            if domainOfRow[row] == domain {
                nd[h] += 1
                sumY[h] += y
            }
        }
        // Weighted totals.
        var wd = 0.0
        var wy = 0.0
        var respondents = 0
        var usedCells = 0
        var population = 0.0
        var single = 0
        for h in cells where n[h] > 0 {
            let w = DesignWeight.weight(population: populations[h], respondents: n[h]) ?? 0
            wd += w * Double(nd[h])
            wy += w * sumY[h]
            respondents += nd[h]
            if nd[h] > 0 {
                usedCells += 1
                population += populations[h]! * Double(nd[h]) / Double(n[h])
                if nd[h] == 1 { single += 1 }
            }
        }
        guard wd > 0 else { return nil }
        let theta = wy / wd
        // z by cell: mean and sum of squares over all n_h values (zeros outside the domain).
        var sumZ = [Double](repeating: 0, count: cellCount)
        for row in 0..<values.count {
            let h = Int(cellOfRow[row])
            let y = values[row]
            guard h >= 0, inGroup[h], !y.isNaN, populations[h] != nil, domainOfRow[row] == domain else { continue }
            sumZ[h] += (y - theta) / wd
        }
        var ssZ = [Double](repeating: 0, count: cellCount)
        for row in 0..<values.count {
            let h = Int(cellOfRow[row])
            let y = values[row]
            guard h >= 0, inGroup[h], !y.isNaN, populations[h] != nil else { continue }
            let z = domainOfRow[row] == domain ? (y - theta) / wd : 0
            let d = z - sumZ[h] / Double(n[h])
            ssZ[h] += d * d
        }
        var variance = 0.0
        for h in cells where n[h] > 1 {
            let N = populations[h]!
            let nh = Double(n[h])
            variance += N * N * (1 - nh / N) * (ssZ[h] / (nh - 1)) / nh
        }
        return Estimate(estimate: theta, standardError: max(variance, 0).squareRoot(), respondents: respondents, population: population,
                        cells: usedCells, singleRespondentCells: single, designEffect: nil)
    }

    /// Published-method populations: `N̂_dh = N_h · r_dh / r_h` for every cell, for one domain.
    public static func publishedPopulations(populations: [Double?], respondentsPerCell: [Int], domainRespondentsPerCell: [Int]) -> [Double?] {
        populations.indices.map { h in
            guard let N = populations[h], respondentsPerCell[h] > 0 else { return nil }
            return N * Double(domainRespondentsPerCell[h]) / Double(respondentsPerCell[h])
        }
    }

    static func cellMask(_ cells: [Int], _ count: Int) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for h in cells { mask[h] = true }
        return mask
    }
}
