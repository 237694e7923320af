import Testing
import SurveyModel
import SurveyEstimation
@testable import SurveyBenchmark

/// `DirectionOfTravel.changes` tests pairs by index; these check it against the straightforward
/// version that runs every pair through `ChangeTest.compare` (what it did before), field for field,
/// on random runs of series: gaps, missing SEs, intervals only, breaks, excluded years, small bases,
/// every adjustment.
@Suite("Trend: direction of travel equals ChangeTest.compare")
struct DirectionOfTravelEquivalenceTests {
    /// SplitMix64, so a failing run can be replayed from its seed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The pairs through `ChangeTest.compare`, one text key per pair (the former implementation).
    static func reference(_ series: [DirectionOfTravel.Input], options: ChangeTest.Options) -> [[YearChange]] {
        var before: [ComparisonInput] = [], after: [ComparisonInput] = []
        var polarity: [Measure.Polarity] = [], comparable: [Bool] = []
        var slots: [[YearChange?]] = []
        var where_: [(series: Int, pair: Int)] = []
        for (s, input) in series.enumerated() {
            let valued = input.points.filter { $0.estimate?.isFinite == true }
            var row: [YearChange?] = []
            for i in valued.indices.dropFirst() {
                let a = valued[i - 1], b = valued[i]
                let isComparable = !input.breaks.contains { $0.separates(a.year, b.year) } && a.excluded == nil && b.excluded == nil
                guard let seA = a.testStandardError, let seB = b.testStandardError else {
                    row.append(YearChange(from: a.year, to: b.year, difference: b.estimate! - a.estimate!, standardError: nil,
                                          pValue: nil, pHolm: nil, pBH: nil, significant: false, direction: .notCompared,
                                          comparable: isComparable, suppressed: false))
                    continue
                }
                let key = String(before.count)
                before.append(ComparisonInput(measure: key, group: .england, estimate: a.estimate!, standardError: seA,
                                              surveyYear: a.year, respondents: a.respondents))
                after.append(ComparisonInput(measure: key, group: .england, estimate: b.estimate!, standardError: seB,
                                             surveyYear: b.year, respondents: b.respondents))
                polarity.append(input.polarity)
                comparable.append(isComparable)
                where_.append((s, row.count))
                row.append(nil)
            }
            slots.append(row)
        }
        let tested = ChangeTest.compare(before: before, after: after, options: options,
                                        polarity: { polarity[Int($0)!] }, comparable: { key, _, _ in comparable[Int(key)!] })
        for c in tested {
            let direction: YearChange.Direction
            switch c.direction {
            case .improved: direction = .improved
            case .declined: direction = .declined
            case .noSignificantChange: direction = .noSignificantChange
            }
            let (s, p) = where_[Int(c.measure)!]
            slots[s][p] = YearChange(from: c.before.surveyYear ?? "", to: c.after.surveyYear ?? "", difference: c.difference,
                                     standardError: c.standardError, pValue: c.pValue, pHolm: c.pHolm, pBH: c.pBH,
                                     significant: c.significant, direction: direction, comparable: c.comparable,
                                     suppressed: c.suppressed)
        }
        return slots.map { $0.compactMap { $0 } }
    }

    static let years = (14..<24).map { "20\($0)-\($0 + 1)" }

    static func randomRun(_ rng: inout Seeded) -> [DirectionOfTravel.Input] {
        (0..<Int.random(in: 1...40, using: &rng)).map { _ in
            var points: [TrendPoint] = []
            for year in years where Int.random(in: 0..<10, using: &rng) > 0 {
                let kind = Int.random(in: 0..<12, using: &rng)
                // Round values so ties (equal p-values, zero differences) occur too.
                let estimate = kind == 0 ? nil : (kind == 1 ? .nan : Double(Int.random(in: 40...60, using: &rng)) / 100)
                var p = TrendPoint(year: year, estimate: estimate, marker: estimate == nil ? "[x]" : nil)
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: break
                case 1: if let e = estimate { p.lower = e - 0.03; p.upper = e + 0.03 }
                case 2: p.standardError = 0
                default: p.standardError = Double(Int.random(in: 1...30, using: &rng)) / 1000
                }
                if Bool.random(using: &rng) { p.respondents = Int.random(in: 0...8, using: &rng) }
                if Int.random(in: 0..<15, using: &rng) == 0 { p.excluded = "single-year break" }
                points.append(p)
            }
            var breaks: [TrendBreak] = []
            if Int.random(in: 0..<3, using: &rng) == 0, let after = years.randomElement(using: &rng) {
                breaks.append(TrendBreak(before: "", after: after, reason: "definition changed"))
            }
            return DirectionOfTravel.Input(points: points, breaks: breaks,
                                           polarity: Bool.random(using: &rng) ? .higherIsBetter : .lowerIsBetter)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func sameChangesAsChangeTestCompare(seed: UInt64) {
        var rng = Seeded(state: seed)
        for _ in 0..<25 {
            let run = Self.randomRun(&rng)
            for adjust in Comparison.Adjustment.allCases {
                var options = ChangeTest.Options()
                options.adjust = adjust
                options.suppressBelow = [0, 3, 5].randomElement(using: &rng)!
                options.alpha = [0.05, 0.2].randomElement(using: &rng)!
                let fast = DirectionOfTravel.changes(run, options: options)
                let slow = Self.reference(run, options: options)
                #expect(fast.count == slow.count)
                for (f, s) in zip(fast, slow) {
                    #expect(f.count == s.count)
                    for (a, b) in zip(f, s) {
                        // Bit for bit: the output writes these numbers.
                        #expect(a.from == b.from && a.to == b.to && a.direction == b.direction)
                        #expect(a.significant == b.significant && a.comparable == b.comparable && a.suppressed == b.suppressed)
                        #expect(a.difference.bitPattern == b.difference.bitPattern)
                        #expect(a.standardError?.bitPattern == b.standardError?.bitPattern)
                        #expect(a.pValue?.bitPattern == b.pValue?.bitPattern)
                        #expect(a.pHolm?.bitPattern == b.pHolm?.bitPattern)
                        #expect(a.pBH?.bitPattern == b.pBH?.bitPattern)
                    }
                }
            }
        }
    }
}
