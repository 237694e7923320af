import ArgumentParser

struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tables", abstract: "Every question's weighted answer distribution with margins of error.")
    func run() throws { throw CLIFailure(message: "tables: not yet available", code: 2) }
}
struct ScoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scores", abstract: "One row per respondent: every measure's value and weights.")
    func run() throws { throw CLIFailure(message: "scores: not yet available", code: 2) }
}
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Year-on-year change with statistical significance.")
    func run() throws { throw CLIFailure(message: "compare: not yet available", code: 2) }
}
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A self-contained HTML report.")
    func run() throws { throw CLIFailure(message: "report: not yet available", code: 2) }
}
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Sample-size planner.")
    func run() throws { throw CLIFailure(message: "plan: not yet available", code: 2) }
}
struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "example", abstract: "Write realistic synthetic returns and populations.")
    func run() throws { throw CLIFailure(message: "example: not yet available", code: 2) }
}
