import Foundation
import Testing

/// The built `caresurvey` executable, run as a user would (end-to-end tests). `swift test` builds
/// it beside the test bundle; a missing executable fails the test (it is never skipped).
enum CaresurveyBinary {
    static func url(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        var candidates: [URL] = []
        for start in [CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }, URL(fileURLWithPath: "/proc/self/exe")] {
            if let start { candidates.append(start.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("caresurvey")) }
        }
        candidates.append(Fixtures.root.appendingPathComponent(".build/debug/caresurvey"))
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(found, "caresurvey executable not found (looked at \(candidates.map(\.path)))", sourceLocation: sourceLocation)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the executable with exactly `environment` (nothing inherited) in `directory`.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    executable: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let process = Process()
        process.executableURL = try executable ?? url(sourceLocation: sourceLocation)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory ?? Fixtures.root
        let out = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let stdoutURL = out.appendingPathComponent("stdout"), stderrURL = out.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL), stderr = try FileHandle(forWritingTo: stderrURL)
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}
