import Foundation
import Testing
@testable import SurveyFiles

/// The byte-level header normalisation (a fast path) gives exactly what the definition by
/// characters gives, and it is the path the official headers take.
@Suite("XLSX reader: header normalisation")
struct XLSXHeaderNormaliseTests {
    @Test func officialHeadersTakeTheFastPathWithTheSameResult() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.blank)
        let grid = try workbook.readGrid(sheet: "Service User Data")
        let header = try #require(grid[1])
        #expect(header.count > 90)
        for (_, text) in header {
            let fast = try #require(HeaderMatcher.normalisedSimple(text), "header \(text.debugDescription) left the fast path")
            #expect(Array(fast.utf8) == Array(HeaderMatcher.normalisedByCharacters(text).utf8))
        }
    }

    /// Random strings over a palette with the awkward cases (CR, LF, CR LF, capitals, Latin-1,
    /// combining marks, Greek sigma, dotted I, emoji and joiners): whenever the fast path answers,
    /// its bytes equal the definition's, and `normalise` always equals the definition.
    @Test func randomStringsAgreeWithTheDefinition() {
        let palette: [String] = ["A", "z", "Q", "1", "-", " ", "_", "[", "]", "(", ")", "\t", "\r", "\n", "\r\n",
                                 "À", "Þ", "×", "ß", "é", "£", "\u{00A0}", "\u{00AD}", "’", "–", "…", "‰", "€",
                                 "\u{0301}", "\u{0308}", "Σ", "İ", "\u{200D}", "👍", "\u{0600}", "ǅ", "ﬃ", "K"]
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % n
        }
        var fastCount = 0
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<(1 + next(12)) { text += palette[next(palette.count)] }
            let expected = Array(HeaderMatcher.normalisedByCharacters(text).utf8)
            if let fast = HeaderMatcher.normalisedSimple(text) {
                fastCount += 1
                #expect(Array(fast.utf8) == expected, "\(text.debugDescription)")
            }
            #expect(Array(HeaderMatcher.normalise(text).utf8) == expected, "\(text.debugDescription)")
        }
        #expect(fastCount > 200)
    }
}
