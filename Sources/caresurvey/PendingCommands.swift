import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A self-contained HTML report.")
    func run() throws { throw CLIFailure(message: "report: not yet available", code: 2) }
}
struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "example", abstract: "Write realistic synthetic returns and populations.")
    func run() throws { throw CLIFailure(message: "example: not yet available", code: 2) }
}
