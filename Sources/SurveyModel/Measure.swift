/// A measure definition, read from the codebook file: what a respondent contributes and how the
/// group value is formed. One evaluator handles every measure; nothing here is measure-specific code.
public struct Measure: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case proportion, mean }
    public enum Polarity: String, Sendable, Codable {
        case higherIsBetter = "higher-is-better"
        case lowerIsBetter = "lower-is-better"
    }

    /// Stable identifier in the 2023-24 ASCOF numbering (`3A`, `1B`, `5A1`).
    public var code: String
    /// The pre-2023 code (`1B`, `1J`, `1I1`).
    public var formerCode: String?
    public var name: String
    public var kind: Kind
    public var polarity: Polarity
    /// Which population set weights this measure (default `stratum`).
    public var population: String?
    /// Respondents outside these conditions have no value (e.g. 1B: community, eligible PSR).
    public var eligible: [Condition]?
    /// Proportion measures: the flag is 1 for `numerator` codes and 0 for other `base` codes.
    public var flag: Flag?
    /// Mean measures: a linear score of the respondent's answers.
    public var score: Score?
    /// Survey years from which the measure is not comparable with earlier years (e.g. "2014-15").
    public var breaks: [String]?
    public var status: Status?
    public var note: String?

    public struct Flag: Sendable, Hashable, Codable {
        /// The field or derived variable the flag reads.
        public var variable: String
        public var numerator: [Int]
        /// Codes that count in the base; absent = every valid code of the variable.
        public var base: [Int]?
        public init(variable: String, numerator: [Int], base: [Int]? = nil) {
            self.variable = variable
            self.numerator = numerator
            self.base = base
        }
    }

    public var populationSet: String { population ?? "stratum" }

    /// Display code with the former one: `1B (was 1J)`.
    public var displayCode: String {
        if let formerCode, formerCode != code { return "\(code) (was \(formerCode))" }
        return code
    }

    /// Whether a comparison from `before` to `after` (survey years "YYYY-YY") crosses a break.
    public func isComparable(from before: String, to after: String) -> Bool {
        let (lo, hi) = before <= after ? (before, after) : (after, before)
        return !(breaks ?? []).contains { $0 > lo && $0 <= hi }
    }
}

public enum Status: String, Sendable, Hashable, Codable { case verified, provisional }

/// A linear score: `constant + Σ coefficient × value(term)`, plus included models
/// (e.g. the ASCOT utility from `Weights/`) times a factor. Missing if any term is missing.
public struct Score: Sendable, Hashable, Codable {
    public var constant: Double?
    public var terms: [ScoreTerm]?
    public var include: [Include]?

    public struct Include: Sendable, Hashable, Codable {
        /// The `id` of a score model in `Weights/`.
        public var model: String
        public var factor: Double
        public init(model: String, factor: Double) {
            self.model = model
            self.factor = factor
        }
    }

    public init(constant: Double? = nil, terms: [ScoreTerm]? = nil, include: [Include]? = nil) {
        self.constant = constant
        self.terms = terms
        self.include = include
    }
}

/// One term of a linear score. Each of `variables` contributes `coefficient × value(code)`:
/// `values` maps codes to values (a code not listed makes the score missing); `ranges` maps
/// whole-number ranges to values with `otherwise` for the rest.
public struct ScoreTerm: Sendable, Hashable, Codable {
    public var label: String?
    public var variables: [String]
    public var values: [String: Double]?
    public var ranges: [RangeValue]?
    public var otherwise: Double?
    public var coefficient: Double?

    public struct RangeValue: Sendable, Hashable, Codable {
        public var min: Int?
        public var max: Int?
        public var value: Double
        public init(min: Int? = nil, max: Int? = nil, value: Double) {
            self.min = min
            self.max = max
            self.value = value
        }
    }

    public init(label: String? = nil, variables: [String], values: [String: Double]? = nil,
                ranges: [RangeValue]? = nil, otherwise: Double? = nil, coefficient: Double? = nil) {
        self.label = label
        self.variables = variables
        self.values = values
        self.ranges = ranges
        self.otherwise = otherwise
        self.coefficient = coefficient
    }

    /// The value for one code, before the coefficient; nil = missing.
    public func value(for code: Int) -> Double? {
        if let values { return values[String(code)] }
        if let ranges {
            for range in ranges where (range.min.map { code >= $0 } ?? true) && (range.max.map { code <= $0 } ?? true) {
                return range.value
            }
            return otherwise
        }
        return Double(code)
    }
}

/// A score model kept in `Weights/` (ASCOT preference weights, regression coefficients),
/// with its source and year.
public struct ScoreModel: Sendable, Hashable, Codable {
    public var schemaVersion: Int
    public var id: String
    public var name: String
    public var source: String
    public var year: String?
    public var status: Status
    public var constant: Double
    public var terms: [ScoreTerm]
}
