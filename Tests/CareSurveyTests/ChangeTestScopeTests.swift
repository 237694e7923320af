// Multiple-testing adjustment only over comparisons that are published and comparable; a
// non-comparable change gets no arrow.
import Foundation
import Testing
import SurveyModel
import SurveyEstimation
import SurveyReports

@Suite("year-on-year change: the adjustment family and arrows")
struct ChangeTestScopeTests {
    static func input(_ measure: String, _ council: String, _ estimate: Double, year: String, n: Int) -> ComparisonInput {
        ComparisonInput(measure: measure, group: .council(council), estimate: estimate, standardError: 0.01, surveyYear: year, respondents: n)
    }

    /// Four comparisons with the same large change: a published one, a second published one, a
    /// suppressed one (n = 2) and one across a series break.
    static func comparisons(adjust: Comparison.Adjustment) -> [Comparison] {
        let before = [input("3A", "1", 0.50, year: "2021-22", n: 300), input("3A", "2", 0.50, year: "2021-22", n: 300),
                      input("3A", "3", 0.50, year: "2021-22", n: 2), input("4A", "1", 0.50, year: "2021-22", n: 300)]
        let after = [input("3A", "1", 0.53, year: "2022-23", n: 300), input("3A", "2", 0.55, year: "2022-23", n: 300),
                     input("3A", "3", 0.60, year: "2022-23", n: 2), input("4A", "1", 0.60, year: "2022-23", n: 300)]
        var options = ChangeTest.Options()
        options.adjust = adjust
        return ChangeTest.compare(before: before, after: after, options: options, polarity: { _ in .higherIsBetter },
                                  comparable: { measure, _, _ in measure != "4A" })
    }

    @Test("Holm and BH are taken over the published, comparable comparisons only")
    func family() throws {
        let c = Self.comparisons(adjust: .holm)
        #expect(c.count == 4)
        let family = [c[0].pValue, c[1].pValue]
        let holm = MultipleTesting.holm(family), bh = MultipleTesting.benjaminiHochberg(family)
        #expect(close(c[0].pHolm, holm[0]) && close(c[1].pHolm, holm[1]))
        #expect(close(c[0].pBH, bh[0]) && close(c[1].pBH, bh[1]))
        // Over all four, Holm would multiply the smallest p by 4, not 2.
        #expect(close(c[1].pHolm, min(1, 2 * c[1].pValue)))
        #expect(c[2].suppressed && !c[2].significant && c[2].pHolm == 1)
        #expect(!c[3].comparable && !c[3].significant && c[3].pHolm == 1 && c[3].pBH == 1)
        #expect(c[3].direction == .noSignificantChange)
    }

    @Test("a non-comparable or suppressed change gets no arrow in the text")
    func noArrow() throws {
        let c = Self.comparisons(adjust: .none)
        let text = CompareOutput.text(c, kinds: { _ in .proportion }, adjust: .none, alpha: 0.05)
        let lines = text.split(separator: "\n").filter { $0.contains("council") }
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("↑"))
        for line in [lines[2], lines[3]] {
            #expect(!line.contains("↑") && !line.contains("↓") && !line.contains("↔"), "\(line)")
        }
        #expect(lines[3].contains("not comparable"))
    }
}
