import Foundation
import Testing
@testable import SurveyEstimation

/// Normal, Student t and beta functions against scipy values on a grid with deep tails
/// (`Tests/Fixtures/distributions/reference.json`, written by `make-reference.py` in the same folder).
/// Tolerance 1e-12 relative; a reference that underflowed to (or near) 0 is checked absolutely.
@Suite("Distributions: scipy reference values")
struct DistributionReferenceTests {
    struct Reference: Decodable {
        let scipy: String
        let normal: [String: [[Double]]]
        let studentT: [String: [[Double]]]
        let beta: [String: [[Double]]]
    }

    static let tolerance = 1e-12

    static func load() throws -> Reference {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) {
            let parent = dir.deletingLastPathComponent()
            try #require(parent.path != dir.path, "no Tests/Fixtures above \(#filePath)")
            dir = parent
        }
        let url = dir.appendingPathComponent("Tests/Fixtures/distributions/reference.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    /// Relative error, or absolute error when the reference is below 1e-290.
    static func error(_ actual: Double, _ expected: Double) -> Double {
        if abs(expected) < 1e-290 { return abs(actual - expected) < 1e-290 ? 0 : .infinity }
        return abs(actual - expected) / abs(expected)
    }

    /// Checks every row, `value(row)` against the row's last element; returns the largest error.
    @discardableResult
    static func check(_ rows: [[Double]]?, _ name: String, tolerance: Double = tolerance,
                      _ value: ([Double]) -> Double) throws -> Double
    {
        let rows = try #require(rows, "missing table \(name)")
        #expect(!rows.isEmpty)
        var worst = 0.0
        for row in rows {
            let expected = row[row.count - 1]
            let actual = value(row)
            let e = error(actual, expected)
            worst = max(worst, e)
            #expect(e <= tolerance, "\(name)\(Array(row.dropLast())) = \(actual), scipy \(expected), rel. error \(e)")
        }
        if ProcessInfo.processInfo.environment["CARESURVEY_VERBOSE_TESTS"] != nil {
            print("max relative error \(name): \(worst)")
        }
        return worst
    }

    @Test func normal() throws {
        let ref = try Self.load()
        try Self.check(ref.normal["cdf"], "Normal.cdf") { Normal.cdf($0[0]) }
        try Self.check(ref.normal["survival"], "Normal.survival") { Normal.survival($0[0]) }
        try Self.check(ref.normal["quantile"], "Normal.quantile") { Normal.quantile($0[0]) }
    }

    @Test func studentT() throws {
        let ref = try Self.load()
        try Self.check(ref.studentT["cdf"], "StudentT.cdf") { StudentT.cdf($0[0], degreesOfFreedom: $0[1]) }
        try Self.check(ref.studentT["quantile"], "StudentT.quantile") {
            StudentT.quantile($0[0], degreesOfFreedom: $0[1])
        }
    }

    @Test func beta() throws {
        let ref = try Self.load()
        try Self.check(ref.beta["cdf"], "Beta.regularizedIncomplete") {
            Beta.regularizedIncomplete(x: $0[0], a: $0[1], b: $0[2])
        }
        try Self.check(ref.beta["survival"], "Beta.complementedRegularizedIncomplete") {
            Beta.complementedRegularizedIncomplete(x: $0[0], a: $0[1], b: $0[2])
        }
        try Self.check(ref.beta["quantile"], "Beta.quantile") { Beta.quantile($0[0], a: $0[1], b: $0[2]) }
    }
}

/// Identities, round trips and edge cases.
@Suite("Distributions: properties and edge cases")
struct DistributionPropertyTests {
    @Test func normalEdges() {
        #expect(Normal.quantile(0.5) == 0)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(1.1).isNaN)
        #expect(Normal.cdf(.nan).isNaN)
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.infinity) == 1)
        #expect(abs(Normal.quantile(0.975) - 1.959963984540054) < 1e-15)
        #expect(abs(Normal.density(0) - 0.3989422804014327) < 1e-16)
    }

    @Test func normalRoundTrip() {
        for p in stride(from: 1e-6, to: 1, by: 0.0137) {
            let x = Normal.quantile(p)
            #expect(abs(Normal.cdf(x) - p) <= 1e-14 * p)
            // Symmetry where 1 − q is exact (q ≥ ½).
            let q = 1 - p
            #expect(abs(Normal.quantile(q) + Normal.quantile(1 - q)) <= 1e-15 * max(1, abs(x)))
        }
    }

    @Test func studentTEdges() {
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 7) == 0)
        #expect(StudentT.quantile(0, degreesOfFreedom: 7) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 7) == .infinity)
        #expect(StudentT.quantile(0.3, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: -1).isNaN)
        #expect(StudentT.cdf(0, degreesOfFreedom: 3.5) == 0.5)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.cdf(1.5, degreesOfFreedom: .infinity) == Normal.cdf(1.5))
        #expect(StudentT.quantile(0.9, degreesOfFreedom: .infinity) == Normal.quantile(0.9))
        // ν = 1 is Cauchy: F(t) = ½ + atan(t)/π.
        #expect(abs(StudentT.cdf(2, degreesOfFreedom: 1) - (0.5 + atan(2.0) / Double.pi)) < 1e-15)
        // qt(0.975, 303), the t quantile of a typical council (scipy and mpmath agree to 1e-16).
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 303) - 1.9678240977520869) < 1e-14)
    }

    @Test(arguments: [0.3, 1, 2, 3, 4.5, 10.5, 29, 303, 7208, 1e6, 1e7])
    func studentTRoundTripAndSymmetry(df: Double) {
        for p in [1e-9, 1e-4, 0.01, 0.025, 0.2, 0.49, 0.51, 0.8, 0.975, 0.999] {
            let t = StudentT.quantile(p, degreesOfFreedom: df)
            let back = StudentT.cdf(t, degreesOfFreedom: df)
            #expect(abs(back - p) <= 1e-12 * min(p, 1 - p), "df \(df) p \(p): t \(t) → \(back)")
            let q = max(p, 1 - p)           // 1 − q is exact
            let upper = StudentT.quantile(q, degreesOfFreedom: df)
            #expect(abs(upper + StudentT.quantile(1 - q, degreesOfFreedom: df)) <= 1e-13 * abs(upper))
        }
    }

    @Test func studentTDensityIsTheDerivative() {
        for df in [1.0, 2.5, 30, 1e6] {
            for t in [-3.0, -0.4, 0.0, 1.2, 6.0] {
                let h = 1e-5
                let numeric = (StudentT.cdf(t + h, degreesOfFreedom: df) - StudentT.cdf(t - h, degreesOfFreedom: df)) / (2 * h)
                let pdf = StudentT.density(t, degreesOfFreedom: df)
                #expect(abs(numeric - pdf) <= 1e-8 * max(pdf, 1e-3))
            }
        }
    }

    @Test func betaEdges() {
        // R qbeta conventions used by Korn–Graubard at p̂ ∈ {0, 1}.
        #expect(Beta.quantile(0.025, a: 0, b: 31) == 0)
        #expect(Beta.quantile(0.975, a: 31, b: 0) == 1)
        #expect(Beta.quantile(0.3, a: 0, b: 0) == 0)
        #expect(Beta.quantile(0.7, a: 0, b: 0) == 1)
        #expect(Beta.quantile(0, a: 2, b: 3) == 0)
        #expect(Beta.quantile(1, a: 2, b: 3) == 1)
        #expect(Beta.quantile(0.5, a: -1, b: 3).isNaN)
        #expect(Beta.quantile(1.5, a: 1, b: 3).isNaN)
        #expect(Beta.regularizedIncomplete(x: 0.3, a: 0, b: 2) == 1)
        #expect(Beta.regularizedIncomplete(x: 0.3, a: 2, b: 0) == 0)
        #expect(Beta.regularizedIncomplete(x: -1, a: 2, b: 3) == 0)
        #expect(Beta.regularizedIncomplete(x: 2, a: 2, b: 3) == 1)
        // Closed forms: I_x(1, b) = 1 − (1−x)^b, I_x(a, 1) = x^a.
        #expect(abs(Beta.regularizedIncomplete(x: 0.2, a: 1, b: 7.5) - (1 - pow(0.8, 7.5))) < 1e-15)
        #expect(abs(Beta.quantile(0.025, a: 40, b: 1) - pow(0.025, 1.0 / 40)) < 1e-15)
        #expect(abs(Beta.quantile(0.975, a: 1, b: 40) - (1 - pow(0.025, 1.0 / 40))) < 1e-15)
    }

    @Test(arguments: [(0.5, 0.5), (0.02, 3), (2.5, 30), (300, 0.7), (41.2, 7208), (5e5, 12), (1e4, 1e4)])
    func betaRoundTripAndSymmetry(a: Double, b: Double) {
        for p in [1e-8, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999] {
            let x = Beta.quantile(p, a: a, b: b)
            guard x > 1e-300, x < 1 else { continue }
            let back = Beta.regularizedIncomplete(x: x, a: a, b: b)
            let tolerance = 1e-12 * max(1, a, b).squareRoot()
            #expect(abs(back - p) <= tolerance * min(p, 1 - p) + 2 * x.ulp * Beta.density(x, a: a, b: b),
                    "a \(a) b \(b) p \(p): x \(x) → \(back)")
            if x >= 0.5 {                   // 1 − x exact: I_x(a, b) = 1 − I_{1−x}(b, a)
                let mirrored = Beta.complementedRegularizedIncomplete(x: 1 - x, a: b, b: a)
                #expect(abs(mirrored - back) <= 1e-14 * back)
            }
        }
    }
}
