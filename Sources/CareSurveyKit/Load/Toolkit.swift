import Foundation
import SurveyModel
import SurveyFiles
import SurveyScoring

/// The survey content in use: codebooks from `Questionnaires/` and score models from `Weights/`
/// (built in, or overridden by a data folder: see `DataDirectory`).
public struct Toolkit: Sendable {
    public let data: DataDirectory
    public let codebooks: [Codebook]
    public let models: [String: ScoreModel]
    /// The files the codebooks and score models were read from, and the reference files in use,
    /// each with its origin (built-in or a path).
    public let files: [DataFile]

    public init(data: DataDirectory) throws(DataDirectory.LoadError) {
        self.data = data
        let books = try data.codebookFiles()
        let models = try data.scoreModelFiles()
        self.codebooks = books.map(\.codebook)
        self.models = Dictionary(models.map { ($0.model.id, $0.model) }, uniquingKeysWith: { _, last in last })
        self.files = books.map(\.file) + models.map(\.file) + (try data.files(in: "Reference"))
    }

    /// The built-in content, overridden by the `--data` folder if given, else by `CARESURVEY_DATA`
    /// (see `DataDirectory.locate`).
    public static func locate(dataOption: String? = nil) throws(DataDirectory.LoadError) -> Toolkit {
        try Toolkit(data: DataDirectory.locate(dataOption: dataOption))
    }

    /// The survey codes of the codebooks in use, lower case, first appearance first (`ascs`, `sace`).
    public var surveys: [String] {
        var seen: [String] = []
        for cb in codebooks where !seen.contains(cb.survey.lowercased()) { seen.append(cb.survey.lowercased()) }
        return seen
    }

    /// The codebook for a survey and year, or the latest year of the survey.
    public func codebook(survey: String, year: String?) -> Codebook? {
        let matching = codebooks.filter { $0.survey.lowercased() == survey.lowercased() }
        if let year { return matching.first { $0.surveyYear == year } }
        return matching.last
    }

    /// Reads returns with the toolkit's codebooks.
    public func load(_ paths: [String], options: LoadOptions = LoadOptions()) -> LoadedReturns {
        ReturnLoader.load(paths: paths, codebooks: codebooks, options: options)
    }

    /// Scores every respondent.
    public func score(_ table: ResponseTable) throws(ScoringError) -> ScoredReturns {
        try Scorer(codebook: table.codebook, models: models).score(table)
    }
}
