import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyFiles
import SurveyReports

struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Every question's weighted answer distribution with margins of error (the published annex tables).",
        discussion: "Example: caresurvey tables Examples/ascs/returns.csv --population Examples/ascs/population.csv --format csv -o tables.csv"
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var estimation: EstimationArguments
    @OptionGroup var out: OutputOptions
    @OptionGroup var data: DataOptions

    static let formats: [OutputFormat] = [.text, .csv, .json, .xlsx]

    func validate() throws {
        try out.check(writes: Self.formats, inputs: input.returns + estimation.population + EstimationArguments.groupFiles(estimation.by))
    }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit(survey: input.survey)
            let prepared = try toolkit.prepare(returns: input.returns, populationFiles: estimation.population, options: input.loadOptions)
            let report = try toolkit.tables(prepared, options: try estimation.options(domains: DomainVariables.names(in: toolkit.codebooks)))
            let cb = prepared.codebook
            let label = { (question: String, code: Int) -> String? in cb.answerLabel(question: question, code: code) }
            let inputs = ReturnLoader.expand(input.returns + estimation.population) + EstimationArguments.groupFiles(estimation.by)
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json, .html: text = TablesJSON.render(report) // .html is refused by resolvedFormat
            case .csv: text = TablesJSON.csv(report)
            case .text: text = TablesJSON.text(report, labels: label)
            case .xlsx:
                let annex = AnnexTables.tables(report, responseRates: ResponseRates.compute(prepared.scored), answerLabel: label)
                try out.emitWorkbook(title: "\(report.survey.uppercased()) \(report.surveyYear): answers to every question (CareSurvey tables)",
                                     tables: [TablesJSON.table(report)] + annex,
                                     notes: ReportNotes.estimation(survey: report.survey, surveyYear: report.surveyYear,
                                                                   interval: report.interval, level: report.level)
                                         + ReportNotes.markers(suppressBelow: estimation.suppressBelow) + report.notes,
                                     inputs: inputs)
                return 0
            }
            try out.emit(text, inputs: inputs)
            return 0
        }
    }
}
