/// The one source of critical values and two-sided p-values in the toolkit. Every interval, margin,
/// change interval, planner and text that speaks of a level takes its multiplier from here.
///
/// - `z(level:)`: the two-sided normal quantile `z = Φ⁻¹(1 − α/2)`, `α = 1 − level`, except exactly
///   `1.96` at level 0.95 — the published convention for the "margin of error" (`Φ⁻¹(0.975) =
///   1.959964…`). Used by the Wald interval, year-on-year change intervals and the planner.
/// - `exactZ(level:)`: `Φ⁻¹(1 − α/2)` without the convention (Wilson's score interval).
/// - `t(level:degreesOfFreedom:)`: `t_{df, 1 − α/2}` (R `qt(1 - α/2, df)`).
/// - `twoSidedP(z:)`: `p = 2·Φ(−|z|)` from the normal survival function, which keeps its relative
///   accuracy in the far tail where `2(1 − Φ(|z|))` would round to 0.
public enum CriticalValue {
    /// The published 95% multiplier: published margins of error are `1.96 × SE`.
    public static let published95 = 1.96

    public static func z(level: Double) -> Double {
        level == 0.95 ? published95 : exactZ(level: level)
    }

    public static func exactZ(level: Double) -> Double {
        Normal.quantile(1 - (1 - level) / 2)
    }

    public static func t(level: Double, degreesOfFreedom df: Double) -> Double {
        StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: df)
    }

    public static func twoSidedP(z: Double) -> Double {
        if z.isNaN { return 1 }
        return min(1, 2 * Normal.survival(abs(z)))
    }
}
