import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyEstimation
import SurveyReports
import SurveyFiles

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Every ASCOF survey measure with standard errors and confidence intervals, per council and for England.",
        discussion: """
        Estimates are weighted by the stratified design (weight = eligible population / valid answers, per item) with \
        the finite population correction. Proportions are fractions in JSON and CSV.
        Example: caresurvey measures Examples/ascs/returns.csv --population Examples/ascs/population.csv --format csv
        """
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
            // Only the columns the measures and the --by domains read are kept (the --by parts that
            // are domains; the options are checked after reading, as before).
            let byParts = estimation.by.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            let prepared = try toolkit.prepare(returns: input.returns, populationFiles: estimation.population,
                                               options: toolkit.measuresOnly(input.loadOptions, domains: byParts))
            let options = try estimation.options(domains: DomainVariables.names(in: toolkit.codebooks))
            let report = try toolkit.measures(prepared, options: options)
            let text: String
            switch try out.resolvedFormat(Self.formats) {
            case .json, .html: text = MeasuresJSON.render(report) // .html is refused by resolvedFormat
            case .csv: text = MeasuresJSON.csv(report)
            case .text: text = MeasuresText.render(report)
            case .xlsx: text = ""
            }
            let inputs = LoadedInputs.paths(input.returns + estimation.population) + EstimationArguments.groupFiles(estimation.by)
            if try out.resolvedFormat(Self.formats) == .xlsx {
                try out.emitWorkbook(title: "\(report.survey.uppercased()) \(report.surveyYear): ASCOF survey measures (CareSurvey measures)",
                                     tables: [MeasuresJSON.table(report)],
                                     notes: ReportNotes.estimation(survey: report.survey, surveyYear: report.surveyYear,
                                                                   interval: report.interval, level: report.level)
                                         + ReportNotes.markers(suppressBelow: estimation.suppressBelow) + report.notes,
                                     inputs: inputs)
            } else {
                try out.emit(text, inputs: inputs)
            }
            if prepared.errors > 0 {
                note("note: the returns have \(prepared.errors) validation errors (invalid cells were treated as missing); run `caresurvey validate` for details")
            }
            return 0
        }
    }
}

extension EstimationArguments {
    /// `domains`: the `--by` domain names of the codebooks in use (a `--data` folder's included).
    func options(domains: [String]) throws -> EstimationOptions {
        var o = EstimationOptions()
        o.interval = interval
        o.level = level
        o.singleRespondent = singleRespondent
        o.domainMethod = domainMethod
        o.suppressBelow = suppressBelow
        try Self.applyGrouping(by, domains: domains, to: &o)
        return o
    }

    /// The `--by` parts that name a LaCode,Group file: inputs too, never written over.
    static func groupFiles(_ by: String) -> [String] {
        by.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { $0 != "council" && $0 != "england" && !DomainVariables.names.contains($0) }
    }

    /// `--by`: council, england, domains (comma-separated; `domains` are the names the codebooks in
    /// use define) or a LaCode,Group file.
    static func applyGrouping(_ by: String, domains: [String], to o: inout EstimationOptions) throws {
        let parts = by.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        for part in parts {
            switch part {
            case "council": o.grouping = .councilsAndEngland
            case "england": o.grouping = .englandOnly
            case _ where domains.contains(part): o.domains.append(part)
            default:
                guard FileManager.default.fileExists(atPath: part) else {
                    throw CLIFailure(message: "--by \(part): not council, england, a domain (\(domains.joined(separator: ", "))) or an existing LaCode,Group file", code: 2)
                }
                do { o.grouping = .groups(try GroupFile.read(path: part)) } catch {
                    throw CLIFailure(message: "\(error)", code: 3)
                }
            }
        }
    }
}
