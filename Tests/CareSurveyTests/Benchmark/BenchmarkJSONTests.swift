import Testing
import CareSurveyKit
import SurveyBenchmark
@testable import SurveyReports

/// The streamed benchmark JSON equals the document built as a `JSONValue` tree, field by field
/// and byte for byte (every council, a focus council, and enough results to be written in parallel parts).
@Suite("Benchmark JSON: streamed equals the JSONValue tree")
struct BenchmarkJSONTests {
    static func tree(_ report: BenchmarkReport) -> String {
        JSONValue.object([
            ("schemaVersion", .int(BenchmarkOutput.schemaVersion)),
            ("focus", .text(report.focus)),
            ("results", .array(report.results.map(BenchmarkOutput.result))),
            ("diagnostics", .array(report.diagnostics.map { d in
                .object([("severity", .string(d.severity.rawValue)), ("file", .text(d.file)), ("sheet", .text(d.sheet)),
                         ("row", d.row.map(JSONValue.int) ?? .null), ("column", .text(d.column)), ("value", .text(d.value)),
                         ("rule", .string(d.rule)), ("message", .string(d.message))])
            })),
            ("rankIntervals", .object([("draws", .int(report.draws)), ("seed", .string(String(report.seed)))])),
            ("files", .array(report.files.map { f in
                .object([("path", .string(f.path)), ("format", .string(f.format)), ("years", .array(f.years.map(JSONValue.string))),
                         ("rowsRead", .int(f.rowsRead)), ("rowsUsed", .int(f.rowsUsed)), ("rowsNotUsed", .int(f.rowsNotUsed)),
                         ("markers", .object(f.markers.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))])
            })),
            ("notes", .array(report.notes.map(JSONValue.string))),
        ]).serialized()
    }

    @Test func streamedEqualsTheTree() throws {
        let path = Fixtures.path("published/ascof-2022-23-old-columns.csv")
        let requests = [BenchmarkRequest(inputs: [path], draws: 1_000),
                        BenchmarkRequest(inputs: [path], focus: "702", draws: 1_000)]
        for request in requests {
            let report = try Fixtures.toolkit.benchmark(request)
            #expect(BenchmarkOutput.json(report) == Self.tree(report))
        }
        // Many results: written in parallel parts.
        var report = try Fixtures.toolkit.benchmark(requests[0])
        report.results = Array(repeating: report.results, count: 1_200 / max(1, report.results.count) + 1).flatMap { $0 }
        #expect(report.results.count >= 1_000)
        #expect(BenchmarkOutput.json(report) == Self.tree(report))
    }
}
