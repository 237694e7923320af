import Testing
@testable import SurveyModel
@testable import SurveyFiles
@testable import SurveyBenchmark
@testable import SurveyReports

/// The shortcuts taken for `trend`'s speed give exactly what the general code gives: trimming,
/// code normalising, origins, left-out slopes, interned cells and a copied JSON stream.
@Suite("Trend: fast paths equal the general code")
struct TrendFastPathTests {
    /// Texts with spaces, tabs, line breaks, no-break spaces and combining marks at either end.
    static let awkward: [String] = [
        "", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{00A0}x\u{00A0}", "x", "1A", " 1A", "1A ", "\t18.3\r\n",
        "[c]", " [x] ", "é", " é ", "e\u{0301}", " \u{0301}", "\u{0301} ", "x\r\n", "\r\nx", "\u{00A0}\u{0301}",
        "1,234.5", "  Outcome  ", "ß", "2A(1)", "2a(1)", "5a1", "ＡＢ１", "1İ", "code.with.dots", "a\u{00C2}\u{00A0}",
    ]

    /// `trimmedSpaces` as it was before its shortcut for texts that start and end visibly.
    static func referenceTrim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\r" || $0 == "\n" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    @Test func trimmingEqualsTheCharacterByCharacterForm() {
        for text in Self.awkward {
            #expect(trimmedSpaces(text) == Self.referenceTrim(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }

    @Test func normalisingEqualsUppercasedLettersAndDigits() {
        for text in Self.awkward + ["1I1", "3D(2)", " 2 B ", "aZ09-_", "\u{1}x"] {
            #expect(AscofMeasure.normalise(text) == String(text.uppercased().filter { $0.isLetter || $0.isNumber }), "\(text)")
        }
    }

    @Test func originIsPathColonRow() {
        for (path, row) in [("a.csv", 0), ("/tmp/ascof 2023-24.csv", 12), ("é/ü.csv", 1_234_567), ("", 9), ("x", -3), ("p", Int.max)] {
            #expect(FigureBuilder.origin(path, row) == "\(path):\(row)")
        }
    }

    /// The left-out slopes as they were computed before: `weightedSlope` on arrays without point k.
    static func referenceLeaveOneOut(t: [Double], y: [Double], w: [Double]) -> [Double] {
        t.indices.map { k in
            let keep = t.indices.filter { $0 != k }
            return RecentTrendTest.weightedSlope(t: keep.map { t[$0] }, y: keep.map { y[$0] }, w: keep.map { w[$0] }).slope
        }
    }

    @Test func leftOutSlopesAreTheSameBits() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> Double {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Double(state % 1_000_000) / 997
        }
        for n in [1, 2, 3, 5, 7] {
            for _ in 0..<200 {
                let t = (1...n).map(Double.init)
                let y = t.map { _ in next() }
                let w = t.map { _ in next() < 1 ? 0 : 1 / next() }
                let fast = RecentTrendTest.leaveOneOut(t: t, y: y, w: w)
                let slow = Self.referenceLeaveOneOut(t: t, y: y, w: w)
                #expect(fast.map(\.bitPattern) == slow.map(\.bitPattern))
            }
        }
    }

    @Test func repeatedColumnsGetTheInternersIds() {
        let rows: [[String]] = [
            ["104", "Northumberland", "Council", "1A", "Base", "290"],
            ["104", "Northumberland", "Council", "1A", "Outcome", "18.3"],
            ["104", "Northumberland", "Council", "1A", "Outcome", "18.3"],
            ["104", "Northumberlan", "Council", "1B", "", "18.30"],
            ["", "Northumberland", "Council ", "1A", "Base", "290"],
            ["105", "Northumberland", "Council", "1A", "Base", "290", "extra"],
        ]
        var grid = InternedRows()
        var plain = CellInterner()
        var expected: [Int32] = []
        for (r, row) in rows.enumerated() {
            grid.beginRow(r + 1)
            for (c, text) in row.enumerated() {
                var text = text
                text.withUTF8 { bytes in
                    grid.cell(c, UnsafeRawBufferPointer(bytes), isFormula: false)
                    let id = plain.intern(UnsafeRawBufferPointer(bytes))
                    if id != 0 { expected.append(id) }
                }
            }
            grid.endRow()
        }
        #expect(grid.ids == expected)
        #expect(grid.interner.texts == plain.texts)
    }

    @Test func aCopiedStreamKeepsItsOwnBytes() {
        var a = JSONStream(capacity: 1)
        a.beginArray()
        a.string("first")
        var b = a
        b.string("only in b")
        a.number(0.5)
        a.endArray()
        b.endArray()
        #expect(a.finish() == "[\n  \"first\",\n  0.5\n]\n")
        #expect(b.finish() == "[\n  \"first\",\n  \"only in b\"\n]\n")
    }
}
