import ArgumentParser

struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "example", abstract: "Write realistic synthetic returns and populations.")
    func run() throws { throw CLIFailure(message: "example: not yet available", code: 2) }
}
