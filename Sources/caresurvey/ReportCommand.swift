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
        a data-quality summary; method notes. The output is the same bytes for the same inputs. --targets adds each measure's \
        target and RAG status for the focus council.
        --dashboard: the one-page council dashboard instead, from several years of published figures (--published: ASCOF data \
        files, and the council's own unpublished year as results JSON from `measures`): per measure the years with intervals, \
        a sparkline, the recent-trend test, the direction of travel, peers (--peers), region, England, rank this year and last, \
        quartile, the value needed for the next quartile, and the target with its RAG status (--targets).
        Example: caresurvey report Examples/ascs/returns.csv --population Examples/ascs/population.csv --council 716 \
        --previous last-year.json --output report.html
        Example: caresurvey report --dashboard --council 716 --published ascof-2019-20.csv … ascof-2023-24.csv --targets targets.csv -o dashboard.html
        """
    )

    @Argument(help: "Return files (.xlsx or .csv, recognised by content) and folders of them.")
    var returns: [String] = []
    @Option(help: SurveyChoice.help("default: detected from the columns")) var survey: SurveyChoice?
    @Option(name: .customLong("survey-year"), help: "Survey year, e.g. 2021-22 (default: detected from the columns).") var surveyYear: String?
    @Option(help: "The council the report is about (default: the only council, or all councils).") var council: String?
    @OptionGroup var estimation: EstimationArguments
    @OptionGroup var completeness: CompletenessFlags
    @Option(parsing: .upToNextOption, help: "Previous year: results JSON, published-figures CSV, or returns.") var previous: [String] = []
    @Option(name: .customLong("previous-population"), help: "Populations for the previous year's returns.") var previousPopulation: [String] = []
    @Option(name: .customLong("previous-year"), help: "Survey year of the previous figures, when the input does not say.") var previousYear: String?
    @Option(help: "Which p drives the year-on-year flag: none (default), holm or bh.") var adjust: Comparison.Adjustment = .none
    @Option(help: "Significance level for year-on-year change.") var alpha: Double = 0.05
    @Option(parsing: .upToNextOption, help: "Published national figures (ASCOF data files) for a benchmarking section.") var published: [String] = []
    @Flag(help: "The one-page council dashboard from several years of --published figures (needs --council; no returns).")
    var dashboard = false
    @Option(help: "Targets file: measure,target[,amber] in the measure's published unit (65 for 65%).") var targets: String?
    @Option(help: "Peers for the dashboard: a LaCode,Group or LaCode,NeighbourLaCode[,Rank] CSV file.") var peers: String?
    @Option(name: .shortAndLong, help: "The HTML file to write (atomically; never over an input).") var output: String
    @OptionGroup var data: DataOptions

    func validate() throws {
        if dashboard {
            try validateDashboard()
        } else if returns.isEmpty {
            throw ValidationError("give the returns to report on (files or folders)" + (published.isEmpty ? "" : ", or --dashboard for the council dashboard from --published figures"))
        }
        if peers != nil && !dashboard { throw ValidationError("--peers is for --dashboard (the report's own benchmarking compares with every council)") }
        try Check.inputs([targets, peers].compactMap { $0 }, "--targets/--peers", folders: false)
        if !previousPopulation.isEmpty && previous.isEmpty { throw ValidationError("--previous-population needs --previous") }
        try Check.inputs(returns + previous, "returns", folders: true)
        try Check.inputs(previousPopulation, "--previous-population", folders: false)
        try Check.inputs(published, "--published", folders: false)
        try Check.surveyYear(surveyYear, "--survey-year")
        try Check.surveyYear(previousYear, "--previous-year")
        try Check.council(council, "--council")
        try Check.open01(alpha, "--alpha")
        let ext = (output as NSString).pathExtension.lowercased()
        if !ext.isEmpty, !["html", "htm"].contains(ext) {
            throw ValidationError("--output \(output): report writes HTML; give a .html file name")
        }
        try Check.output(output, "--output", inputs: returns + estimation.population + previous + previousPopulation + published + [targets, peers].compactMap { $0 })
    }

    func run() throws {
        if dashboard { return try runDashboard() }
        try runReporting {
            let adjustment = adjust
            guard estimation.by == "council" else {
                throw CLIFailure(message: "report always shows each council and England; --by is not used (try `caresurvey measures --by …`)", code: 2)
            }
            let toolkit = try data.loadToolkit(survey: survey)
            let load = completeness.apply(LoadOptions(survey: survey?.rawValue, surveyYear: surveyYear))
            let prepared = try toolkit.prepare(returns: returns, populationFiles: estimation.population, options: load)
            var options = ReportOptions()
            options.estimation = try estimation.options(domains: DomainVariables.names(in: toolkit.codebooks))
            options.focusCouncil = council
            options.alpha = alpha
            options.adjust = adjustment
            options.generatedBy = "caresurvey report"
            var previousFigures: YearFigures?
            if !previous.isEmpty {
                var figuresOptions = options.estimation
                figuresOptions.domains = []
                previousFigures = try toolkit.yearFigures(paths: previous, populations: previousPopulation,
                                                          options: completeness.apply(LoadOptions(survey: survey?.rawValue ?? prepared.codebook.survey.lowercased(), surveyYear: previousYear)),
                                                          estimation: figuresOptions)
            }
            let input = try toolkit.reportInput(prepared, options: options, previous: previousFigures, previousPaths: previous)
            var html = HTMLReport.render(input)
            if let targets {
                let read = try toolkit.targets(path: targets)
                html = TargetsHTML.insert(input, targets: read, into: html)
            }
            if !published.isEmpty {
                var request = BenchmarkRequest(inputs: published, focus: council)
                request.requireFocus = false
                let benchmark = try toolkit.benchmark(request)
                html = BenchmarkHTML.insert(benchmark, into: html)
            }
            let inputs = ReturnLoader.expand(returns + estimation.population + previous + previousPopulation) + published + [targets].compactMap { $0 }
            try OutputOptions.write(html, to: output, inputs: inputs)
            if prepared.errors > 0 {
                note("note: the returns have \(prepared.errors) validation errors (invalid cells were treated as missing); see the report's data-quality section")
            }
            if input.focusCouncil == nil, input.councils.count > 1 {
                note("note: no --council given; the report leads with \(input.measures.aggregate.isEngland ? "England (all \(input.councils.count) councils)" : input.measures.aggregate.label)")
            }
            return 0
        }
    }
}
