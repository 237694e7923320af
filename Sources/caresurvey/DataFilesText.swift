import Foundation
import SurveyFiles

/// The text that says which copy of each survey-content file is in use (`caresurvey codebook`) and
/// the built-in files' versions (`caresurvey --version`).
enum DataFilesText {
    /// One line per file: its name, where it comes from, its schemaVersion and status.
    static func render(_ files: [DataFile], origins: Bool = true) -> String {
        let sorted = files.sorted { $0.relativePath < $1.relativePath }
        let width = sorted.map(\.relativePath.count).max() ?? 0
        return sorted.map { file in
            let name = file.relativePath.padding(toLength: width, withPad: " ", startingAt: 0)
            let version = versionText(file.header)
            guard origins else { return "  \(name)  \(version)" }
            let padded = version.padding(toLength: max(version.count, 29), withPad: " ", startingAt: 0)
            switch file.origin {
            case .builtIn: return "  \(name)  \(padded)  built-in"
            case let .file(path): return "  \(name)  \(padded)  \(path)" + (file.replaces.map { " (replaces built-in \($0))" } ?? " (added)")
            }
        }.joined(separator: "\n")
    }

    static func versionText(_ header: DataFile.Header) -> String {
        let version = header.schemaVersion.map { "schemaVersion \($0)" } ?? "no schemaVersion"
        return version + ", " + (header.status ?? "no status")
    }

    /// The block printed by `codebook` before the codebooks.
    static func inUse(_ files: [DataFile]) -> String {
        "Data files in use (built-in unless a path is shown; --data DIR or CARESURVEY_DATA overrides or adds files):\n"
            + render(files) + "\n"
    }
}
