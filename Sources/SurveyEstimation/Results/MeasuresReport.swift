import SurveyModel

/// The result of `measures`: every measure for every group, with intervals and disclosure control.
public struct MeasuresReport: Sendable {
    public init(survey: String, surveyYear: String, interval: IntervalMethod, level: Double, results: [MeasureResult], errors: Int, warnings: Int, notes: [String]) {
        self.survey = survey
        self.surveyYear = surveyYear
        self.interval = interval
        self.level = level
        self.results = results
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }

    public var survey: String
    public var surveyYear: String
    public var interval: IntervalMethod
    public var level: Double
    public var results: [MeasureResult]
    public var errors: Int
    public var warnings: Int
    public var notes: [String]
    /// What the aggregate of all loaded councils is called: `England` only when every council of
    /// the year is loaded, otherwise `all councils loaded (n)` (see `AggregateName`).
    public var aggregate = AggregateName.england
    /// The codebook the returns were read with (`ascs-2022-23`) and its status in its data file: a
    /// provisional codebook is flagged in every output.
    public var codebookID: String?
    /// What was forced or left out (`--force-codebook`, `--allow-partial`), also in `notes`: the CSV,
    /// which has no notes, carries them on every row (column `inputWarnings`).
    public var inputWarnings: [String] = []
    public var codebookStatus: Status?
    /// Whether the codebook is provisional.
    public var isProvisional: Bool { codebookStatus == .provisional }

    /// The warning every output of a provisional codebook carries (nil when verified).
    public var provisionalWarning: String? {
        guard isProvisional else { return nil }
        return "PROVISIONAL codebook \(codebookID ?? survey.lowercased() + "-" + surveyYear): its reading of the questionnaire is the best "
            + "available but not verified against the official template; check the figures before publishing them "
            + "(caresurvey codebook --survey \(survey.lowercased()) --survey-year \(surveyYear))"
    }

    /// A group's name for people: the aggregate by its honest name, other groups by `GroupKey.label`.
    public func label(of key: GroupKey) -> String { key.level == .england ? aggregate.label : key.label }
}

/// The name of the aggregate of the loaded councils. It is England only when all councils of the
/// year are loaded; a council lead who loads one council must not read "compared with England".
public struct AggregateName: Sendable, Hashable {
    /// Councils loaded.
    public var councils: Int?
    /// Whether every council of the year is loaded.
    public var isEngland: Bool

    public static let england = AggregateName(councils: nil, isEngland: true)

    public init(councils: Int?, isEngland: Bool) {
        self.councils = councils
        self.isEngland = isEngland
    }

    /// `England`, or `all councils loaded (3)`.
    public var label: String { isEngland ? "England" : "all councils loaded (\(councils.map(String.init) ?? "?"))" }
    /// `of 3 loaded` for ranks (`of 152` when complete).
    public func rankBase(_ n: Int) -> String { isEngland ? "of \(n)" : "of \(n) loaded" }
}

