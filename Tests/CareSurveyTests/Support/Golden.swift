import Foundation
import Testing

/// Byte-for-byte comparison with a golden file. With `CARESURVEY_RECORD_GOLDEN=1` the file is
/// re-recorded and the test FAILS on purpose (a re-record never passes unnoticed); run again without
/// the variable. On a mismatch the actual output is written to a temporary file and the first
/// differing line is named.
enum Golden {
    static func check(_ text: String, against path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let name = (path as NSString).lastPathComponent
        if ProcessInfo.processInfo.environment["CARESURVEY_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name): this run fails on purpose; run the tests again without CARESURVEY_RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        let golden = try String(contentsOfFile: try Fixtures.require(path, sourceLocation: sourceLocation), encoding: .utf8)
        guard text != golden else { return }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent(((name as NSString).deletingPathExtension) + ".actual." + (name as NSString).pathExtension)
        try? text.write(to: actual, atomically: true, encoding: .utf8)
        let a = text.components(separatedBy: "\n"), b = golden.components(separatedBy: "\n")
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
            output differs from \(path) at line \(line + 1) (actual output: \(actual.path)); \
            if the change is intended, re-record with CARESURVEY_RECORD_GOLDEN=1
            golden: \(line < b.count ? String(b[line].prefix(300)) : "<end>")
            actual: \(line < a.count ? String(a[line].prefix(300)) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
