import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyBenchmark
import SurveyReports

struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Benchmark councils against every council, their peers, their region and England from the published national figures.",
        discussion: """
        Inputs (told by content): the ASCOF data file (CSV, either column vintage; year from a column, the file name such as \
        2023-24, 2324 or 23-24, or --year), CareSurvey `measures` output (JSON, or CSV with --year) for a council's own, \
        unpublished year, and the ASCS annex tables (.xlsx; answers made into measures by Reference/annex-measures.json). Several files and years at once.
        Per council x measure x year x breakdown: value and interval, rank of n (1 = best, ties averaged) with a 95% rank \
        interval (10,000 simulations, fixed seed), quartile (1 = best) with the distance to the next and top quartile in \
        units and people, comparisons with England, the region and the peers (95%/99.8% rule; design-based when England was \
        computed from the same returns), and the funnel-plot class. Measure codes follow Reference/ascof-measures.json \
        (provisional entries are marked there).
        --targets FILE (measure,target[,amber], published units) adds each result's RAG status and whether the target lies \
        outside the 95% interval.
        Example: caresurvey benchmark ascof-2023-24.csv --council 716 --peers neighbours.csv
        """
    )

    @Argument(help: "ASCOF data files (.csv), annex tables (.xlsx), CareSurvey measures results (.json/.csv).") var inputs: [String] = []
    @Option(help: "Focus council (CASSR code, e.g. 716); default: every council.") var council: String?
    @Option(help: "Peers: a LaCode,Group or LaCode,NeighbourLaCode[,Rank] CSV file.") var peers: String?
    @Option(help: "Peer groups: a LaCode,Group CSV file (the council's peers are the other members of its group).") var groups: String?
    @Option(help: "Only this survey year (e.g. 2023-24); also the year of inputs that do not say.") var year: String?
    @Option(parsing: .upToNextOption, help: "Only these measures (ids or codes in the year's numbering, e.g. 3A 2B).") var measures: [String] = []
    @Option(help: "Targets file: measure,target[,amber] in the measure's published unit (65 for 65%); adds the RAG status.") var targets: String?
    @Option(help: "Rank-interval simulations (at least 1000).") var draws: Int = RankInterval.defaultDraws
    @OptionGroup var data: DataOptions
    @OptionGroup var out: OutputOptions

    static let formats: [OutputFormat] = [.text, .csv, .json, .html, .xlsx]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one published figures file") }
        try Check.inputs(inputs, "inputs", folders: false)
        try Check.inputs([peers, groups, targets].compactMap { $0 }, "--peers/--groups/--targets", folders: false)
        if peers != nil && groups != nil { throw ValidationError("give --peers or --groups, not both") }
        try Check.surveyYear(year, "--year")
        try Check.council(council, "--council")
        if draws < 1_000 || draws > 1_000_000 { throw ValidationError("--draws \(draws): give 1000 to 1000000") }
        try out.check(writes: Self.formats, inputs: allInputs)
    }

    var allInputs: [String] { inputs + [peers, groups, targets].compactMap { $0 } }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit()
            var request = BenchmarkRequest(inputs: inputs, focus: council, peersFile: peers, groupsFile: groups, year: year,
                                           measures: measures.isEmpty ? nil : measures, draws: draws)
            request.targetsFile = targets
            let report = try toolkit.benchmark(request)
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json: text = BenchmarkOutput.json(report)
            case .csv: text = BenchmarkOutput.csv(report)
            case .html: text = BenchmarkHTML.render(report)
            case .xlsx:
                try out.emitWorkbook(title: "Benchmark (CareSurvey benchmark)" + (council.map { ": council \($0)" } ?? ": every council"),
                                     tables: [BenchmarkOutput.table(report), BenchmarkOutput.filesTable(report),
                                              BenchmarkOutput.diagnosticsTable(report)],
                                     notes: BenchmarkOutput.notes(report), inputs: allInputs)
                return 0
            case .text: text = BenchmarkText.render(report)
            }
            try out.emit(text, inputs: allInputs)
            return 0
        }
    }
}
