import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyFiles

struct ScoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "One row per respondent: council, serial, stratum, every measure's value (flags 0/1, scores) and weights.",
        discussion: """
        For checking and for your own analysis. Weights (eligible population / valid answers in the cell, per measure) \
        are included when --population is given. This output identifies respondents by serial number: keep it private.
        Example: caresurvey scores Examples/ascs/returns.csv --population Examples/ascs/population.csv -o scores.csv
        """
    )

    @OptionGroup var input: InputOptions
    @Option(name: .customLong("population"), help: "Eligible-population file(s), for the weights.") var population: [String] = []
    @OptionGroup var out: OutputOptions
    @OptionGroup var data: DataOptions

    /// CSV by default, on a terminal too (one row per respondent is a table, not text).
    static let formats: [OutputFormat] = [.csv, .json]

    func validate() throws {
        try Check.inputs(population, "--population", folders: false)
        try out.check(writes: Self.formats, inputs: input.returns + population)
    }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit(survey: input.survey)
            let prepared = try toolkit.prepare(returns: input.returns, populationFiles: population, options: input.loadOptions,
                                               requirePopulations: false)
            let table = RespondentScores.table(prepared)
            let text = try out.resolvedFormat(Self.formats, default: .csv) == .json ? table.json() : table.csv()
            try out.emit(text, inputs: ReturnLoader.expand(input.returns + population))
            return 0
        }
    }
}
