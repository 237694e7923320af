// The build-time generator behind the EmbedSurveyData and EmbedBuildInfo plugins.
//
//   SurveyDataEmbedder data OUTPUT ROOT FOLDER...    every *.json file of ROOT/FOLDER, e.g. Questionnaires
//   SurveyDataEmbedder buildinfo OUTPUT [GITDIR COMMONDIR]
//
// `data` writes each file as one raw string literal (base64 when the bytes cannot be a raw literal
// exactly: not UTF-8, carriage returns or other control characters), so the compiler reads a few
// long literals rather than a large array expression. A file that is not a JSON object with an
// integer schemaVersion fails the build, named.
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("SurveyDataEmbedder: error: \(message)\n".utf8))
    exit(1)
}

/// Swift source for a string whose value is exactly `data`, or nil when base64 is needed.
func rawLiteral(_ data: Data) -> String? {
    guard let text = String(data: data, encoding: .utf8) else { return nil }
    var longestHashRun = 0, run = 0
    for scalar in text.unicodeScalars {
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { return nil }
        if scalar == "\u{7F}" || scalar == "\u{2028}" || scalar == "\u{2029}" { return nil }
        if scalar == "#" { run += 1; longestHashRun = max(longestHashRun, run) } else { run = 0 }
    }
    let hashes = String(repeating: "#", count: longestHashRun + 1)
    // The newline before the closing delimiter is not part of a multi-line literal, and a closing
    // delimiter at column 0 strips no indentation: the value is `text` byte for byte.
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

func writeIfChanged(_ text: String, to path: String) {
    let data = Data(text.utf8)
    if let old = FileManager.default.contents(atPath: path), old == data { return }
    do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch { fail("cannot write \(path): \(error)") }
}

/// The `*.json` files of the folders, as paths relative to the root, sorted.
func dataFiles(root: String, folders: [String]) -> [String] {
    folders.flatMap { folder -> [String] in
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }
}

func generateData(output: String, root: String, files: [String]) {
    var source = """
    // Generated at build time by SurveyDataEmbedder (Plugins/EmbedSurveyData) from the package's
    // Questionnaires/, Weights/ and Reference/ folders. Do not edit: change the data files.

    extension EmbeddedSurveyData {
        static let files: [EmbeddedSurveyData.File] = [

    """
    for file in files {
        let url = URL(fileURLWithPath: root).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else { fail("cannot read \(url.path)") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch { fail("\(url.path): not valid JSON: \(error.localizedDescription)") }
        guard let dict = object as? [String: Any], dict["schemaVersion"] is NSNumber else {
            fail("\(url.path): a data file must be a JSON object with an integer \"schemaVersion\"")
        }
        let path = file.replacingOccurrences(of: "\\", with: "/")
        if let literal = rawLiteral(data) {
            source += "        .init(path: \"\(path)\", text: \(literal)),\n"
        } else {
            source += "        .init(path: \"\(path)\", base64: \"\(data.base64EncodedString())\"),\n"
        }
    }
    source += "    ]\n}\n"
    writeIfChanged(source, to: output)
}

/// The commit named by HEAD: a detached hash, a loose ref in the worktree's or the common git
/// folder, or a line of packed-refs. "unknown" when it cannot be read.
func commit(gitDir: URL, commonDir: URL) -> String {
    func read(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func isHash(_ s: String) -> Bool { (s.count == 40 || s.count == 64) && s.allSatisfy(\.isHexDigit) }
    guard let head = read(gitDir.appendingPathComponent("HEAD")) else { return "unknown" }
    guard head.hasPrefix("ref:") else { return isHash(head) ? head : "unknown" }
    let ref = head.dropFirst(4).trimmingCharacters(in: .whitespaces)
    for dir in [gitDir, commonDir] {
        if let hash = read(dir.appendingPathComponent(ref)), isHash(hash) { return hash }
    }
    for line in (read(commonDir.appendingPathComponent("packed-refs")) ?? "").split(separator: "\n") {
        let parts = line.split(separator: " ")
        if parts.count == 2, parts[1] == ref, isHash(String(parts[0])) { return String(parts[0]) }
    }
    return "unknown"
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: SurveyDataEmbedder data OUTPUT ROOT FOLDER... | buildinfo OUTPUT [GITDIR COMMONDIR]") }
switch args[1] {
case "data":
    guard args.count >= 4 else { fail("data: give OUTPUT ROOT FOLDER...") }
    generateData(output: args[2], root: args[3], files: dataFiles(root: args[3], folders: Array(args.dropFirst(4))))
case "buildinfo":
    let hash = args.count >= 5 ? commit(gitDir: URL(fileURLWithPath: args[3]), commonDir: URL(fileURLWithPath: args[4])) : "unknown"
    writeIfChanged("""
    // Generated at build time by SurveyDataEmbedder (Plugins/EmbedBuildInfo). Do not edit.

    enum EmbeddedBuildInfo {
        /// The git commit the tool was built from, or "unknown" outside a git checkout.
        static let commit = "\(hash)"
    }

    """, to: args[2])
default:
    fail("unknown mode \(args[1])")
}
