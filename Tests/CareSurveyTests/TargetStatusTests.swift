import Testing
import SurveyModel
@testable import SurveyBenchmark

/// RAG against targets (benchmarking.md §6): boundaries for both polarities and the "clear" flag.
@Suite("Targets: RAG status")
struct TargetStatusTests {
    func rag(_ estimate: Double, _ target: Double, amber: Double?, _ polarity: Measure.Polarity,
             lower: Double? = nil, upper: Double? = nil) -> TargetStatus {
        TargetStatus.evaluate(estimate: estimate, lower: lower, upper: upper,
                              target: Target(measure: "X", value: target, amber: amber), polarity: polarity)
    }

    @Test func higherIsBetterBoundaries() {
        #expect(rag(0.80, 0.80, amber: 0.05, .higherIsBetter).rag == .green)       // exactly on target
        #expect(rag(0.81, 0.80, amber: 0.05, .higherIsBetter).rag == .green)
        #expect(rag(0.75, 0.80, amber: 0.05, .higherIsBetter).rag == .amber)       // exactly on the amber edge
        #expect(rag(0.7999, 0.80, amber: 0.05, .higherIsBetter).rag == .amber)
        #expect(rag(0.7499, 0.80, amber: 0.05, .higherIsBetter).rag == .red)
        #expect(rag(0.7999, 0.80, amber: nil, .higherIsBetter).rag == .red)       // no band: short is red
        #expect(rag(19.1, 19.1, amber: 0.3, .higherIsBetter).rag == .green)
        #expect(rag(18.8, 19.1, amber: 0.3, .higherIsBetter).rag == .amber)
        #expect(rag(18.79, 19.1, amber: 0.3, .higherIsBetter).rag == .red)
    }

    @Test func lowerIsBetterBoundaries() {
        #expect(rag(550, 550, amber: 25, .lowerIsBetter).rag == .green)            // exactly on target
        #expect(rag(549, 550, amber: 25, .lowerIsBetter).rag == .green)
        #expect(rag(575, 550, amber: 25, .lowerIsBetter).rag == .amber)            // exactly on the amber edge
        #expect(rag(550.01, 550, amber: 25, .lowerIsBetter).rag == .amber)
        #expect(rag(575.01, 550, amber: 25, .lowerIsBetter).rag == .red)
        #expect(rag(0.15, 0.12, amber: 0.03, .lowerIsBetter).rag == .amber)        // 0.12 + 0.03 in floating point
        #expect(rag(0.1501, 0.12, amber: 0.03, .lowerIsBetter).rag == .red)
        #expect(rag(0.13, 0.12, amber: nil, .lowerIsBetter).rag == .red)
    }

    @Test func shortfallSignAndClear() {
        let behind = rag(0.70, 0.80, amber: 0.05, .higherIsBetter, lower: 0.66, upper: 0.74)
        #expect(behind.rag == .red)
        #expect(abs(behind.shortfall - 0.10) < 1e-12)
        #expect(behind.clear == true)                                                // 0.80 above the interval
        let within = rag(0.70, 0.80, amber: 0.05, .higherIsBetter, lower: 0.62, upper: 0.81)
        #expect(within.rag == .red)
        #expect(within.clear == false)                                               // a RED within the margin of error
        let ahead = rag(540, 550, amber: nil, .lowerIsBetter, lower: 520, upper: 560)
        #expect(ahead.rag == .green)
        #expect(ahead.shortfall == -10)
        #expect(ahead.clear == false)
        #expect(rag(0.7, 0.8, amber: nil, .higherIsBetter).clear == nil)            // no interval: not known
        let onEdge = rag(0.70, 0.74, amber: nil, .higherIsBetter, lower: 0.66, upper: 0.74)
        #expect(onEdge.clear == false)                                               // on the interval's edge is inside
    }
}
