import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyReports

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Print the codebooks and measure definitions in use, and whether each is verified or provisional.",
        discussion: "Example: caresurvey codebook --survey ascs --survey-year 2021-22"
    )

    @Option(help: "Survey: ascs or sace (default: all).") var survey: SurveyChoice?
    @Option(name: .customLong("survey-year"), help: "Survey year (default: all).") var surveyYear: String?
    @Flag(help: "Print the codebook file itself (JSON).") var json = false

    func validate() throws { try Check.surveyYear(surveyYear, "--survey-year") }

    func run() throws {
        try runReporting {
            let toolkit = try loadToolkit()
            let books = toolkit.codebooks.filter { cb in
                (survey.map { $0.rawValue == cb.survey.lowercased() } ?? true) && (surveyYear.map { $0 == cb.surveyYear } ?? true)
            }
            guard !books.isEmpty else { throw CLIFailure(message: "no codebook matches", code: 2) }
            var text = "Data folder: \(toolkit.data.root.path)\n\n"
            if json {
                text = books.map { CodebookText.json($0) }.joined(separator: "\n")
            } else {
                text += books.map { CodebookText.render($0, models: toolkit.models) }.joined(separator: "\n")
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            return 0
        }
    }
}
