import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyEstimation
import SurveyFiles
import SurveyReports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Year-on-year change for every measure and group, with a significance test.",
        discussion: """
        Each side is a results JSON from `measures`, a published-figures CSV (measure,council,estimate,marginOfError[,surveyYear]; \
        SE = margin/1.96), or returns with --before-population/--after-population. Two-sided z test on independent samples; \
        Holm and Benjamini–Hochberg adjusted p-values are always reported and --adjust chooses which one drives the flag.
        Example: caresurvey compare --before 2022.json --after returns-2023/ --after-population pop-2023.csv
        """
    )

    @Option(parsing: .upToNextOption, help: "Earlier year: results JSON, published CSV, or returns.") var before: [String]
    @Option(parsing: .upToNextOption, help: "Later year: results JSON, published CSV, or returns.") var after: [String]
    @Option(name: .customLong("before-population"), help: "Populations for the earlier year's returns.") var beforePopulation: [String] = []
    @Option(name: .customLong("after-population"), help: "Populations for the later year's returns.") var afterPopulation: [String] = []
    @Option(name: .customLong("before-year"), help: "Survey year of the earlier figures, when the input does not say.") var beforeYear: String?
    @Option(name: .customLong("after-year"), help: "Survey year of the later figures, when the input does not say.") var afterYear: String?
    @Option(help: "Which p drives the flag: none (default), holm or bh.") var adjust: Comparison.Adjustment = .none
    @Option(help: "Significance level.") var alpha: Double = 0.05
    @Option(help: SurveyChoice.help("default: detected")) var survey: SurveyChoice?
    @Option(help: "Groups when computing from returns: council (default), england, or a LaCode,Group file.") var by: String = "council"
    @Option(name: .customLong("suppress-below"), help: "Disclosure control threshold (0 = off).") var suppressBelow: Int = 3
    @OptionGroup var out: OutputOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var completeness: CompletenessFlags

    static let formats: [OutputFormat] = [.text, .csv, .json, .xlsx]

    func validate() throws {
        if before.isEmpty || after.isEmpty { throw ValidationError("give both --before and --after") }
        try Check.inputs(before + after, "--before/--after", folders: true)
        try Check.inputs(beforePopulation + afterPopulation, "--before-population/--after-population", folders: false)
        try Check.surveyYear(beforeYear, "--before-year")
        try Check.surveyYear(afterYear, "--after-year")
        try Check.open01(alpha, "--alpha")
        try Check.grouping(by)
        try Check.nonNegative(suppressBelow, "--suppress-below")
        try out.check(writes: Self.formats, inputs: before + after + beforePopulation + afterPopulation + EstimationArguments.groupFiles(by))
    }

    func run() throws {
        try runReporting {
            let adjustment = adjust
            let toolkit = try data.loadToolkit(survey: survey)
            var options = EstimationOptions()
            try EstimationArguments.applyGrouping(by, domains: DomainVariables.names(in: toolkit.codebooks), to: &options)
            let (a, b) = try toolkit.yearFigures(
                before: YearFiguresRequest(paths: before, populations: beforePopulation,
                                           options: completeness.apply(LoadOptions(survey: survey?.rawValue, surveyYear: beforeYear))),
                after: YearFiguresRequest(paths: after, populations: afterPopulation,
                                          options: completeness.apply(LoadOptions(survey: survey?.rawValue, surveyYear: afterYear))),
                estimation: options)
            var test = ChangeTest.Options()
            test.alpha = alpha
            test.adjust = adjustment
            test.suppressBelow = suppressBelow
            let comparisons = toolkit.compare(before: a, after: b, options: test)
            if comparisons.isEmpty { throw CLIFailure(message: "no measure and group is present in both inputs", code: 1) }
            let notes = toolkit.comparisonNotes(before: a, after: b)
            let kinds = Dictionary(toolkit.codebooks.flatMap(\.measures).map { ($0.code, $0.kind) }, uniquingKeysWith: { a, _ in a })
            let names = Dictionary(toolkit.codebooks.flatMap(\.measures).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json, .html: text = CompareOutput.json(comparisons, alpha: alpha, adjust: adjustment, notes: notes)
            case .csv: text = CompareOutput.csv(comparisons, names: { names[$0] })
            case .text: text = CompareOutput.text(comparisons, kinds: { kinds[$0] ?? .proportion }, adjust: adjustment, alpha: alpha,
                                                  names: { names[$0] }, notes: notes)
            case .xlsx: text = ""
            }
            let inputs = ReturnLoader.expand(before + after + beforePopulation + afterPopulation) + EstimationArguments.groupFiles(by)
            if try out.resolvedFormat(Self.formats) == .xlsx {
                let method = "Change: after − before; SE = √(SE_before² + SE_after²); two-sided z test at α = \(alpha), flag driven by \(adjustment == .none ? "the unadjusted p" : "the \(adjustment.rawValue)-adjusted p")."
                try out.emitWorkbook(title: "Year-on-year change (CareSurvey compare)",
                                     tables: [CompareOutput.table(comparisons, kinds: { kinds[$0] ?? .proportion }, names: { names[$0] })],
                                     notes: [method] + ReportNotes.markers(suppressBelow: suppressBelow) + notes, inputs: inputs)
            } else {
                try out.emit(text, inputs: inputs)
            }
            return 0
        }
    }
}
