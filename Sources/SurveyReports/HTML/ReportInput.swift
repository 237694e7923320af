import SurveyModel
import SurveyEstimation

/// Everything the HTML report shows, already computed. Built by `CareSurveyKit` from prepared
/// returns; rendering is a pure function of this value (no clock, no file system), so the same
/// input always gives the same bytes.
public struct ReportInput: Sendable {
    /// Every measure for every council and England (disclosure control applied).
    public var measures: MeasuresReport
    /// Every question's answer distribution for every council and England.
    public var tables: MeasuresReport
    /// Year-on-year comparisons (previous → current) for every measure and group, when `--previous` was given.
    public var comparisons: [Comparison]?
    /// Where the previous figures came from, when given.
    public var previous: PreviousFigures?
    /// What the read of the returns accounted for.
    public var summary: ReadSummary
    /// One entry per input file; `path` is shown as given here (pass file names, not absolute paths).
    public var files: [FileReport]
    /// Errors and warnings per validation rule (returns and populations).
    public var diagnosticCounts: [RuleCount]
    public var codebook: Codebook
    /// Councils in the returns (codes, sorted).
    public var councils: [String]
    /// Respondents (Response = 1) per council code.
    public var respondentsByCouncil: [String: Int]
    /// The council the report is about; nil = all councils (England values lead).
    public var focusCouncil: String?
    public var method: MethodFacts
    /// Notes of the analysis (population fall-backs, excluded respondents, …).
    public var notes: [String]
    /// Shown in the footer, e.g. `caresurvey report`.
    public var generatedBy: String

    public init(measures: MeasuresReport, tables: MeasuresReport, comparisons: [Comparison]?, previous: PreviousFigures?,
                summary: ReadSummary, files: [FileReport], diagnosticCounts: [RuleCount], codebook: Codebook,
                councils: [String], respondentsByCouncil: [String: Int], focusCouncil: String?, method: MethodFacts, notes: [String], generatedBy: String) {
        self.measures = measures
        self.tables = tables
        self.comparisons = comparisons
        self.previous = previous
        self.summary = summary
        self.files = files
        self.diagnosticCounts = diagnosticCounts
        self.codebook = codebook
        self.councils = councils
        self.respondentsByCouncil = respondentsByCouncil
        self.focusCouncil = focusCouncil
        self.method = method
        self.notes = notes
        self.generatedBy = generatedBy
    }

    /// How many diagnostics broke one rule.
    public struct RuleCount: Sendable, Hashable {
        public var rule: String
        public var severity: Diagnostic.Severity
        public var count: Int
        public init(rule: String, severity: Diagnostic.Severity, count: Int) {
            self.rule = rule
            self.severity = severity
            self.count = count
        }
    }

    /// The previous year's figures: what they were read from.
    public struct PreviousFigures: Sendable, Hashable {
        /// `results JSON`, `published figures` or `returns`.
        public var kind: String
        /// File names (not paths).
        public var files: [String]
        public var surveyYear: String?
        public var notes: [String]
        public init(kind: String, files: [String], surveyYear: String?, notes: [String]) {
            self.kind = kind
            self.files = files
            self.surveyYear = surveyYear
            self.notes = notes
        }
    }

    /// The choices behind the numbers, for the method notes.
    public struct MethodFacts: Sendable, Hashable {
        public var interval: IntervalMethod
        public var level: Double
        public var suppressBelow: Int
        public var singleRespondent: SingleRespondentPolicy
        public var alpha: Double
        public var adjust: Comparison.Adjustment
        /// Score models (ASCOT weights, regression coefficients) the measures use.
        public var scoreModels: [ScoreModelFact]
        public init(interval: IntervalMethod, level: Double, suppressBelow: Int, singleRespondent: SingleRespondentPolicy,
                    alpha: Double, adjust: Comparison.Adjustment, scoreModels: [ScoreModelFact]) {
            self.interval = interval
            self.level = level
            self.suppressBelow = suppressBelow
            self.singleRespondent = singleRespondent
            self.alpha = alpha
            self.adjust = adjust
            self.scoreModels = scoreModels
        }
    }

    public struct ScoreModelFact: Sendable, Hashable {
        public var id: String
        public var name: String
        public var status: Status
        public var source: String
        public var year: String?
        public init(id: String, name: String, status: Status, source: String, year: String?) {
            self.id = id
            self.name = name
            self.status = status
            self.source = source
            self.year = year
        }
    }
}
