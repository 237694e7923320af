import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyReports

/// Returns to read and how to interpret them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Return files (.xlsx or .csv, recognised by content) and folders of them.")
    var returns: [String] = []

    @Option(help: SurveyChoice.help("default: detected from the columns"))
    var survey: SurveyChoice?

    @Option(name: .customLong("survey-year"), help: "Survey year, e.g. 2021-22 (default: detected from the columns).")
    var surveyYear: String?

    @Option(help: "Council code for returns that have none (column A and the Sign Off Sheet empty).")
    var council: String?

    @Flag(name: .customLong("force-codebook"), help: CompletenessFlags.forceHelp)
    var forceCodebook = false

    @Flag(name: .customLong("allow-partial"), help: CompletenessFlags.partialHelp)
    var allowPartial = false

    var loadOptions: LoadOptions {
        CompletenessFlags(forceCodebook: forceCodebook, allowPartial: allowPartial)
            .apply(LoadOptions(survey: survey?.rawValue, surveyYear: surveyYear, council: council))
    }

    func validate() throws {
        try Check.inputs(returns, "returns", folders: true)
        try Check.surveyYear(surveyYear, "--survey-year")
        try Check.council(council, "--council")
    }
}

/// What to do when input does not fit or is incomplete (default: stop with the reasons).
struct CompletenessFlags: ParsableArguments {
    static let forceHelp: ArgumentHelp = "Read returns with the chosen --survey/--survey-year even when their columns fit another codebook or lack mandatory columns (every output then carries a warning)."
    static let partialHelp: ArgumentHelp = "Use what could be read when some input files or population rows cannot be used, or a council is given twice (the outputs say what was left out)."

    @Flag(name: .customLong("force-codebook"), help: forceHelp)
    var forceCodebook = false

    @Flag(name: .customLong("allow-partial"), help: partialHelp)
    var allowPartial = false

    init() {}
    init(forceCodebook: Bool, allowPartial: Bool) {
        self.forceCodebook = forceCodebook
        self.allowPartial = allowPartial
    }

    func apply(_ options: LoadOptions) -> LoadOptions {
        var o = options
        o.forceCodebook = forceCodebook
        o.allowPartial = allowPartial
        return o
    }
}

/// Where and how to write. Each command says which formats it writes (`resolvedFormat(_:)`).
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format (default: the extension of --output; else text on a terminal, json otherwise).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file (atomically; never over an input) instead of standard output.")
    var output: String?

    /// `--format`, else the format `--output`'s extension names, else text on a terminal and
    /// `fallback` otherwise. A format the command cannot write is a usage error.
    func resolvedFormat(_ writes: [OutputFormat], default fallback: OutputFormat = .json) throws -> OutputFormat {
        let chosen: OutputFormat
        if let format {
            chosen = format
        } else if let output, let byName = OutputFormat(extensionOf: output) {
            guard writes.contains(byName) else {
                throw ValidationError("--output \(output): this command cannot write \(byName.rawValue) (it writes \(OutputFormat.list(writes))); give --format or another file name")
            }
            chosen = byName
        } else if output == nil, isatty(STDOUT_FILENO) != 0, writes.contains(.text) {
            chosen = .text
        } else {
            chosen = fallback
        }
        guard writes.contains(chosen) else {
            throw ValidationError("--format \(chosen.rawValue): this command writes \(OutputFormat.list(writes))")
        }
        return chosen
    }

    /// Checks the format and the output path before any work is done.
    func check(writes: [OutputFormat], inputs: [String]) throws {
        let format = try resolvedFormat(writes, default: writes.contains(.json) ? .json : writes[0])
        if format == .xlsx, output == nil { throw ValidationError("--format xlsx needs -o FILE.xlsx (a workbook is not written to standard output)") }
        try Check.output(output, "--output", inputs: inputs)
    }

    /// Writes a workbook of tables (Contents, Notes, one table per sheet) to the output file.
    func emitWorkbook(title: String, tables: [ReportTable], notes: [String], inputs: [String]) throws {
        guard let output else { throw CLIFailure(message: "--format xlsx needs -o FILE.xlsx", code: 2) }
        do { try ReportWorkbook.write(title: title, tables: tables, notes: notes, to: output, inputs: inputs) } catch {
            throw CLIFailure(message: "\(error)", code: 3)
        }
    }

    /// Writes the text to the output file or standard output.
    func emit(_ text: String, inputs: [String]) throws {
        if let output {
            try Self.write(text, to: output, inputs: inputs)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Writes a file atomically: over an input is a usage error (2), any other failure exit 3.
    static func write(_ text: String, to path: String, inputs: [String]) throws {
        do throws(OutputFile.WriteError) { try OutputFile.write(text, to: path, inputs: inputs) } catch {
            if case .wouldOverwriteInput = error { throw CLIFailure(message: error.description, code: 2) }
            throw CLIFailure(message: error.description, code: 3)
        }
    }
}

/// Estimation choices.
struct EstimationArguments: ParsableArguments {
    @Option(name: .customLong("population"), help: "Eligible-population file(s): LaCode,AgeBand,Gender,PSRGroup,Setting,Population; LaCode,Stratum,Population; or LaCode,Population.")
    var population: [String] = []

    @Option(help: "Groups: council (each council and England; default), england, a LaCode,Group CSV file, or domains: gender, age-band, ethnicity, support-setting, psr-group, stratum (comma-separated).")
    var by: String = "council"

    @Option(help: "Interval method: wald (default, 1.96·SE as published), wald-t, wilson, logit, korn-graubard.")
    var interval: IntervalMethod = .wald

    @Option(help: "Confidence level, in (0, 1).")
    var level: Double = 0.95

    @Option(name: .customLong("domains"), help: "Domain method: published (default) or design.")
    var domainMethod: EstimationOptions.DomainMethod = .published

    @Option(name: .customLong("single-respondent"), help: "Single-respondent cells: certainty (zero variance; default), average, fail.")
    var singleRespondent: SingleRespondentPolicy = .certainty

    @Option(name: .customLong("suppress-below"), help: "Disclosure control: suppress counts below N ([c]; zero is [x]). 0 turns it off.")
    var suppressBelow: Int = 3

    func validate() throws {
        try Check.inputs(population, "--population", folders: false)
        try Check.grouping(by)
        try Check.open01(level, "--level")
        try Check.nonNegative(suppressBelow, "--suppress-below")
    }
}

/// A failure with a message and an exit status.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}

/// Runs a command body, turning failures into a message on standard error and an exit status
/// (1 data errors, 2 usage, 3 unreadable input).
func runReporting(_ body: () throws -> Int32) throws {
    let code: Int32
    let progress = ProgressNotice.start()
    defer { progress.stop() }
    do {
        code = try body()
    } catch let failure as CLIFailure {
        progress.stop()
        FileHandle.standardError.write(Data("caresurvey: \(failure.message)\n".utf8))
        throw ExitCode(failure.code)
    } catch let error as PipelineError {
        progress.stop()
        FileHandle.standardError.write(Data("caresurvey: \(error.description)\n".utf8))
        throw ExitCode(error.exitCode)
    }
    if code != 0 { throw ExitCode(code) }
}

func note(_ text: String) {
    ProgressNotice.clearLine()
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
