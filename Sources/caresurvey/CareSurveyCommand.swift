import ArgumentParser
import Foundation

@main
struct CareSurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caresurvey",
        abstract: "Process the Adult Social Care Survey (ASCS) and the Survey of Adult Carers in England (SACE).",
        discussion: """
        Reads council data returns (the official .xlsx workbook or tidy CSV), validates every value against the \
        questionnaire's codebook, weights by the stratified design, scores quality of life, and estimates every \
        ASCOF survey measure with standard errors and confidence intervals, for councils, groups and England.

        Survey content (codebooks, measures, ASCOT weights) is data in Questionnaires/ and Weights/, built into the \
        program; a folder given by --data DIR (or CARESURVEY_DATA) overrides or adds files. Content marked \
        provisional (the ASCS 2022-23 numbering, the SACE codebooks) is the best available reading of public \
        material: check `caresurvey codebook`.

        Example: caresurvey measures Examples/ascs/returns.csv --population Examples/ascs/population.csv
        """,
        // The full text lists (and reads) every built-in data file: worked out only when asked for,
        // not at every start.
        version: CommandLine.arguments.dropFirst().contains("--version") ? VersionText.text : VersionText.version,
        subcommands: [ValidateCommand.self, MeasuresCommand.self, TablesCommand.self, ScoresCommand.self,
                      CompareCommand.self, TrendCommand.self, BenchmarkCommand.self, ReportCommand.self, PlanCommand.self, ExampleCommand.self, CodebookCommand.self]
    )

    /// Runs the command; usage errors exit with 2 (cli.md) rather than ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error).rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
