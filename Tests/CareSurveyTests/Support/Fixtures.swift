import Foundation
import Testing
@testable import CareSurveyKit
import SurveyFiles
import SurveyModel

/// Paths of the repository and its fixtures, found from this file (works from a fresh clone anywhere).
enum Fixtures {
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("repository root not found above \(#filePath)")
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path }
    static func conformance(_ relative: String) -> String { path("conformance/" + relative) }

    static let toolkit: Toolkit = {
        do { return try Toolkit(data: DataDirectory(root: root)) } catch { fatalError("cannot load data files: \(error)") }
    }()

    /// A fixture that must exist: a missing file fails the test rather than skipping it.
    static func require(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(FileManager.default.fileExists(atPath: path), "missing fixture \(path)", sourceLocation: sourceLocation)
        return path
    }

    static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: try require(path))))
    }

    /// A temporary directory for a test.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("caresurvey-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Relative comparison with the conformance tolerance (1e-9 relative; 1e-12 absolute at 0).
func close(_ a: Double?, _ b: Double?, rel: Double = 1e-9, abs absTol: Double = 1e-12) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    if b == 0 { return abs(a) <= absTol }
    return abs(a - b) <= rel * abs(b) || abs(a - b) <= absTol
}

/// The group key of a JSON result object.
func groupKey(_ object: [String: Any]) -> GroupKey {
    let group = object["group"] as? [String: Any] ?? [:]
    let level = GroupKey.Level(rawValue: group["level"] as? String ?? "") ?? .council
    var key = GroupKey(level: level, council: group["council"] as? String, group: group["group"] as? String)
    if let by = group["by"] as? [String: String], let first = by.first {
        key.byVariable = first.key
        key.byValue = first.value
    }
    return key
}
