/// Reads an eligible population as Excel writes it: surrounding spaces (also no-break spaces)
/// are ignored, and thousands separators are read when they group by three (`1,387`,
/// `12,345.5`). Anything else — `abc`, `NaN`, `inf`, `-5`, `1e3`, `1,38` — is refused with the
/// reason, never read as zero or dropped silently.
public enum PopulationNumber {
    public static func parse(_ raw: String) -> Result<Double, Refusal> {
        if let whole = plainDigits(raw) { return .success(whole) }
        return parseInGeneral(raw)
    }

    /// `parse` without the plain-digits fast path (every form; the fast path must agree with it).
    static func parseInGeneral(_ raw: String) -> Result<Double, Refusal> {
        let text = String(raw.unicodeScalars.drop { isSpace($0) }.reversed().drop { isSpace($0) }.reversed().map(Character.init))
        guard !text.isEmpty else { return .failure(.init(reason: "the population is empty")) }
        if text.hasPrefix("-") { return .failure(.init(reason: "a population cannot be negative")) }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .failure(.init(reason: "not a number")) }
        let whole = parts.removeFirst()
        if let fraction = parts.first, fraction.isEmpty || !fraction.allSatisfy(\.isASCIIDigit) {
            return .failure(.init(reason: "not a number"))
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return .failure(.init(reason: "not a number (digits, optionally with thousands separators, e.g. 1,387)"))
        }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.init(reason: "the commas are not thousands separators (groups of three digits, e.g. 1,387)"))
            }
        }
        let digits = groups.joined() + (parts.first.map { "." + $0 } ?? "")
        guard let value = Double(digits), value.isFinite else { return .failure(.init(reason: "not a number")) }
        return .success(value)
    }

    /// The common case: 1 to 15 ASCII digits and nothing else, read as the general path would
    /// (a whole number below 2^53 is exact both ways); nil for anything else.
    static func plainDigits(_ raw: String) -> Double? {
        var value = 0
        var count = 0
        for byte in raw.utf8 {
            let digit = byte &- 48
            guard digit < 10, count < 15 else { return nil }
            value = value &* 10 &+ Int(digit)
            count += 1
        }
        return count > 0 ? Double(value) : nil
    }

    public struct Refusal: Error, Sendable, Equatable {
        public var reason: String
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{A0}" || s == "\u{202F}" || s == "\r" || s == "\n"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
