import Foundation

/// Runs a committed Python check script (`python3 SCRIPT args…`) and returns its exit status and
/// combined output. A missing python3 or module makes the script fail, and so the test.
enum PythonScript {
    static func run(_ script: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + args
        process.currentDirectoryURL = Fixtures.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try ProcessLaunch.run(process)
        let data = ProcessLaunch.readAll(pipe.fileHandleForReading)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
