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

    static let formats: [OutputFormat] = [.text, .csv, .json]

    func validate() throws {
        try out.check(writes: Self.formats, inputs: input.returns + estimation.population + EstimationArguments.groupFiles(estimation.by))
    }

    func run() throws {
        try runReporting {
            let toolkit = try data.loadToolkit()
            let prepared = try toolkit.prepare(returns: input.returns, populationFiles: estimation.population, options: input.loadOptions)
            let report = try toolkit.tables(prepared, options: try estimation.options())
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json, .html: text = TablesJSON.render(report) // .html is refused by resolvedFormat
            case .csv: text = TablesJSON.csv(report)
            case .text:
                let cb = prepared.codebook
                text = TablesJSON.text(report) { question, code in
                    let spec = cb.tables.first { $0.question == question }
                    let variable = spec?.sourceVariable ?? question
                    return cb.derived?.first { $0.name == variable }?.codes?.first { $0.code == code }?.label
                        ?? cb.field(question)?.label(of: code)
                }
            }
            try out.emit(text, inputs: ReturnLoader.expand(input.returns + estimation.population) + EstimationArguments.groupFiles(estimation.by))
            return 0
        }
    }
}
