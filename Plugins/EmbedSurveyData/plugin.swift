import Foundation
import PackagePlugin

/// Compiles the survey content into the target: every `*.json` file of `Questionnaires/`, `Weights/`
/// and `Reference/` at the package root becomes a string literal in a generated Swift file
/// (`GeneratedSurveyData.swift`), so an installed binary needs no data folder beside it.
///
/// The generator lists the folders itself when it runs. Its inputs are the folders (a folder changes
/// when a file is added, removed or renamed: the file is embedded or dropped at the next build) and
/// every data file found when SwiftPM last planned the build (a changed file is re-embedded).
/// SwiftPM re-plans, re-running this plugin, when the package's structure changes (Package.swift,
/// a source file added or removed); until then a newly added data file is tracked as part of its
/// folder only, so after editing it again run `touch Package.swift` (the test
/// `builtInCopyMatchesTheFolders` fails with that advice if the embedded copy is stale).
@main
struct EmbedSurveyData: BuildToolPlugin {
    static let folders = ["Questionnaires", "Weights", "Reference", "Examples"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let dir = root.appending(path: folder)
            inputs.append(dir)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                inputs.append(dir.appending(path: name))
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSurveyData.swift")
        return [.buildCommand(
            displayName: "Embedding the survey data files",
            executable: try context.tool(named: "SurveyDataEmbedder").url,
            arguments: ["data", output.path, root.path] + Self.folders,
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
