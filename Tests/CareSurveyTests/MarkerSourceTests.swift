import Foundation
import Testing
import SurveyModel

/// Issue 16 "Done when": no `[c]`/`[x]` is produced outside one rendering function. Every marker a
/// renderer writes comes from `MissingMarker` (its raw value, through `MeasureResult.suppression`
/// or `MissingMarker.….rawValue`); no source file spells a marker as a value of its own. Prose
/// that explains the markers (notes, help) is allowed.
@Suite("Disclosure markers: one source")
struct MarkerSourceTests {
    /// Spellings of a marker as a value: a whole string literal, an HTML cell, or a value with a reason.
    static let forbidden = MissingMarker.allCases.filter { $0.rawValue.hasPrefix("[") }.flatMap { m in
        ["\"\(m.rawValue)\"", ">\(m.rawValue)<", "\"\(m.rawValue) suppressed"]
    }

    @Test("no source outside MissingMarker writes a marker literal")
    func noMarkerLiterals() throws {
        let sources = Fixtures.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        try #require(files.count > 100)
        try #require(Self.forbidden.count == 12)
        var found: [String] = []
        for file in files where !file.hasSuffix("SurveyModel/Published/PublishedFigure.swift") {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                for spelling in Self.forbidden where line.contains(spelling) { found.append("\(file):\(number + 1): \(spelling)") }
            }
        }
        #expect(found.isEmpty, "marker literals outside MissingMarker: \(found)")
    }
}
