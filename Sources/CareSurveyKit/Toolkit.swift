import Foundation
import SurveyModel
import SurveyFiles
import SurveyScoring

/// The survey content in use: codebooks from `Questionnaires/` and score models from `Weights/`.
public struct Toolkit: Sendable {
    public let data: DataDirectory
    public let codebooks: [Codebook]
    public let models: [String: ScoreModel]

    public init(data: DataDirectory) throws(DataDirectory.LoadError) {
        self.data = data
        self.codebooks = try data.codebooks()
        self.models = try data.scoreModels()
    }

    /// Locates the data folder (see `DataDirectory.locate`) and loads it.
    public static func locate() throws(DataDirectory.LoadError) -> Toolkit {
        try Toolkit(data: DataDirectory.locate())
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
