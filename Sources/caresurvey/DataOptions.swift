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
    func loadToolkit() throws -> Toolkit {
        do { return try Toolkit.locate(dataOption: folder) } catch { throw CLIFailure(message: error.description, code: 3) }
    }
}
