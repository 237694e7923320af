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
}

