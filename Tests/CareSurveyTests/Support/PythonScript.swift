import Foundation

/// Runs a committed Python check script (`python3 SCRIPT args…`) and returns its exit status and
/// combined output. A missing python3 or module makes the script fail, and so the test.
enum PythonScript {
    static func run(_ script: String, _ args: [String]) throws -> (status: Int32, output: String) {
        let child = try ChildProcess.run("/usr/bin/env", ["python3", script] + args,
                                         environment: ProcessInfo.processInfo.environment,
                                         directory: Fixtures.root.path, mergeStandardError: true, timeout: 600)
        return (child.status, String(decoding: child.stdout, as: UTF8.self))
    }
}
