import Foundation
import PackagePlugin

/// Records the git commit of the checkout in a generated Swift file (`GeneratedBuildInfo.swift`) for
/// `caresurvey --version`. The commit is read from the git files themselves (no `git` program needed);
/// the files that name it (HEAD, the branch's ref, packed-refs) are the command's inputs, so a new
/// commit regenerates the file. Without a git checkout the commit is "unknown".
///
/// Applied to the executable target only, so a new commit relinks the tool without recompiling the
/// libraries.
@main
struct EmbedBuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedBuildInfo.swift")
        var arguments = ["buildinfo", output.path]
        var inputs: [URL] = []
        if let git = GitFiles(checkout: root) {
            arguments += [git.gitDir.path, git.commonDir.path]
            inputs = git.inputs
        }
        return [.buildCommand(
            displayName: "Recording the build's git commit",
            executable: try context.tool(named: "SurveyDataEmbedder").url,
            arguments: arguments,
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}

/// The git files that determine the checkout's commit: `.git` may be a folder or, in a worktree,
/// a file `gitdir: …` whose folder has a `commondir` with the shared refs.
struct GitFiles {
    let gitDir: URL
    let commonDir: URL
    let inputs: [URL]

    init?(checkout: URL) {
        let fm = FileManager.default
        let dotGit = checkout.appending(path: ".git")
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dotGit.path, isDirectory: &isDir) else { return nil }
        var gitDir = dotGit
        if !isDir.boolValue {
            guard let text = try? String(contentsOf: dotGit, encoding: .utf8),
                  let line = text.split(separator: "\n").first, line.hasPrefix("gitdir:") else { return nil }
            let path = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
            gitDir = path.hasPrefix("/") ? URL(fileURLWithPath: path) : checkout.appending(path: path)
        }
        var commonDir = gitDir
        if let text = try? String(contentsOf: gitDir.appending(path: "commondir"), encoding: .utf8) {
            let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
            commonDir = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : gitDir.appending(path: path)).standardizedFileURL
        }
        let head = gitDir.appending(path: "HEAD")
        guard fm.fileExists(atPath: head.path) else { return nil }
        var inputs = [head]
        if let text = try? String(contentsOf: head, encoding: .utf8), text.hasPrefix("ref:") {
            let ref = text.dropFirst(4).trimmingCharacters(in: .whitespacesAndNewlines)
            for dir in [gitDir, commonDir] where fm.fileExists(atPath: dir.appending(path: ref).path) {
                inputs.append(dir.appending(path: ref))
            }
        }
        let packed = commonDir.appending(path: "packed-refs")
        if fm.fileExists(atPath: packed.path) { inputs.append(packed) }
        self.gitDir = gitDir
        self.commonDir = commonDir
        self.inputs = inputs
    }
}
