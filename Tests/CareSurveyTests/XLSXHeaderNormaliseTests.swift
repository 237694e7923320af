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

/// A small workbook is read into memory at once; a large one part by part. Both ways give the
/// same zip directory and the same bytes for every entry, and the same errors for damaged files.
@Suite("XLSX reader: whole-file and part-by-part reading")
struct XLSXFileReadingTests {
    @Test func bothWaysGiveTheSameEntries() throws {
        for path in [XLSXFixtures.return716, XLSXFixtures.blank, XLSXFixtures.xlsx("types.xlsx")] {
            let whole = try XLSXFile(path: path)
            let parts = try XLSXFile(path: path, wholeFileLimit: 0)
            #expect(whole.contents != nil)
            #expect(parts.contents == nil)
            let a = try XLSXZipDirectory.read(whole, limits: .default)
            let b = try XLSXZipDirectory.read(parts, limits: .default)
            #expect(a.entries.count > 3)
            #expect(a.entries.map(\.name) == b.entries.map(\.name))
            for entry in a.entries {
                let x = try XLSXZipInflater.extract(entry, from: whole, limits: .default)
                let y = try XLSXZipInflater.extract(entry, from: parts, limits: .default)
                #expect(x == y, "\(entry.name)")
                #expect(x.count == Int(entry.uncompressedSize))
            }
        }
    }

    @Test func damagedFilesFailTheSameWayBothWays() {
        for name in ["bad-checksum.xlsx", "lying-size.xlsx", "endless-stream.xlsx", "zip-bomb.xlsx", "legacy.xls", "encrypted.xlsx"] {
            let path = XLSXFixtures.xlsx(name)
            func attempt(_ limit: UInt64) -> String {
                do {
                    let file = try XLSXFile(path: path, wholeFileLimit: limit)
                    try XLSXSniffer.check(file)
                    let directory = try XLSXZipDirectory.read(file, limits: .default)
                    for entry in directory.entries { _ = try XLSXZipInflater.extract(entry, from: file, limits: .default) }
                    return "read"
                } catch {
                    return "\(error)"
                }
            }
            let whole = attempt(XLSXFile.wholeFileLimit)
            #expect(whole != "read", "\(name)")
            #expect(whole == attempt(0), "\(name)")
        }
    }
}
