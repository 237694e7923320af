import Foundation
import Testing
@testable import SurveyEstimation

/// Interval conventions at the boundaries, fallbacks and input validation. Reference numbers from
/// scipy (`stats.beta.ppf`, `stats.t.ppf`, `stats.norm.ppf`).
@Suite("Intervals: conventions and edge cases")
struct IntervalEdgeCaseTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        b == 0 ? abs(a) <= tolerance : abs(a - b) <= tolerance * abs(b)
    }

    static func proportion(_ p: Double, se: Double, n: Int, df: Double) -> IntervalInputs {
        IntervalInputs(estimate: p, standardError: se, respondents: n, degreesOfFreedom: df, isProportion: true)
    }

    @Test func methodNamesAndCoding() throws {
        #expect(IntervalMethod.allCases.map(\.rawValue) == ["wald", "wald-t", "wilson", "logit", "korn-graubard"])
        let data = try JSONEncoder().encode([IntervalMethod.kornGraubard, .waldT])
        #expect(String(decoding: data, as: UTF8.self) == #"["korn-graubard","wald-t"]"#)
        #expect(try JSONDecoder().decode(IntervalMethod.self, from: Data(#""logit""#.utf8)) == .logit)
        #expect(IntervalMethod.allCases.filter(\.appliesToMeans) == [.wald, .waldT])
    }

    @Test func kornGraubardIsClopperPearsonWithoutDesignEffect() throws {
        // 7 of 20, SE² = p(1−p)/n, df = n − 1 → Clopper–Pearson: qbeta(.025, 7, 14), qbeta(.975, 8, 13).
        let p = 7.0 / 20
        let inputs = Self.proportion(p, se: (p * (1 - p) / 20).squareRoot(), n: 20, df: 19)
        let interval = try IntervalMethod.kornGraubard.interval(for: inputs)
        #expect(Self.close(interval.lower, 0.15390920478454118))
        #expect(Self.close(interval.upper, 0.5921885345328282))
    }

    @Test func zeroEstimate() throws {
        // p̂ = 0: n_eff = n = 50, n* = 50·(t₄₉/t₄₆)² = 49.83518155392947; upper = 1 − 0.025^(1/n*).
        let inputs = Self.proportion(0, se: 0, n: 50, df: 46)
        let kg = try IntervalMethod.kornGraubard.interval(for: inputs)
        #expect(kg.lower == 0)
        #expect(Self.close(kg.upper, 0.07134835740931023))
        #expect(kg.note != nil)

        let logit = try IntervalMethod.logit.interval(for: inputs)
        #expect(logit.method == .kornGraubard)
        #expect(logit.requestedMethod == .logit)
        #expect(logit.lower == kg.lower && logit.upper == kg.upper)
        #expect(logit.note?.contains("logit") == true)

        let wilson = try IntervalMethod.wilson.interval(for: inputs)
        #expect(wilson.lower == 0)
        #expect(Self.close(wilson.upper, 0.07134759913335871))      // z²/(n + z²)

        let wald = try IntervalMethod.wald.interval(for: inputs)
        #expect(wald.lower == 0 && wald.upper == 0)
        let waldT = try IntervalMethod.waldT.interval(for: inputs)
        #expect(waldT.lower == 0 && waldT.upper == 0)
    }

    @Test func unitEstimate() throws {
        let inputs = Self.proportion(1, se: 0, n: 50, df: 46)
        let kg = try IntervalMethod.kornGraubard.interval(for: inputs)
        #expect(Self.close(kg.lower, 0.9286516425906898))            // 0.025^(1/n*)
        #expect(kg.upper == 1)
        let logit = try IntervalMethod.logit.interval(for: inputs)
        #expect(logit.method == .kornGraubard && logit.lower == kg.lower && logit.upper == 1)
        let wilson = try IntervalMethod.wilson.interval(for: inputs)
        #expect(Self.close(wilson.lower, 1 - 0.07134759913335871))
        #expect(wilson.upper == 1)
    }

    @Test(arguments: IntervalMethod.allCases)
    func zeroStandardErrorCollapses(method: IntervalMethod) throws {
        let interval = try method.interval(for: Self.proportion(0.4, se: 0, n: 30, df: 27))
        #expect(interval.lower == 0.4 && interval.upper == 0.4)
        #expect(interval.method == method)
    }

    @Test func meansFallBackToWald() throws {
        let mean = IntervalInputs(estimate: 17.3, standardError: 0.37, respondents: 124,
                                  degreesOfFreedom: 120, isProportion: false)
        for method in [IntervalMethod.wilson, .logit, .kornGraubard] {
            let interval = try method.interval(for: mean)
            #expect(interval.method == .wald)
            #expect(interval.requestedMethod == method)
            #expect(interval.note != nil)
            #expect(interval.lower == 17.3 - 1.96 * 0.37 && interval.upper == 17.3 + 1.96 * 0.37)
            #expect(!interval.extendsOutsideUnitRange)
        }
        let t = try IntervalMethod.waldT.interval(for: mean)
        #expect(t.method == .waldT && t.note == nil)
        #expect(Self.close(t.upper - 17.3, StudentT.quantile(0.975, degreesOfFreedom: 120) * 0.37))
    }

    @Test func waldUsesLiteral196OnlyAtNinetyFivePercent() throws {
        let inputs = Self.proportion(0.6, se: 0.05, n: 100, df: 96)
        let at95 = try IntervalMethod.wald.interval(for: inputs)
        #expect(at95.lower == 0.6 - 1.96 * 0.05 && at95.upper == 0.6 + 1.96 * 0.05)
        let at90 = try IntervalMethod.wald.interval(for: inputs, level: 0.9)
        #expect(Self.close(at90.upper - 0.6, 1.6448536269514722 * 0.05, 1e-14))
        #expect(at90.level == 0.9)
    }

    @Test func waldIsNotClampedButFlagged() throws {
        let interval = try IntervalMethod.wald.interval(for: Self.proportion(0.02, se: 0.02, n: 40, df: 36))
        #expect(interval.lower == 0.02 - 1.96 * 0.02)
        #expect(interval.lower < 0)
        #expect(interval.extendsOutsideUnitRange)
        #expect(interval.note != nil)
        let inside = try IntervalMethod.kornGraubard.interval(for: Self.proportion(0.02, se: 0.02, n: 40, df: 36))
        #expect(inside.lower >= 0 && !inside.extendsOutsideUnitRange && inside.note == nil)
    }

    @Test func invalidInputsThrow() {
        let ok = Self.proportion(0.5, se: 0.05, n: 100, df: 96)
        #expect(throws: IntervalError.invalidLevel(1)) { try IntervalMethod.wald.interval(for: ok, level: 1) }
        #expect(throws: IntervalError.invalidStandardError(-1)) {
            try IntervalMethod.wald.interval(for: Self.proportion(0.5, se: -1, n: 100, df: 96))
        }
        #expect(throws: IntervalError.invalidEstimate(1.2)) {
            try IntervalMethod.wilson.interval(for: Self.proportion(1.2, se: 0.1, n: 100, df: 96))
        }
        #expect(throws: IntervalError.insufficientDegreesOfFreedom(0)) {
            try IntervalMethod.waldT.interval(for: Self.proportion(0.5, se: 0.1, n: 4, df: 0))
        }
        #expect(throws: IntervalError.insufficientRespondents(1)) {
            try IntervalMethod.kornGraubard.interval(for: Self.proportion(0.5, se: 0.1, n: 1, df: 1))
        }
        // Wald and Wilson need no degrees of freedom.
        #expect(throws: Never.self) { try IntervalMethod.wald.interval(for: Self.proportion(0.5, se: 0.1, n: 4, df: 0)) }
        #expect(throws: Never.self) { try IntervalMethod.wilson.interval(for: Self.proportion(0.5, se: 0.1, n: 4, df: 0)) }
    }

    @Test func intervalsContainTheEstimateAndNarrowWithLevel() throws {
        let inputs = Self.proportion(0.83, se: 0.031, n: 210, df: 206)
        for method in IntervalMethod.allCases {
            let i95 = try method.interval(for: inputs)
            let i80 = try method.interval(for: inputs, level: 0.8)
            #expect(i95.lower < 0.83 && 0.83 < i95.upper, "\(method)")
            #expect(i95.lower < i80.lower && i80.upper < i95.upper, "\(method)")
        }
    }
}
