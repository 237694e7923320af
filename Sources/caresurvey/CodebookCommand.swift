import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyFiles
import SurveyModel
import SurveyReports

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Print, check or import the codebooks and measure definitions.",
        discussion: """
        caresurvey codebook --survey ascs --survey-year 2021-22     the codebook in use and its status
        caresurvey codebook --check [FILE…]                          check codebook files (default: every one in use)
        caresurvey codebook import TEMPLATE.xlsx -o NEW.json         a codebook from an official blank data-return workbook
        """,
        subcommands: [CodebookShowCommand.self, CodebookImportCommand.self],
        defaultSubcommand: CodebookShowCommand.self
    )
}

struct CodebookShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the codebooks and measure definitions in use, and whether each is verified or provisional.",
        discussion: "Example: caresurvey codebook --survey ascs --survey-year 2021-22"
    )

    @Option(help: SurveyChoice.help("default: all")) var survey: SurveyChoice?
    @Option(name: .customLong("survey-year"), help: "Survey year (default: all).") var surveyYear: String?
    @Flag(help: "Print the codebook file itself (JSON).") var json = false
    @Flag(help: "Check codebook files (default: every codebook in use): exit 1 with the file and JSON path of each problem.") var check = false
    @Argument(help: "Codebook files to check (with --check).") var files: [String] = []
    @OptionGroup var data: DataOptions


    func validate() throws {
        try Check.surveyYear(surveyYear, "--survey-year")
        try Check.inputs(files, "--check", folders: false)
    }

    func run() throws {
        try runReporting {
            if check || !files.isEmpty { return try runCheck() }
            let toolkit = try data.loadToolkit(survey: survey)
            let books = toolkit.codebooks.filter { cb in
                (survey.map { $0.rawValue == cb.survey.lowercased() } ?? true) && (surveyYear.map { $0 == cb.surveyYear } ?? true)
            }
            guard !books.isEmpty else { throw CLIFailure(message: "no codebook matches", code: 2) }
            var text = DataFilesText.inUse(toolkit.files) + "\n"
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

extension CodebookShowCommand {
    /// `--check`: the files given, or every codebook in use (its own file if it has one).
    func runCheck() throws -> Int32 {
        let toolkit = try data.loadToolkit()
        var outcomes: [CodebookFileCheck.Outcome] = []
        if files.isEmpty {
            let inUse: [(file: DataFile, codebook: Codebook)]
            do { inUse = try toolkit.data.codebookFiles() } catch { throw CLIFailure(message: error.description, code: 3) }
            for (file, cb) in inUse {
                outcomes.append(.init(path: file.location, codebook: cb.id, problems: CodebookCheck.problems(cb, models: toolkit.models), unreadable: nil))
            }
        } else {
            outcomes = files.map { CodebookFileCheck.check(path: $0, models: toolkit.models) }
        }
        FileHandle.standardOutput.write(Data(CodebookFileCheck.text(outcomes).utf8))
        let unreadable = outcomes.filter { $0.unreadable != nil }
        if !unreadable.isEmpty {
            note("caresurvey: \(unreadable.count) codebook file\(unreadable.count == 1 ? "" : "s") could not be read: \(unreadable.map(\.path).joined(separator: ", "))")
            return 3
        }
        return outcomes.allSatisfy(\.passed) ? 0 : 1
    }
}

struct CodebookImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a codebook from an official blank data-return workbook, carrying the measures over from the previous year.",
        discussion: """
        Fields, header texts, codes and labels come from the workbook's data sheet and codes sheet; validation rules, \
        strata, derived variables, population sets, measures, tables and domains are carried over from the previous \
        codebook (--from, default the latest one of the survey in use) by matching question text and answer labels, \
        and re-pointed at the new numbers. The change report says what changed; anything that could not be settled is \
        an open point, listed in the new codebook, which is then provisional. References that cannot be re-pointed are refused.

        Example: caresurvey codebook import ascs-data-return-2022-23-blank.xlsx --from Questionnaires/ascs-2021-22.json -o ascs-2022-23.json
        """
    )

    @Argument(help: "The blank data-return workbook (.xlsx).") var template: String
    @Option(help: SurveyChoice.help("default: that of the previous codebook")) var survey: SurveyChoice?
    @Option(name: .customLong("survey-year"), help: "Survey year, e.g. 2022-23 (wins over the year the workbook names).") var surveyYear: String?
    @Option(help: "The previous year's codebook file (default: the latest codebook in use for the survey).") var from: String?
    @Option(name: .customLong("codes-sheet"), help: "The codes sheet's name (default: the data sheet's name + \" - Codes\").") var codesSheet: String?
    @Option(name: .shortAndLong, help: "Write the new codebook here (atomically).") var output: String
    @Option(help: "Also write the change report as JSON to this file.") var report: String?
    @Option(help: "Change report on standard output: text (default) or json.") var format: String = "text"
    @OptionGroup var data: DataOptions

    func validate() throws {
        if !["text", "json"].contains(format) { throw ValidationError("--format must be text or json") }
        try Check.surveyYear(surveyYear, "--survey-year")
        try Check.inputs([template], "the template", folders: false)
        try Check.inputs(from.map { [$0] } ?? [], "--from", folders: false)
        let inputs = [template] + (from.map { [$0] } ?? [])
        try Check.output(output, "--output", inputs: inputs)
        try Check.output(report, "--report", inputs: inputs)
    }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit(survey: survey)
            let previous: Codebook
            if let from {
                do { previous = try DataDirectory.decode(Codebook.self, at: URL(fileURLWithPath: from)) } catch {
                    throw CLIFailure(message: "\(error)", code: 3)
                }
            } else {
                guard let found = CodebookImporter.defaultPrevious(template: template, survey: survey?.rawValue, surveyYear: surveyYear,
                                                                   in: toolkit.codebooks) else {
                    throw CLIFailure(message: "no codebook in use reads this workbook's data sheet; give the previous year's codebook with --from", code: 2)
                }
                previous = found
            }
            let importer = CodebookImporter(previous: previous, models: toolkit.models, options: .init(survey: survey?.rawValue, surveyYear: surveyYear))
            let result: CodebookImporter.Result
            do { result = try importer.importTemplate(path: template, codesSheet: codesSheet) } catch let error as CodebookImporter.ImportError {
                if case .template = error { throw CLIFailure(message: error.description, code: 3) }
                throw CLIFailure(message: error.description, code: 1)
            }
            let inputs = [template] + (from.map { [$0] } ?? [])
            do {
                try OutputFile.write(CodebookText.json(result.codebook), to: output, inputs: inputs)
                if let report { try OutputFile.write(CodebookImportText.json(result.report), to: report, inputs: inputs) }
            } catch { throw CLIFailure(message: "\(error)", code: 3) }
            let text = format == "json" ? CodebookImportText.json(result.report)
                : CodebookImportText.render(result.report, status: result.codebook.status, output: output)
            FileHandle.standardOutput.write(Data(text.utf8))
            return 0
        }
    }
}
