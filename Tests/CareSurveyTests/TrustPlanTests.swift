import Foundation
import Testing
@testable import SurveyEstimation

/// Issue 18, item 8: `plan` says when the population and response rate cannot reach the margin.
@Suite struct TrustPlanTests {
    /// `plan --population 1000 --response-rate 0.2` used to say "send 1000" without saying that
    /// 278 completes cannot come from 1000 questionnaires at 20%.
    @Test func anUnreachableMarginIsSaidWithTheMarginReached() {
        let plan = SampleSizePlanner.completes(population: 1000, margin: 0.05, responseRate: 0.2)
        #expect(plan.completesRequired == 278)
        #expect(!plan.reachable)
        #expect(plan.expectedReturns == 200)
        // e = z √(p(1−p)/n · (N − n)/(N − 1)), computed directly.
        let e = 1.96 * (0.25 / 200 * 800 / 999).squareRoot()
        #expect(abs((plan.marginReached ?? 0) - e) < 1e-12)
        #expect(abs(e - 0.0620) < 5e-4)
    }

    @Test func aReachableMarginHasNoCaveat() {
        let plan = SampleSizePlanner.completes(population: 1000, margin: 0.05, responseRate: 0.5)
        #expect(plan.reachable && plan.toSend == 556 && plan.marginReached == nil)
        let census = SampleSizePlanner.completes(population: 1000, margin: 0.05, responseRate: 0.3)
        #expect(census.reachable && census.toSend == 927)
    }
}
