import Foundation

/// The results JSON of `caresurvey measures` (schemaVersion 1; README "Output contract", cli.md) as
/// one `Codable` model of what `MeasuresJSON` writes; `ResultsFile.decode` reads it back (tested
/// round trip). Every reader of a results file (compare, report `--previous`, benchmark, trend)
/// uses `decode`; nothing parses the file by hand.
public struct ResultsFile: Sendable, Hashable, Codable {
    public var schemaVersion: Int
    public var survey: String?
    public var surveyYear: String?
    public var interval: IntervalFacts?
    public var results: [Result]
    public var diagnostics: Counts?
    public var notes: [String]
    /// The codebook the results were computed with and its status (a provisional one is flagged).
    public var codebook: CodebookFacts?

    public struct CodebookFacts: Sendable, Hashable, Codable {
        public var id: String?
        public var status: Status?
        public init(id: String?, status: Status?) { self.id = id; self.status = status }
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
        public var group: GroupKey
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

        public init(measure: String, formerCode: String?, name: String?, kind: Measure.Kind?, group: GroupKey,
                    estimate: Double?, standardError: Double?, lower: Double?, upper: Double?, respondents: Respondents?,
                    population: Double?, cells: Int?, singleRespondentCells: Int?, designEffect: Double?,
                    suppressed: Bool, notes: [String], caveat: String? = nil) {
            self.measure = measure
            self.formerCode = formerCode
            self.name = name
            self.kind = kind
            self.group = group
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
            group = try c.decode(GroupKey.self, forKey: .group)
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

    public init(schemaVersion: Int, survey: String?, surveyYear: String?, interval: IntervalFacts?, results: [Result],
                diagnostics: Counts?, notes: [String]) {
        self.schemaVersion = schemaVersion
        self.survey = survey
        self.surveyYear = surveyYear
        self.interval = interval
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
        results = try c.decode([Result].self, forKey: .results)
        diagnostics = try c.decodeIfPresent(Counts.self, forKey: .diagnostics)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        codebook = try c.decodeIfPresent(CodebookFacts.self, forKey: .codebook)
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
