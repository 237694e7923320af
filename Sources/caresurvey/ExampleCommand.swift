import ArgumentParser
import Foundation
import CareSurveyKit

struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Write realistic synthetic returns and populations (CSV and the official .xlsx layout).",
        discussion: """
        Writes, for each survey: DIR/<survey>/returns.csv (tidy CSV, every codebook column), \
        DIR/<survey>/population.csv (ASCS: LaCode,AgeBand,Gender,PSRGroup,Setting,Population; SACE: LaCode,Population) \
        and, for the ASCS, DIR/ascs/xlsx/<council>.xlsx in the official data-return layout (Service User Data, \
        Sign Off Sheet, Eligible Population). Deterministic: the same seed gives byte-identical files. \
        Synthetic data only: sizes, response rates and answer shares are loosely based on published national results. The columns and codes come from \
        the codebooks in Questionnaires/ (the SACE codebooks are provisional: see `caresurvey codebook --survey sace`).

        Example: caresurvey example --councils 150 --seed 7 --output /tmp/national
        """
    )

    @Option(help: ArgumentHelp("A survey code of a codebook in use (\(SurveyChoice.builtIn)), or all (also: both).", valueName: "survey")) var survey: String = "all"
    @Option(help: "Number of councils (1–\(ExampleOptions.maxCouncils)).") var councils: Int = 20
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(name: .customLong("survey-year"), help: "Survey year of the codebooks.") var surveyYear: String = "2021-22"
    @Flag(name: .customLong("no-xlsx"), help: "Do not write the .xlsx workbooks.") var noXLSX = false
    @Option(name: .customLong("xlsx-councils"), help: "Write workbooks for the first N councils only (default: all).") var xlsxCouncils: Int?
    @Option(name: .shortAndLong, help: "Output folder (created if needed; existing files there are replaced).") var output: String
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard ["all", "both"].contains(survey.lowercased()) || SurveyChoice(argument: survey) != nil else {
            throw ValidationError("--survey must be a survey code (\(SurveyChoice.builtIn)) or all")
        }
        guard (1...ExampleOptions.maxCouncils).contains(councils) else {
            throw ValidationError("--councils must be between 1 and \(ExampleOptions.maxCouncils)")
        }
        try Check.nonNegative(xlsxCouncils, "--xlsx-councils")
        try Check.surveyYear(surveyYear, "--survey-year")
        try Check.outputFolder(output, "--output")
    }

    func run() throws {
        try runReporting {
            let all = ["all", "both"].contains(survey.lowercased())
            let toolkit = try data.loadToolkit(survey: all ? nil : SurveyChoice(argument: survey))
            var options = ExampleOptions(output: output)
            // Every survey with a codebook for the year (the list is the codebooks').
            options.surveys = all ? toolkit.surveys.filter { s in toolkit.codebooks.contains { $0.survey.lowercased() == s && $0.surveyYear == surveyYear } }
                : [survey.lowercased()]
            options.surveyYear = surveyYear
            options.councils = councils
            options.seed = seed
            options.writeWorkbooks = !noXLSX
            options.workbookCouncils = xlsxCouncils
            let summaries: [ExampleFileSummary]
            do throws(ExampleError) { summaries = try toolkit.writeExamples(options) } catch {
                switch error {
                case .write, .invalidData: throw CLIFailure(message: error.description, code: 3)
                case .invalidOption, .noCodebook: break
                }
                throw CLIFailure(message: error.description, code: 2)
            }
            for s in summaries { note(Self.describe(s)) }
            return 0
        }
    }

    static func describe(_ s: ExampleFileSummary) -> String {
        let size = ByteCountFormatter.string(fromByteCount: Int64(s.bytes), countStyle: .file)
        switch s.kind {
        case .returns:
            return "\(s.path): \(s.survey) returns, \(s.rows) rows (\(s.respondents) respondents), \(s.councils) councils, \(size)"
        case .population:
            return "\(s.path): \(s.survey) eligible populations, \(s.rows) rows, \(s.councils) councils, \(size)"
        case .workbooks:
            return "\(s.path)/: \(s.files) \(s.survey) workbooks (official layout), \(s.rows) rows (\(s.respondents) respondents), \(size)"
        }
    }
}
