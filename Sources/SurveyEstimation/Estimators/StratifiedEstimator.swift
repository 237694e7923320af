/// The stratified estimator of a mean or proportion under stratified simple random sampling
/// without replacement (statistics.md §1–2; verified against the official workbook, the
/// published pipeline and R `survey`).
///
/// Over the group's cells h with n_h ≥ 1 valid values:
///
///     θ̂ = Σ_h N_h ȳ_h / Σ_h N_h
///     V(θ̂) = Σ_h N_h² (1 − n_h/N_h) s_h² / n_h / (Σ_h N_h)²,   s_h² = Σ(y − ȳ_h)²/(n_h − 1)
///
/// which is `svymean` on `svydesign(ids=~1, strata=~cell, fpc=~N_h, weights=~N_h/n_h)`.
/// Census cells (n_h = N_h) contribute zero. Single-respondent cells follow `SingleRespondentPolicy`.
///
/// Design effect (as R's `svymean(..., deff=TRUE)`): `V / V_srs` with
/// `V_srs = (1 − n/N) S²/n`, `S² = n/(n−1) · Σ_i w_i (y_i − θ̂)² / Σ_i w_i`, w_i = N_h/n_h,
/// n = Σ n_h, N = Σ N_h.
public enum StratifiedEstimator {
    /// Estimates over `cells` (indices into `stats` and `populations`). Returns nil when no cell
    /// has a valid value. Cells without a population are skipped when `missingPopulationIsError`
    /// is false (finer population sets that do not cover every stratum), and otherwise reported
    /// in `issues` together with non-positive populations and populations below the respondents.
    public static func estimate(cells: [Int], stats: [CellStats], populations: [Double?], policy: SingleRespondentPolicy,
                                missingPopulationIsError: Bool, describe: (Int) -> (council: String, stratum: Int),
                                populationSet: String, item: String,
                                issues: inout [DesignIssue]) throws(EstimationError) -> Estimate? {
        var used: [(h: Int, N: Double, s: CellStats)] = []
        used.reserveCapacity(cells.count)
        var withoutPopulation = 0
        for h in cells {
            let s = stats[h]
            guard s.n > 0 else { continue }
            guard let N = populations[h] else {
                if missingPopulationIsError {
                    let d = describe(h)
                    issues.append(DesignIssue(council: d.council, stratum: d.stratum, populationSet: populationSet,
                                              reason: "no eligible population for a cell with \(s.n) respondents"))
                }
                withoutPopulation += s.n
                continue
            }
            if N <= 0 || Double(s.n) > N {
                let d = describe(h)
                let reason = N <= 0 ? "eligible population is \(format(N)) but the cell has \(s.n) respondents"
                                    : "eligible population \(format(N)) is below the \(s.n) respondents with a valid answer to \(item)"
                issues.append(DesignIssue(council: d.council, stratum: d.stratum, populationSet: populationSet, reason: reason))
                continue
            }
            used.append((h, N, s))
        }
        guard !used.isEmpty else { return nil }
        var totalN = 0.0
        var weightedSum = 0.0
        var respondents = 0
        var single = 0
        for u in used {
            totalN += u.N
            weightedSum += u.N * u.s.mean
            respondents += u.s.n
            if u.s.n == 1 { single += 1 }
        }
        let theta = weightedSum / totalN
        // Variance.
        var averageS2 = 0.0
        if policy == .average {
            let others = used.filter { $0.s.n > 1 }
            averageS2 = others.isEmpty ? 0 : others.reduce(0) { $0 + $1.s.sampleVariance } / Double(others.count)
        }
        var numerator = 0.0
        for u in used {
            let n = Double(u.s.n)
            var s2 = u.s.sampleVariance
            if u.s.n == 1 {
                switch policy {
                case .certainty: s2 = 0
                case .fail:
                    if u.N > 1 {
                        let d = describe(u.h)
                        throw .singleRespondentCell(council: d.council, stratum: d.stratum, item: item)
                    }
                case .average: s2 = averageS2
                }
            }
            let fpc = 1 - n / u.N
            numerator += u.N * u.N * fpc * s2 / n
        }
        let variance = max(numerator, 0) / (totalN * totalN)
        // Design effect.
        var weightedSS = 0.0
        for u in used {
            let w = DesignWeight.weight(population: u.N, respondents: u.s.n) ?? 0
            let d = u.s.mean - theta
            weightedSS += w * (u.s.sumSquares + Double(u.s.n) * d * d)
        }
        var deff: Double?
        let n = Double(respondents)
        if respondents > 1 {
            let s2 = n / (n - 1) * weightedSS / totalN
            let vsrs = (1 - n / totalN) * s2 / n
            if vsrs > 0 { deff = variance / vsrs }
        }
        var estimate = Estimate(estimate: theta, standardError: variance.squareRoot(), respondents: respondents, population: totalN,
                                cells: used.count, singleRespondentCells: single, designEffect: deff)
        estimate.respondentsWithoutPopulation = withoutPopulation
        return estimate
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
