import Foundation
import Testing
@testable import SurveyEstimation

/// Interval methods against the conformance suite (R survey 4.1.1 `svyciprop` for wald-t, logit,
/// korn-graubard; Wilson on n_eff): every bound at 1e-9 relative (1e-12 absolute at 0).
/// Standard errors come from the sibling `expected-measures.json`, joined on measure + group.
@Suite("Intervals: conformance suite")
struct IntervalConformanceTests {
    struct Group: Decodable, Hashable {
        let level: String
        let council: String?
    }

    struct IntervalRow: Decodable {
        let measure: String
        let group: Group
        let estimate: Double
        let df: Double
        let n: Int
        let waldT: [Double]
        let logit: [Double]
        let kornGraubard: [Double]
        let wilson: [Double]

        enum CodingKeys: String, CodingKey {
            case measure, group, estimate, df, n, logit, wilson
            case waldT = "wald-t"
            case kornGraubard = "korn-graubard"
        }
    }

    struct IntervalFile: Decodable {
        let level: Double
        let intervals: [IntervalRow]
    }

    struct MeasureRow: Decodable {
        let measure: String
        let kind: String
        let group: Group
        let estimate: Double
        let standardError: Double
        let lower: Double
        let upper: Double
        let respondents: Int
        let cells: Int
    }

    struct MeasureFile: Decodable {
        let results: [MeasureRow]
    }

    struct Key: Hashable {
        let measure: String
        let group: Group
    }

    static func fixtures() throws -> URL {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) {
            let parent = dir.deletingLastPathComponent()
            try #require(parent.path != dir.path, "no Tests/Fixtures above \(#filePath)")
            dir = parent
        }
        return dir.appendingPathComponent("Tests/Fixtures/conformance")
    }

    static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        let url = try fixtures().appendingPathComponent(path)
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func error(_ actual: Double, _ expected: Double) -> Double {
        expected == 0 ? (abs(actual) <= 1e-12 ? 0 : .infinity) : abs(actual - expected) / abs(expected)
    }

    static func verbose(_ message: String) {
        if ProcessInfo.processInfo.environment["CARESURVEY_VERBOSE_TESTS"] != nil { print(message) }
    }

    @Test(arguments: ["ascs-2021-22-edge", "ascs-2021-22-twenty/before"])
    func proportionIntervals(set: String) throws {
        let intervals = try Self.decode(IntervalFile.self, "\(set)/expected-intervals.json")
        let measures = try Self.decode(MeasureFile.self, "\(set)/expected-measures.json")
        let byKey = Dictionary(measures.results.map { (Key(measure: $0.measure, group: $0.group), $0) },
                               uniquingKeysWith: { first, _ in first })
        #expect(!intervals.intervals.isEmpty)
        var worst: [IntervalMethod: Double] = [:]
        for row in intervals.intervals {
            let m = try #require(byKey[Key(measure: row.measure, group: row.group)],
                                 "no measure row for \(row.measure) \(row.group)")
            #expect(m.kind == "proportion")
            #expect(Self.error(m.estimate, row.estimate) <= 1e-12)
            #expect(m.respondents == row.n)
            #expect(Double(m.respondents - m.cells) == row.df)
            let inputs = IntervalInputs(estimate: row.estimate, standardError: m.standardError,
                                        respondents: row.n, degreesOfFreedom: row.df, isProportion: true)
            let expected: [(IntervalMethod, [Double])] = [
                (.waldT, row.waldT), (.logit, row.logit), (.kornGraubard, row.kornGraubard), (.wilson, row.wilson),
            ]
            for (method, bounds) in expected {
                let interval = try method.interval(for: inputs, level: intervals.level)
                #expect(interval.method == method)
                #expect(interval.note == nil)
                let e = max(Self.error(interval.lower, bounds[0]), Self.error(interval.upper, bounds[1]))
                worst[method] = max(worst[method] ?? 0, e)
                #expect(e <= 1e-9, """
                    \(set) \(row.measure) \(row.group) \(method.rawValue): \
                    [\(interval.lower), \(interval.upper)] vs [\(bounds[0]), \(bounds[1])]
                    """)
            }
        }
        for (method, e) in worst { Self.verbose("\(set) \(method.rawValue): max relative error \(e)") }
    }

    @Test(arguments: [
        "ascs-2021-22-edge", "ascs-2021-22-twenty/before", "ascs-2021-22-twenty/after", "sace-2021-22-twenty",
    ])
    func waldBoundsOfMeasures(set: String) throws {
        let measures = try Self.decode(MeasureFile.self, "\(set)/expected-measures.json")
        #expect(!measures.results.isEmpty)
        var worst = 0.0
        for m in measures.results {
            let inputs = IntervalInputs(estimate: m.estimate, standardError: m.standardError,
                                        respondents: m.respondents,
                                        degreesOfFreedom: Double(m.respondents - m.cells),
                                        isProportion: m.kind == "proportion")
            let interval = try IntervalMethod.wald.interval(for: inputs)
            #expect(interval.method == .wald)
            let e = max(Self.error(interval.lower, m.lower), Self.error(interval.upper, m.upper))
            worst = max(worst, e)
            #expect(e <= 1e-9, "\(set) \(m.measure) \(m.group): [\(interval.lower), \(interval.upper)] vs [\(m.lower), \(m.upper)]")
        }
        Self.verbose("\(set) wald: max relative error \(worst)")
    }
}
