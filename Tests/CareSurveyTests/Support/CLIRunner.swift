import Foundation
import Testing

/// Runs the built `caresurvey` executable (a dependency of the test target, so `swift test` builds
/// it) and reports how it ended. A missing executable fails the test; it never skips.
enum CLIRunner {
    struct Outcome: Sendable {
        var status: Int32
        /// True when the process ended by a signal (a crash or trap): never acceptable.
        var signalled: Bool
        var timedOut: Bool
        var stdout: Data
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The executable beside the test bundle (`.build/<triple>/debug/`), else `.build/debug/`.
    static let executable: URL? = {
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("caresurvey"))
            dir = dir.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("caresurvey"))
        }
        candidates.append(Fixtures.root.appendingPathComponent(".build/debug/caresurvey"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func requireExecutable(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(executable, "the caresurvey executable was not found beside the test bundle", sourceLocation: sourceLocation)
    }

    /// Runs `caresurvey args…` from the repository root with standard input closed, killing it after
    /// `timeout` seconds (reported as `timedOut`).
    static func run(_ args: [String], environment: [String: String] = [:], timeout: TimeInterval = 120) throws -> Outcome {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let child = try ChildProcess.run(try requireExecutable().path, args, environment: env,
                                         directory: Fixtures.root.path, timeout: timeout)
        return Outcome(status: child.status, signalled: child.signalled, timedOut: child.timedOut,
                       stdout: child.stdout, stderr: String(decoding: child.stderr, as: UTF8.self))
    }
}
