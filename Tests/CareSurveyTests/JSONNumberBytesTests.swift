import Testing
@testable import SurveyReports

/// `JSONValue.append(number:to:)` writes a double's digits straight into the output bytes; these
/// check it writes exactly `JSONValue.format(d)` (Swift's shortest round-trip form) for any double.
@Suite("JSON: number bytes equal JSONValue.format")
struct JSONNumberBytesTests {
    static func bytes(_ d: Double, after prefix: [UInt8] = []) -> [UInt8] {
        var out = prefix
        JSONValue.append(number: d, to: &out)
        return out
    }

    @Test func specialValues() {
        let values: [Double] = [0, -0.0, 1, -1, 0.5, 0.1, 1e-5, 1e-7, 2235, 1e16, 1e17, -1e300, .ulpOfOne, .leastNonzeroMagnitude,
                                .leastNormalMagnitude, .greatestFiniteMagnitude, 0.7712, 18.666230459108114, 123456789012345680]
        for d in values { #expect(Self.bytes(d) == Array(JSONValue.format(d).utf8), "\(d)") }
    }

    @Test func randomDoublesAppendAfterExistingBytes() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let prefix = Array("[1, ".utf8)
        var checked = 0
        while checked < 200_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            // Any bit pattern (every exponent), and values like the outputs' (fractions, SEs, p-values).
            let d = checked % 2 == 0 ? Double(bitPattern: state) : Double(state % 1_000_000_007) / 1_000_000_007 * Self.pow10(Int(state % 9) - 4)
            guard d.isFinite else { continue }
            #expect(Self.bytes(d, after: prefix) == prefix + Array(JSONValue.format(d).utf8), "\(d)")
            checked += 1
        }
    }

    static func pow10(_ k: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(k) { x *= 10 }
        return k < 0 ? 1 / x : x
    }
}
