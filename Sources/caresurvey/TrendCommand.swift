import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyReports

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Several years of each measure: direction of travel, the recent-trend test, red–red and targets.",
        discussion: """
        Inputs of any years in any mix: published ASCOF data files (one per year; codes read in that year's numbering and joined \
        across the 2023-24 renumbering by Reference/ascof-measures.json), results JSON from `measures`, published-figures CSV \
        (measure,council,estimate,marginOfError[,surveyYear]), and returns with --returns PATH --population FILE (paired in order). \
        Each consecutive pair: z test (Holm/BH as `compare`, --adjust chooses). Recent trend: the last 5 comparable points, \
        weighted regression on intervals or the chi-squared test for trend on counts, significant when χ² > 9.5495 (99.8%) and \
        no single point flips the slope. Breaks in comparability split a series and are named. --format html: a self-contained \
        page with a table per area (sparklines, arrows and RAG, each with the test behind it).
        Example: caresurvey trend ascof-2019-20.csv ascof-2020-21.csv ascof-2021-22.csv ascof-2022-23.csv ascof-2023-24.csv --council 716
        """
    )

    @Argument(help: "ASCOF data files, results JSON from `measures`, published-figures CSV.") var inputs: [String] = []
    @Option(help: "Returns (file or folder) of one year; give each with its --population, in the same order.") var returns: [String] = []
    @Option(help: "Eligible-population file for the --returns given in the same position.") var population: [String] = []
    @Option(help: "Survey year of an input that does not say (no year column or file name), e.g. 2023-24.") var year: String?
    @Option(parsing: .singleValue, help: "Councils (CASSR codes, comma-separated or repeated); their region and England are shown too.")
    var council: [String] = []
    @Option(help: "Measures (ids or codes in either numbering, comma-separated; default: all).") var measures: String?
    @Option(help: "Targets file: measure,target[,amber] in the measure's published unit (65 for 65%).") var targets: String?
    @Option(help: "Which p drives the direction-of-travel flag: none (default), holm or bh.") var adjust: Comparison.Adjustment = .none
    @Option(help: "Significance level of the direction of travel.") var alpha: Double = 0.05
    @Option(name: .customLong("suppress-below"), help: "Changes with fewer respondents than this are shown, never flagged (0 = off).")
    var suppressBelow: Int = 3
    @OptionGroup var out: OutputOptions
    @OptionGroup var data: DataOptions

    static let formats: [OutputFormat] = [.text, .csv, .json, .xlsx, .html]

    var councils: [String] {
        council.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
    }
    var allInputs: [String] { inputs + returns + population + (targets.map { [$0] } ?? []) }

    func validate() throws {
        if inputs.isEmpty && returns.isEmpty { throw ValidationError("give the inputs: ASCOF data files, results JSON or --returns with --population") }
        if returns.count != population.count {
            throw ValidationError("give one --population per --returns (\(returns.count) --returns, \(population.count) --population)")
        }
        try Check.inputs(inputs, "inputs", folders: false)
        try Check.inputs(returns, "--returns", folders: true)
        try Check.inputs(population + (targets.map { [$0] } ?? []), "--population/--targets", folders: false)
        try Check.surveyYear(year, "--year")
        for c in councils { try Check.council(c, "--council") }
        if let measures, measures.split(separator: ",", omittingEmptySubsequences: false).contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--measures: an empty measure code was given")
        }
        try Check.open01(alpha, "--alpha")
        try Check.nonNegative(suppressBelow, "--suppress-below")
        try out.check(writes: Self.formats, inputs: allInputs)
    }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit()
            let pairs = zip(returns, population).map { ReturnsInput(paths: [$0], populations: [$1]) }
            let loaded = try toolkit.trendInputs(inputs, returns: pairs, year: year)
            var options = TrendOptions()
            options.councils = councils
            options.measures = measures.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            if let targets { options.targets = try toolkit.targets(path: targets, catalogue: loaded.catalogue) }
            options.change.alpha = alpha
            options.change.adjust = adjust
            options.change.suppressBelow = suppressBelow
            let run = try toolkit.trend(loaded, options: options)
            if run.trends.isEmpty { throw CLIFailure(message: "no series: the inputs have no figures for the councils and measures asked for", code: 1) }
            let context = TrendJSON.Context(adjust: adjust, alpha: alpha, diagnostics: run.diagnostics, notes: run.notes)
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json: text = TrendJSON.render(run.trends, context: context)
            case .csv: text = TrendCSV.render(run.trends)
            case .xlsx:
                try out.emitWorkbook(title: "Trends (CareSurvey trend)", tables: [TrendCSV.table(run.trends)],
                                     notes: run.notes + ReportNotes.markers(suppressBelow: suppressBelow), inputs: allInputs + run.paths)
                return 0
            case .html: text = TrendHTML.render(run.trends, context: context, sources: run.paths)
            case .text: text = TrendText.render(run.trends, context: context)
            }
            try out.emit(text, inputs: allInputs + run.paths)
            return 0
        }
    }
}
