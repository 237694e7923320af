import SurveyEstimation

/// The design-based difference between a council and England (or its region) when CareSurvey
/// computed both from returns (benchmarking.md §3). The council is part of England: with N_c the
/// council's population (cells with valid answers) and N England's, Ê = f·ĉ + (1 − f)·ô with
/// f = N_c/N and ô the rest of England, so Cov(ĉ, Ê) = f·V(ĉ) and
/// `V(ĉ − Ê) = V(ĉ)(1 − 2f) + V(Ê)`. Written as (1 − f)²(V(ĉ) + V(ô)) with
/// V(ô) = (V(Ê) − f²V(ĉ))/(1 − f)² it is never negative; inputs with V(Ê) < f²V(ĉ) cannot come
/// from one design and are refused (nil). z = (ĉ − Ê)/√V, p = 2(1 − Φ(|z|)) (statistics.md §5).
/// Equals R `survey::svycontrast` of the council mean minus the England mean on the same design
/// (Tests/Fixtures/benchmark/design-difference.R).
public struct DesignDifference: Sendable, Hashable {
    public var difference: Double
    public var variance: Double
    public var z: Double?
    public var pValue: Double

    public init?(council: Double, councilVariance vc: Double, councilPopulation nc: Double,
                 england: Double, englandVariance ve: Double, englandPopulation n: Double) {
        guard nc > 0, n >= nc, vc >= 0, ve >= 0 else { return nil }
        let f = nc / n
        let rest = ve - f * f * vc
        // Allow for rounding in the inputs.
        guard rest >= -1e-12 * max(ve, 1e-300) else { return nil }
        variance = f == 1 ? 0 : max(0, vc * (1 - 2 * f) + ve)
        difference = council - england
        if variance > 0 {
            let z = difference / variance.squareRoot()
            self.z = z
            pValue = 2 * Normal.survival(abs(z))
        } else {
            z = nil
            pValue = difference == 0 ? 1 : 0
        }
    }
}
