import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyFiles

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json, html
}

/// Returns to read and how to interpret them.
struct InputOptions: ParsableArguments {
    @Argument(help: "Return files (.xlsx or .csv, recognised by content) and folders of them.")
    var returns: [String] = []

    @Option(help: "Survey: ascs or sace (default: detected from the columns).")
    var survey: String?

    @Option(name: .customLong("survey-year"), help: "Survey year, e.g. 2021-22 (default: detected from the columns).")
    var surveyYear: String?

    @Option(help: "Council code for returns that have none (column A and the Sign Off Sheet empty).")
    var council: String?

    var loadOptions: LoadOptions { LoadOptions(survey: survey, surveyYear: surveyYear, council: council) }

    func validate() throws {
        if let survey, !["ascs", "sace"].contains(survey.lowercased()) {
            throw ValidationError("--survey must be ascs or sace")
        }
    }
}

/// Where and how to write.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, csv or json (default: text on a terminal, json otherwise).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func resolvedFormat(default fallback: OutputFormat = .json) -> OutputFormat {
        if let format { return format }
        if output == nil, isatty(STDOUT_FILENO) != 0 { return .text }
        return fallback
    }

    /// Writes the text to the output file or standard output.
    func emit(_ text: String, inputs: [String]) throws {
        if let output {
            do { try OutputFile.write(text, to: output, inputs: inputs) } catch {
                throw CLIFailure(message: error.description, code: 3)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
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
    var interval: String = "wald"

    @Option(help: "Confidence level.")
    var level: Double = 0.95

    @Option(name: .customLong("domains"), help: "Domain method: published (default) or design.")
    var domainMethod: String = "published"

    @Option(name: .customLong("single-respondent"), help: "Single-respondent cells: certainty (zero variance; default), average, fail.")
    var singleRespondent: String = "certainty"

    @Option(name: .customLong("suppress-below"), help: "Disclosure control: suppress counts below N ([c]; zero is [x]). 0 turns it off.")
    var suppressBelow: Int = 3

    func validate() throws {
        guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1") }
        guard suppressBelow >= 0 else { throw ValidationError("--suppress-below must be 0 or more") }
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
    do {
        code = try body()
    } catch let failure as CLIFailure {
        FileHandle.standardError.write(Data("caresurvey: \(failure.message)\n".utf8))
        throw ExitCode(failure.code)
    } catch let error as PipelineError {
        FileHandle.standardError.write(Data("caresurvey: \(error.description)\n".utf8))
        throw ExitCode(error.exitCode)
    }
    if code != 0 { throw ExitCode(code) }
}

func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
