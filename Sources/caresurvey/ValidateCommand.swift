import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyReports
import SurveyFiles

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check returns against the codebook: every problem with file, sheet, row, column and rule.",
        discussion: """
        Exit status: 0 no errors (warnings allowed), 1 errors found, 3 no file could be read.
        Example: caresurvey validate returns/ --format csv --output problems.csv
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var out: OutputOptions
    @OptionGroup var data: DataOptions

    static let formats: [OutputFormat] = [.text, .csv, .json, .xlsx]

    func validate() throws {
        if input.returns.isEmpty { throw ValidationError("give one or more return files or folders") }
        try out.check(writes: Self.formats, inputs: input.returns)
    }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit()
            let loaded = toolkit.load(input.returns, options: input.loadOptions)
            let survey = loaded.table.map { "\($0.codebook.survey) \($0.codebook.surveyYear)" }
            if let survey, isatty(STDERR_FILENO) != 0 { note("Read as \(survey)") }
            let rates = loaded.table.flatMap { try? toolkit.score($0) }.map(ResponseRates.compute) ?? []
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json, .html: text = ValidationOutput.json(summary: loaded.summary, files: loaded.files, diagnostics: loaded.diagnostics,
                                                            survey: survey, responseRates: rates)
            case .csv: text = ValidationOutput.csv(loaded.diagnostics)
            case .text: text = ValidationOutput.text(summary: loaded.summary, files: loaded.files, diagnostics: loaded.diagnostics,
                                                     responseRates: rates)
            case .xlsx:
                let s = loaded.summary
                let summary = "Rows read: \(s.rowsRead) (\(s.respondents) respondents); errors: \(s.errors); warnings: \(s.warnings)."
                try out.emitWorkbook(title: "Validation of the returns\(survey.map { " (\($0))" } ?? "") (CareSurvey validate)",
                                     tables: [ValidationOutput.table(loaded.diagnostics)],
                                     notes: [summary, "Severity: error (the value is treated as missing) or warning (kept, but check it). Rows are spreadsheet rows (1-based) for workbooks and line numbers for CSV files."],
                                     inputs: LoadedInputs.paths(input.returns))
                text = ""
            }
            if try out.resolvedFormat(Self.formats) != .xlsx { try out.emit(text, inputs: LoadedInputs.paths(input.returns)) }
            if loaded.table == nil {
                note("caresurvey: no return could be read (\(loaded.files.count) files; the reasons are in the output)")
                return 3
            }
            return loaded.summary.errors > 0 ? 1 : 0
        }
    }
}

/// Every input file, for refusing to write over one.
enum LoadedInputs {
    static func paths(_ given: [String]) -> [String] { ReturnLoader.expand(given) }
}

