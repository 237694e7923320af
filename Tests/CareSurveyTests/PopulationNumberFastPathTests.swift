import Testing
@testable import SurveyFiles
import SurveyBenchmark

/// `PopulationNumber.parse` reads plain digits without the general path: both must give the same
/// value or the same refusal for every text, plain digits or not.
@Suite struct PopulationNumberFastPathTests {
    static let texts = ["0", "7", "100", "000123", "999999999999999", "9999999999999999", "12345678901234567890",
                        "", " ", "1 ", " 1", "1,387", "1.5", "1.", "-5", "+5", "1e3", "١٢", "１２", "12a", "0x10", "\u{A0}12"]

    @Test(arguments: texts)
    func agreesWithTheGeneralPath(text: String) {
        #expect(PopulationNumber.parse(text) == PopulationNumber.parseInGeneral(text))
    }

    @Test func randomDigitStringsAgree() {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<2000 {
            let length = Int.random(in: 1...17, using: &rng)
            let text = String((0..<length).map { _ in "0123456789".randomElement(using: &rng)! })
            #expect(PopulationNumber.parse(text) == PopulationNumber.parseInGeneral(text), "\(text)")
        }
    }
}
