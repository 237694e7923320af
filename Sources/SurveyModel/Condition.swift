/// A test on one variable of a respondent, used by strata rules, eligibility rules and recodes.
///
/// JSON: `{"field": "PrimarySupportReason", "in": [7]}`, `{"field": "Age", "max": 64}`,
/// `{"field": "Age", "missing": true}`. All given parts must hold. A missing value satisfies
/// only `"missing": true`.
public struct Condition: Sendable, Hashable, Codable {
    public var field: String
    /// The value must be one of these codes.
    public var `in`: [Int]?
    /// The value must be at least this.
    public var min: Int?
    /// The value must be at most this.
    public var max: Int?
    /// `true`: the value must be missing; `false`: it must be present.
    public var missing: Bool?

    public init(field: String, in codes: [Int]? = nil, min: Int? = nil, max: Int? = nil, missing: Bool? = nil) {
        self.field = field
        self.in = codes
        self.min = min
        self.max = max
        self.missing = missing
    }

    /// Evaluates the condition on one value (`nil` = missing).
    public func holds(for value: Int?) -> Bool {
        guard let value else { return missing == true }
        if missing == true { return false }
        if let codes = self.in, !codes.contains(value) { return false }
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }
}

/// An ordered rule: when all of `when` hold (or any of `whenAny`), the result is `value`.
/// A rule with neither always applies (a default). `value` may be null ("unknown / excluded").
public struct Rule: Sendable, Hashable, Codable {
    public var when: [Condition]?
    public var whenAny: [Condition]?
    public var value: Int?
    /// Optional note for people, shown by `caresurvey codebook`.
    public var note: String?

    public init(when: [Condition]? = nil, whenAny: [Condition]? = nil, value: Int?, note: String? = nil) {
        self.when = when
        self.whenAny = whenAny
        self.value = value
        self.note = note
    }
}

extension Array where Element == Rule {
    /// The value of the first rule that applies, as `.some(value)` (value may be nil = unknown);
    /// `nil` when no rule applies. `lookup` gives a variable's value by name (nil = missing).
    public func firstMatch(_ lookup: (String) -> Int?) -> Int?? {
        for rule in self {
            if let all = rule.when, !all.allSatisfy({ $0.holds(for: lookup($0.field)) }) { continue }
            if let any = rule.whenAny, !any.contains(where: { $0.holds(for: lookup($0.field)) }) { continue }
            return .some(rule.value)
        }
        return nil
    }
}
