import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained HTML report: headline measures, year-on-year change, benchmarking, answers, data quality.",
        discussion: """
        One HTML file with inline CSS and SVG (no scripts, no network): each measure for the focus council beside England with \
        intervals; year-on-year arrows when --previous is given (a results JSON from `measures`, a published-figures CSV, or \
        last year's returns with --previous-population); every council against England per measure; answer distributions; \
        a data-quality summary; method notes. The output is the same bytes for the same inputs.
        Example: caresurvey report Examples/ascs/returns.csv --population Examples/ascs/population.csv --council 716 \
        --previous last-year.json --output report.html
        """
    )

    @Argument(help: "Return files (.xlsx or .csv, recognised by content) and folders of them.")
    var returns: [String] = []
    @Option(help: "Survey: ascs or sace (default: detected from the columns).") var survey: String?
    @Option(name: .customLong("survey-year"), help: "Survey year, e.g. 2021-22 (default: detected from the columns).") var surveyYear: String?
    @Option(help: "The council the report is about (default: the only council, or all councils).") var council: String?
    @OptionGroup var estimation: EstimationArguments
    @Option(parsing: .upToNextOption, help: "Previous year: results JSON, published-figures CSV, or returns.") var previous: [String] = []
    @Option(name: .customLong("previous-population"), help: "Populations for the previous year's returns.") var previousPopulation: [String] = []
    @Option(name: .customLong("previous-year"), help: "Survey year of the previous figures, when the input does not say.") var previousYear: String?
    @Option(help: "Which p drives the year-on-year flag: none (default), holm or bh.") var adjust: String = "none"
    @Option(help: "Significance level for year-on-year change.") var alpha: Double = 0.05
    @Option(name: .shortAndLong, help: "The HTML file to write (atomically; never over an input).") var output: String

    func validate() throws {
        if let survey, !["ascs", "sace"].contains(survey.lowercased()) { throw ValidationError("--survey must be ascs or sace") }
        if returns.isEmpty { throw ValidationError("give the returns to report on (files or folders)") }
        if !previousPopulation.isEmpty && previous.isEmpty { throw ValidationError("--previous-population needs --previous") }
    }

    func run() throws {
        try runReporting {
            guard let adjustment = Comparison.Adjustment(rawValue: adjust) else { throw CLIFailure(message: "--adjust must be none, holm or bh", code: 2) }
            guard alpha > 0, alpha < 1 else { throw CLIFailure(message: "--alpha must be in (0, 1)", code: 2) }
            guard estimation.by == "council" else {
                throw CLIFailure(message: "report always shows each council and England; --by is not used (try `caresurvey measures --by …`)", code: 2)
            }
            let toolkit = try loadToolkit()
            let load = LoadOptions(survey: survey, surveyYear: surveyYear)
            let prepared = try toolkit.prepare(returns: returns, populationFiles: estimation.population, options: load)
            var options = ReportOptions()
            options.estimation = try estimation.options()
            options.focusCouncil = council
            options.alpha = alpha
            options.adjust = adjustment
            options.generatedBy = "caresurvey report"
            var previousFigures: YearFigures?
            if !previous.isEmpty {
                var figuresOptions = options.estimation
                figuresOptions.domains = []
                previousFigures = try toolkit.yearFigures(paths: previous, populations: previousPopulation,
                                                          options: LoadOptions(survey: survey ?? prepared.codebook.survey.lowercased(), surveyYear: previousYear),
                                                          estimation: figuresOptions)
            }
            let input = try toolkit.reportInput(prepared, options: options, previous: previousFigures, previousPaths: previous)
            let html = HTMLReport.render(input)
            let inputs = ReturnLoader.expand(returns + estimation.population + previous + previousPopulation)
            do { try OutputFile.write(html, to: output, inputs: inputs) } catch { throw CLIFailure(message: "\(error)", code: 3) }
            if prepared.errors > 0 {
                note("note: the returns have \(prepared.errors) validation errors (invalid cells were treated as missing); see the report's data-quality section")
            }
            if input.focusCouncil == nil, input.councils.count > 1 {
                note("note: no --council given; the report leads with England (all \(input.councils.count) councils)")
            }
            return 0
        }
    }
}
