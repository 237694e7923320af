import Foundation

/// The results JSON of `caresurvey measures` (schemaVersion 1; README "Output contract", cli.md) as
/// one `Codable` model: `MeasuresJSON` builds a `ResultsFile` and encodes it (key order and nulls as
/// documented: `encode(to:)`), `ResultsFile.decode` reads it back (tested round trip). Every reader
/// of a results file (compare, report `--previous`, benchmark, trend) uses `decode`; nothing writes
/// or parses the file by hand.
public struct ResultsFile: Sendable, Hashable, Codable {
    public var schemaVersion: Int
    public var survey: String?
    public var surveyYear: String?
    public var interval: IntervalFacts?
    /// What the aggregate group is: England only when every council of the year is loaded.
    public var aggregate: Aggregate?
    public var results: [Result]
    public var diagnostics: Counts?
    public var notes: [String]
    /// The codebook the results were computed with and its status (a provisional one is flagged).
    public var codebook: CodebookFacts?

    public struct CodebookFacts: Sendable, Hashable, Codable {
        public var id: String?
        public var status: Status?
        public init(id: String?, status: Status?) { self.id = id; self.status = status }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)  // null when unknown
            try c.encode(status, forKey: .status)
        }
    }

    public struct Aggregate: Sendable, Hashable, Codable {
        public var label: String
        public var councils: Int?
        public var allCouncils: Bool
        public init(label: String, councils: Int?, allCouncils: Bool) {
            self.label = label
            self.councils = councils
            self.allCouncils = allCouncils
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label)
            try c.encode(councils, forKey: .councils)  // null when unknown
            try c.encode(allCouncils, forKey: .allCouncils)
        }
    }

    public struct IntervalFacts: Sendable, Hashable, Codable {
        public var method: String
        public var level: Double
        public init(method: String, level: Double) { self.method = method; self.level = level }
    }

    public struct Counts: Sendable, Hashable, Codable {
        public var errors: Int
        public var warnings: Int
        public init(errors: Int, warnings: Int) { self.errors = errors; self.warnings = warnings }
    }

    /// One result. A suppressed one has `respondents` as its marker (`[c]`, `[x]`) and no figures.
    public struct Result: Sendable, Hashable, Codable {
        public var measure: String
        public var formerCode: String?
        public var name: String?
        public var kind: Measure.Kind?
        /// The answer code of a `tables` row (nil for a measure).
        public var code: Int?
        public var group: GroupKey
        /// The aggregate's name in `group.label` (England results only).
        public var groupLabel: String?
        public var estimate: Double?
        public var standardError: Double?
        public var lower: Double?
        public var upper: Double?
        public var respondents: Respondents?
        public var population: Double?
        public var cells: Int?
        public var singleRespondentCells: Int?
        public var designEffect: Double?
        public var suppressed: Bool
        public var notes: [String]
        /// A caveat on the interval (zero width, very small base), nil when none.
        public var caveat: String?

        public init(measure: String, formerCode: String?, name: String?, kind: Measure.Kind?, code: Int? = nil, group: GroupKey,
                    groupLabel: String? = nil, estimate: Double?, standardError: Double?, lower: Double?, upper: Double?,
                    respondents: Respondents?, population: Double?, cells: Int?, singleRespondentCells: Int?, designEffect: Double?,
                    suppressed: Bool, notes: [String], caveat: String? = nil) {
            self.measure = measure
            self.formerCode = formerCode
            self.name = name
            self.kind = kind
            self.code = code
            self.group = group
            self.groupLabel = groupLabel
            self.estimate = estimate
            self.standardError = standardError
            self.lower = lower
            self.upper = upper
            self.respondents = respondents
            self.population = population
            self.cells = cells
            self.singleRespondentCells = singleRespondentCells
            self.designEffect = designEffect
            self.suppressed = suppressed
            self.notes = notes
            self.caveat = caveat
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            measure = try c.decode(String.self, forKey: .measure)
            formerCode = try c.decodeIfPresent(String.self, forKey: .formerCode)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            kind = try c.decodeIfPresent(Measure.Kind.self, forKey: .kind)
            code = try c.decodeIfPresent(Int.self, forKey: .code)
            group = try c.decode(GroupKey.self, forKey: .group)
            groupLabel = try c.decodeIfPresent(GroupLabel.self, forKey: .group)?.label
            estimate = try c.decodeIfPresent(Double.self, forKey: .estimate)
            standardError = try c.decodeIfPresent(Double.self, forKey: .standardError)
            lower = try c.decodeIfPresent(Double.self, forKey: .lower)
            upper = try c.decodeIfPresent(Double.self, forKey: .upper)
            respondents = try c.decodeIfPresent(Respondents.self, forKey: .respondents)
            population = try c.decodeIfPresent(Double.self, forKey: .population)
            cells = try c.decodeIfPresent(Int.self, forKey: .cells)
            singleRespondentCells = try c.decodeIfPresent(Int.self, forKey: .singleRespondentCells)
            designEffect = try c.decodeIfPresent(Double.self, forKey: .designEffect)
            suppressed = try c.decodeIfPresent(Bool.self, forKey: .suppressed) ?? (respondents?.marker != nil)
            notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
            caveat = try c.decodeIfPresent(String.self, forKey: .caveat)
        }

        /// The contract's order; figures a suppressed result hides are explicit nulls; `formerCode`
        /// only for a measure (a `tables` row has `code` instead).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(measure, forKey: .measure)
            if code == nil { try c.encode(formerCode, forKey: .formerCode) }
            try c.encodeIfPresent(name, forKey: .name)
            try c.encodeIfPresent(kind, forKey: .kind)
            try c.encodeIfPresent(code, forKey: .code)
            try c.encode(GroupField(key: group, label: groupLabel), forKey: .group)
            try c.encode(estimate, forKey: .estimate)
            try c.encode(standardError, forKey: .standardError)
            try c.encode(lower, forKey: .lower)
            try c.encode(upper, forKey: .upper)
            try c.encode(respondents, forKey: .respondents)
            try c.encode(population, forKey: .population)
            try c.encode(cells, forKey: .cells)
            try c.encode(singleRespondentCells, forKey: .singleRespondentCells)
            try c.encode(designEffect, forKey: .designEffect)
            try c.encode(suppressed, forKey: .suppressed)
            try c.encode(notes, forKey: .notes)
            try c.encode(caveat, forKey: .caveat)
        }

        enum CodingKeys: String, CodingKey {
            case measure, formerCode, name, kind, code, group, estimate, standardError, lower, upper, respondents, population,
                 cells, singleRespondentCells, designEffect, suppressed, notes, caveat
        }

        private struct GroupLabel: Decodable { var label: String? }
    }

    /// A result's `group`: the key's fields with the aggregate's `label` after `level`.
    public struct GroupField: Encodable {
        public var key: GroupKey
        public var label: String?
        public init(key: GroupKey, label: String?) { self.key = key; self.label = label }

        enum CodingKeys: String, CodingKey { case level, label, by, council, group }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key.level, forKey: .level)
            try c.encodeIfPresent(label, forKey: .label)
            if let variable = key.byVariable, let value = key.byValue { try c.encode([variable: value], forKey: .by) }
            try c.encodeIfPresent(key.council, forKey: .council)
            try c.encodeIfPresent(key.group, forKey: .group)
        }
    }

    /// `respondents`: a count, or the marker of a suppressed result.
    public enum Respondents: Sendable, Hashable, Codable {
        case count(Int)
        case marker(MissingMarker)

        public var count: Int? { if case let .count(n) = self { n } else { nil } }
        public var marker: MissingMarker? { if case let .marker(m) = self { m } else { nil } }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .count(n); return }
            let text = try c.decode(String.self)
            self = .marker(MissingMarker(text: text))
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case let .count(n): try c.encode(n)
            case let .marker(m): try c.encode(m.rawValue)
            }
        }
    }

    public init(schemaVersion: Int, survey: String?, surveyYear: String?, interval: IntervalFacts?, codebook: CodebookFacts? = nil,
                aggregate: Aggregate? = nil, results: [Result], diagnostics: Counts?, notes: [String]) {
        self.schemaVersion = schemaVersion
        self.survey = survey
        self.surveyYear = surveyYear
        self.interval = interval
        self.codebook = codebook
        self.aggregate = aggregate
        self.results = results
        self.diagnostics = diagnostics
        self.notes = notes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        survey = try c.decodeIfPresent(String.self, forKey: .survey)
        surveyYear = try c.decodeIfPresent(String.self, forKey: .surveyYear)
        interval = try c.decodeIfPresent(IntervalFacts.self, forKey: .interval)
        aggregate = try c.decodeIfPresent(Aggregate.self, forKey: .aggregate)
        results = try c.decode([Result].self, forKey: .results)
        diagnostics = try c.decodeIfPresent(Counts.self, forKey: .diagnostics)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        codebook = try c.decodeIfPresent(CodebookFacts.self, forKey: .codebook)
    }

    /// The contract's key order (README "Output contract").
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encodeIfPresent(survey, forKey: .survey)
        try c.encodeIfPresent(surveyYear, forKey: .surveyYear)
        try c.encodeIfPresent(interval, forKey: .interval)
        try c.encodeIfPresent(codebook, forKey: .codebook)
        try c.encodeIfPresent(aggregate, forKey: .aggregate)
        try c.encode(results, forKey: .results)
        try c.encodeIfPresent(diagnostics, forKey: .diagnostics)
        try c.encode(notes, forKey: .notes)
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, survey, surveyYear, interval, codebook, aggregate, results, diagnostics, notes
    }

    public enum DecodeError: Error, CustomStringConvertible, Equatable {
        case notResults(String)
        case unsupportedVersion(Int)
        public var description: String {
            switch self {
            case let .notResults(reason): return "not a results JSON written by `caresurvey measures` (\(reason))"
            case let .unsupportedVersion(v): return "results JSON schemaVersion \(v) is not supported (this version reads 1)"
            }
        }
    }

    /// Reads a results JSON. Errors say what is wrong (not JSON, a missing field and where, a newer schema).
    public static func decode(_ data: Data) throws(DecodeError) -> ResultsFile {
        let file: ResultsFile
        do { file = try JSONDecoder().decode(ResultsFile.self, from: data) } catch let error as DecodingError {
            throw .notResults(Self.describe(error))
        } catch {
            throw .notResults("not valid JSON")
        }
        guard file.schemaVersion == 1 else { throw .unsupportedVersion(file.schemaVersion) }
        return file
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        }
        switch error {
        case let .keyNotFound(key, context): return "no \"\(key.stringValue)\" at \(path(context).isEmpty ? "the top" : path(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context): return "unexpected value at \(path(context)): \(context.debugDescription)"
        case let .dataCorrupted(context): return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context))"
        @unknown default: return "unreadable"
        }
    }
}
