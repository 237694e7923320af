import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyReports
import SurveyFiles
import SurveyModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check returns against the codebook: every problem with file, sheet, row, column and rule.",
        discussion: """
        Exit status: 0 no errors (warnings allowed), 1 errors found (a return that fits another codebook, a rejected population row), 3 no file (or a population file) could be read.
        Example: caresurvey validate returns/ --format csv --output problems.csv
        --annotate OUT.xlsx (one .xlsx return): a copy of the workbook with every problem cell highlighted and \
        explained in a note, and a first sheet listing every problem with a link to its cell; everything else kept.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var out: OutputOptions
    @OptionGroup var data: DataOptions

    @Option(help: "Write a copy of the .xlsx return with the problem cells highlighted and explained (never over the input).")
    var annotate: String?

    @Option(name: .customLong("population"), help: "Eligible-population file(s) to check too: every rejected row with file, row, column, value and rule.")
    var population: [String] = []

    static let formats: [OutputFormat] = [.text, .csv, .json, .xlsx]

    func validate() throws {
        if input.returns.isEmpty { throw ValidationError("give one or more return files or folders") }
        try Check.inputs(population, "--population", folders: false)
        try out.check(writes: Self.formats, inputs: input.returns + population)
        if let annotate {
            var isFolder: ObjCBool = false
            guard input.returns.count == 1, !(FileManager.default.fileExists(atPath: input.returns[0], isDirectory: &isFolder) && isFolder.boolValue) else {
                throw ValidationError("--annotate needs exactly one .xlsx return file")
            }
            guard annotate.lowercased().hasSuffix(".xlsx") else { throw ValidationError("--annotate \(annotate): the copy must be named .xlsx") }
            try Check.output(annotate, "--annotate", inputs: input.returns)
            if let output = out.output, output == annotate { throw ValidationError("--annotate and --output name the same file") }
        }
    }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit(survey: input.survey)
            let loaded = toolkit.load(input.returns, options: input.loadOptions)
            let survey = loaded.table.map { "\($0.codebook.survey) \($0.codebook.surveyYear)" }
            if let survey, isatty(STDERR_FILENO) != 0 { note("Read as \(survey)") }
            var rates: [ResponseRate] = []
            if let table = loaded.table {
                do { rates = ResponseRates.compute(try toolkit.score(table)) } catch { note("response rates not computed: \(error)") }
            }
            var files = loaded.files
            var diagnostics = loaded.diagnostics
            var summary = loaded.summary
            if let codebook = loaded.table?.codebook, !population.isEmpty {
                let checked = PopulationInputs.check(files: population, codebook: codebook)
                files += checked.files
                diagnostics += checked.diagnostics
                summary.errors += checked.diagnostics.filter { $0.severity == .error }.count
                summary.warnings += checked.diagnostics.filter { $0.severity == .warning }.count
            }
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json, .html: text = ValidationOutput.json(summary: summary, files: files, diagnostics: diagnostics,
                                                            survey: survey, responseRates: rates)
            case .csv: text = ValidationOutput.csv(diagnostics)
            case .text: text = ValidationOutput.text(summary: summary, files: files, diagnostics: diagnostics,
                                                     responseRates: rates)
            case .xlsx:
                let s = summary
                let line = "Rows read: \(s.rowsRead) (\(s.respondents) respondents); errors: \(s.errors); warnings: \(s.warnings)."
                try out.emitWorkbook(title: "Validation of the returns\(survey.map { " (\($0))" } ?? "") (CareSurvey validate)",
                                     tables: [ValidationOutput.table(diagnostics)],
                                     notes: [line, "Severity: error (the value is treated as missing) or warning (kept, but check it). Rows are spreadsheet rows (1-based) for workbooks and line numbers for CSV files."],
                                     inputs: LoadedInputs.paths(input.returns) + population)
                text = ""
            }
            if try out.resolvedFormat(Self.formats) != .xlsx { try out.emit(text, inputs: LoadedInputs.paths(input.returns) + population) }
            if let annotate {
                guard let table = loaded.table else {
                    throw CLIFailure(message: "--annotate: \(input.returns[0]) could not be read, so there is nothing to annotate", code: 3)
                }
                do {
                    let done = try XLSXAnnotator.annotate(input.returns[0], diagnostics: loaded.diagnostics, codebook: table.codebook, to: annotate)
                    note("annotated: \(annotate) — \(done.cells) cells highlighted in \"\(done.sheet)\", \(done.problems) problems listed on \"\(done.listSheet)\"")
                } catch {
                    throw CLIFailure(message: "\(error)", code: 3)
                }
            }
            if loaded.table == nil && !diagnostics.contains(where: { $0.rule == "codebook-mismatch" }) {
                note("caresurvey: no return could be read (\(loaded.files.count) files; the reasons are in the output)")
                return 3
            }
            if files.contains(where: { $0.error != nil && $0.format == "population" }) {
                note("caresurvey: a population file could not be read (the reason is in the output)")
                return 3
            }
            return summary.errors > 0 ? 1 : 0
        }
    }
}

/// Every input file, for refusing to write over one.
enum LoadedInputs {
    static func paths(_ given: [String]) -> [String] { ReturnLoader.expand(given) }
}

