/// What `caresurvey example` writes.
public struct ExampleOptions: Sendable {
    /// Survey codes (`ascs`, `sace`); empty: every survey with a codebook for `surveyYear`.
    public var surveys: [String] = []
    /// The survey year of the codebooks (the 2021-22 ASCS codebook is the verified one with the
    /// official Excel headers; SACE has a 2021-22 codebook too).
    public var surveyYear = "2021-22"
    public var councils = 20
    public var seed: UInt64 = 1
    /// Write the official workbooks (ASCS).
    public var writeWorkbooks = true
    /// Write workbooks for the first N councils only (nil = all).
    public var workbookCouncils: Int?
    /// The output folder: `<output>/<survey>/returns.csv`, `population.csv`, `xlsx/<council>.xlsx`.
    public var output: String

    public init(output: String) { self.output = output }

    /// Largest number of councils (three-digit codes must stay distinct).
    public static let maxCouncils = 800
}

/// One file written.
public struct ExampleFileSummary: Sendable {
    public enum Kind: String, Sendable { case returns, population, workbooks }
    public var survey: String
    public var kind: Kind
    /// The file, or for workbooks their folder.
    public var path: String
    public var files: Int
    public var rows: Int
    public var respondents: Int
    public var councils: Int
    public var bytes: Int
}

public enum ExampleError: Error, CustomStringConvertible {
    case invalidOption(String)
    case noCodebook(survey: String, year: String, available: [String])
    case write(String)
    /// The example profiles file is missing, broken or too new.
    case invalidData(String)

    public var description: String {
        switch self {
        case let .invalidOption(message): return message
        case let .noCodebook(survey, year, available):
            return "no \(survey.isEmpty ? "" : survey.uppercased() + " ")\(year) questionnaire in Questionnaires/ (available: \(available.joined(separator: ", ")))"
        case let .write(message), let .invalidData(message): return message
        }
    }
}
