import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyFiles

/// `--data DIR`: the user's folder of survey content that overrides or adds to the built-in copy.
/// Every command that reads survey content has it, as its own option group (one line per command).
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "Folder whose Questionnaires/, Weights/ or Reference/ files override or add to the built-in survey content (default: $CARESURVEY_DATA; `caresurvey codebook` shows the files in use).",
        valueName: "dir"))
    var folder: String?

    func validate() throws {
        if let folder, folder.isEmpty { throw ValidationError("--data needs a folder") }
    }

    /// The survey content in use; a missing folder or a broken file is an error naming it (exit 3).
    /// A `--survey` that no codebook in use has is a usage error (exit 2) listing those there are.
    func loadToolkit(survey: SurveyChoice? = nil) throws -> Toolkit {
        let toolkit: Toolkit
        do { toolkit = try Toolkit.locate(dataOption: folder) } catch { throw CLIFailure(message: error.description, code: 3) }
        if let survey, !toolkit.surveys.contains(survey.rawValue) {
            throw CLIFailure(message: "--survey \(survey.rawValue): no codebook in use is of that survey; surveys in use: \(toolkit.surveys.joined(separator: ", "))"
                             + " (a new survey's codebook goes in a --data folder's Questionnaires/)", code: 2)
        }
        return toolkit
    }
}
