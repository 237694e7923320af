import ArgumentParser
import Foundation
import SurveyEstimation
import SurveyReports

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Sample-size planner: completes required for a margin of error, or the margin reached by n returns.",
        discussion: """
        n = N·z²·p(1−p) / ((N−1)·e² + z²·p(1−p)) with p = 0.5 and z = 1.96 at 95% (ascs.md §1).
        Examples: caresurvey plan --population 1000            (278 completes for ±5%)
                  caresurvey plan --population 1000 --returns 360   (±4.1%)
        """
    )

    @Option(help: "Eligible population N.") var population: Int
    @Option(name: .customLong("response-rate"), help: "Expected response rate (0–1), to size the mailing.") var responseRate: Double?
    @Option(help: "Target margin of error (fraction).") var margin: Double = 0.05
    @Option(help: "Confidence level.") var level: Double = 0.95
    @Option(help: "Completed returns: report the margin they reach instead.") var returns: Int?
    @Option(help: "Output format: text or json (default: text on a terminal, json otherwise).") var format: OutputFormat?

    static let formats: [OutputFormat] = [.text, .json]

    func validate() throws {
        guard population > 0 else { throw ValidationError("--population must be positive") }
        try Check.rate(responseRate, "--response-rate")
        try Check.open01(margin, "--margin")
        try Check.open01(level, "--level")
        if let format, !Self.formats.contains(format) { throw ValidationError("--format \(format.rawValue): plan writes text or json") }
        if let n = returns, !(n > 0 && n <= population) { throw ValidationError("--returns must be between 1 and the population") }
    }

    func run() throws {
        let plan = returns.map { SampleSizePlanner.margin(population: population, returns: $0, level: level) }
            ?? SampleSizePlanner.completes(population: population, margin: margin, level: level, responseRate: responseRate)
        let json = (format ?? (isatty(STDOUT_FILENO) != 0 ? .text : .json)) == .json
        var text: String
        if json {
            text = JSONValue.object([("population", .int(plan.population)),
                                     ("completesRequired", plan.completesRequired.map(JSONValue.int) ?? .null),
                                     ("toSend", plan.toSend.map(JSONValue.int) ?? .null),
                                     ("returns", plan.returns.map(JSONValue.int) ?? .null),
                                     ("margin", .double(plan.margin)),
                                     ("reachable", .bool(plan.reachable)),
                                     ("expectedReturns", plan.expectedReturns.map(JSONValue.int) ?? .null),
                                     ("marginReached", plan.marginReached.map(JSONValue.double) ?? .null)]).serialized()
        } else if let n = plan.returns {
            text = "\(n) returns from a population of \(plan.population) give a margin of error of ±\(MeasuresText.fixed(plan.margin * 100, 1))% at \(Int(level * 100))% (worst case p = 0.5, with finite population correction).\n"
        } else {
            text = "For ±\(MeasuresText.fixed(margin * 100, 1))% at \(Int(level * 100))% from a population of \(plan.population): \(plan.completesRequired!) completed questionnaires"
            if let r = responseRate, !plan.reachable, let expected = plan.expectedReturns, let reached = plan.marginReached {
                text += ".\nThat cannot be reached at a \(MeasuresText.fixed(r * 100, 0))% response rate: even sending to all \(plan.population) gives about \(expected) returns, a margin of error of ±\(MeasuresText.fixed(reached * 100, 1))%"
            } else if let send = plan.toSend, let r = responseRate {
                text += "; send \(send) at a \(MeasuresText.fixed(r * 100, 0))% response rate"
            }
            text += ".\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
