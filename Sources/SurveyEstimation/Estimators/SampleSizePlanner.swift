/// The sample-size planner of ascs.md §1 (verified by recomputation): completed questionnaires
/// needed for a margin of error `e` at worst case p = 0.5 with the finite population correction,
///
///     n = N z² p(1−p) / ((N − 1) e² + z² p(1−p))
///
/// and the margin reached by n returns, `e = z √(p(1−p)/n · (N − n)/(N − 1))`.
/// z = 1.96 at 95% (the published convention), Φ⁻¹(1 − α/2) otherwise.
public enum SampleSizePlanner {
    public struct Plan: Sendable, Equatable {
        public var population: Int
        public var completesRequired: Int?
        public var toSend: Int?
        public var margin: Double
        public var returns: Int?
        /// Whether the mailing can reach `completesRequired` at the response rate (false when even
        /// sending to everyone gives too few completes).
        public var reachable: Bool = true
        /// When not reachable: the returns expected from sending to all N (⌊N × rate⌋), and the
        /// margin of error they reach.
        public var expectedReturns: Int?
        public var marginReached: Double?
    }

    static func z(_ level: Double) -> Double { CriticalValue.z(level: level) }

    /// Completes for a margin, and questionnaires to send at a response rate. When even sending
    /// to the whole population cannot give enough completes (`completes / rate > N`) the plan is
    /// not `reachable` and says what sending to all N gives: ⌊N·rate⌋ returns and their margin.
    public static func completes(population N: Int, margin e: Double, level: Double = 0.95, responseRate: Double? = nil) -> Plan {
        let z = z(level)
        let pq = 0.25
        let n = Double(N) * z * z * pq / (Double(N - 1) * e * e + z * z * pq)
        // At a level so close to 1 that z is infinite, n tends to N (a census).
        let completes = n.isFinite ? Int((n - 1e-9).rounded(.up)) : N
        // Clamped in floating point first: a tiny rate must not overflow the conversion to Int.
        let send = responseRate.map { rate -> Int in
            let needed = (Double(completes) / rate).rounded(.up)
            return needed.isFinite && needed < Double(N) ? Int(needed) : N
        }
        var plan = Plan(population: N, completesRequired: min(completes, N), toSend: send, margin: e, returns: nil)
        if let rate = responseRate, !((Double(completes) / rate).rounded(.up) <= Double(N)) {
            // Everyone is sent a questionnaire and still too few are expected back.
            let expected = max(1, min(N, Int((Double(N) * rate + 1e-9).rounded(.down))))
            plan.reachable = false
            plan.expectedReturns = expected
            plan.marginReached = margin(population: N, returns: expected, level: level).margin
        }
        return plan
    }

    /// The margin of error reached by `returns` completed questionnaires.
    public static func margin(population N: Int, returns n: Int, level: Double = 0.95) -> Plan {
        let z = z(level)
        let fpc = N > 1 ? Double(N - n) / Double(N - 1) : 0
        let e = z * (0.25 / Double(n) * max(fpc, 0)).squareRoot()
        return Plan(population: N, completesRequired: nil, toSend: nil, margin: e, returns: n)
    }
}
