import SurveyModel
import SurveyFiles

/// `Examples/example-profiles.json` (schemaVersion 1): the realism hints of the synthetic returns as
/// data, one entry per survey: a base `profile` (sizes, response rates, population cells, admin
/// fields) and, per survey year, the `answers` of that year's questionnaire (question numbers move
/// between years, so answer shares are keyed by year). A survey or year without an entry uses the
/// generic answer model. Built in like the other data files; `--data DIR` overrides it.
public struct ExampleProfileFile: Sendable, Codable {
    /// The schema version this build reads.
    public static let supportedVersion = 1
    /// The file's path relative to the data folder.
    public static let path = "Examples/example-profiles.json"

    public var schemaVersion: Int
    public var status: String?
    public var source: String?
    public var surveys: [Survey]

    public struct Survey: Sendable, Codable {
        public var survey: String
        public var profile: ExampleProfile
        /// Survey year → the answers of that year's questionnaire.
        public var answers: [String: ExampleAnswers]
    }

    /// The hints for a codebook: the survey's base profile with its year's answers, the generic
    /// model for a survey the file does not describe.
    public func profile(for codebook: Codebook) -> ExampleProfile {
        guard let entry = surveys.first(where: { $0.survey.uppercased() == codebook.survey.uppercased() }) else {
            return .generic
        }
        var profile = entry.profile
        if let answers = entry.answers[codebook.surveyYear] { profile.add(answers) }
        return profile
    }
}

/// The answer hints of one questionnaire year: shares by code, easy-read shares, codes off the
/// ordinal scale, health-driven questions, exclusive tick-all options and routing.
public struct ExampleAnswers: Sendable, Codable {
    public var shares: [String: [Int: Double]]?
    public var easyReadShares: [String: [Int: Double]]?
    public var outsideScale: [String: Set<Int>]?
    public var healthItems: Set<String>?
    public var exclusiveOptions: Set<String>?
    public var askedWhen: [String: [Condition]]?
}

extension ExampleProfile {
    /// Adds a year's answers: shares join the base shares (the base wins for a field in both), the
    /// other hints are the year's.
    mutating func add(_ answers: ExampleAnswers) {
        if let more = answers.shares { shares.merge(more) { base, _ in base } }
        if let value = answers.easyReadShares { easyReadShares = value }
        if let value = answers.outsideScale { outsideScale = value }
        if let value = answers.healthItems { healthItems = value }
        if let value = answers.exclusiveOptions { exclusiveOptions = value }
        if let value = answers.askedWhen { askedWhen = value }
    }
}

extension ExampleProfileFile {
    /// The file in use (built in, or the `--data` folder's copy); a missing, broken or too new file
    /// is an error naming it.
    public static func load(from data: DataDirectory) throws(ExampleError) -> ExampleProfileFile {
        let found: DataFile?
        do { found = try data.file(path) } catch { throw .invalidData(error.description) }
        guard let file = found else { throw .invalidData("\(path): not found (the built-in copy is missing: rebuild)") }
        let decoded: ExampleProfileFile
        do { decoded = try DataDirectory.decode(ExampleProfileFile.self, from: file) } catch { throw .invalidData(error.description) }
        guard decoded.schemaVersion <= supportedVersion else {
            throw .invalidData("\(file.location): schemaVersion \(decoded.schemaVersion) is newer than this build reads (\(supportedVersion))")
        }
        return decoded
    }
}
