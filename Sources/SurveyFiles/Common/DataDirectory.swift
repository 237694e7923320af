import Foundation
import SurveyModel

/// The survey content in use: codebooks and measure definitions (`Questionnaires/`), score models
/// (`Weights/`) and reference data (`Reference/`).
///
/// By default every file comes from the copy built into the binary (the package's folders at build
/// time; see `Plugins/EmbedSurveyData`). A user's folder — `--data DIR` or `CARESURVEY_DATA` — with
/// the same subfolders overrides or adds files: a file with a built-in file's name replaces it, a
/// codebook for a survey and year that a built-in codebook covers replaces that one, a score model
/// with a built-in model's id replaces it, and other files are added. A checkout's own folders are
/// not read at run time: `swift run` and a copied binary behave the same (the build re-embeds
/// changed files).
public struct DataDirectory: Sendable {
    /// The user's folder (holding `Questionnaires/`, `Weights/`, `Reference/`), or nil.
    public let root: URL?
    /// Whether the built-in copy is the base the folder overrides; false for a complete folder.
    public let includesBuiltIn: Bool

    /// The subfolders that hold data files.
    public static let folders = ["Questionnaires", "Weights", "Reference", "Examples"]

    /// A complete data folder on its own: every file comes from `root`, none from the built-in copy.
    public init(root: URL) {
        self.root = root
        self.includesBuiltIn = false
    }

    /// The built-in content, with the files of `overrides` (if given) replacing or adding to it.
    public init(overrides: URL?) {
        self.root = overrides
        self.includesBuiltIn = true
    }

    /// The built-in content alone.
    public static let builtIn = DataDirectory(overrides: nil)

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case notFound(searched: [String])
        case invalidFile(path: String, reason: String)
        case schemaTooNew(path: String, found: Int, supported: Int)
        /// The override folder given by `source` (`--data` or `CARESURVEY_DATA`) is missing or holds
        /// none of the data subfolders.
        case badFolder(source: String, path: String, reason: String)
        /// Two files in use define the same codebook or score model.
        case duplicate(what: String, first: String, second: String)

        public var description: String {
            switch self {
            case let .notFound(searched):
                return "cannot read the data folder (searched: \(searched.joined(separator: ", ")))"
            case let .invalidFile(path, reason):
                return "\(path): invalid data file: \(reason)"
            case let .schemaTooNew(path, found, supported):
                return "\(path): schemaVersion \(found) is newer than this build understands (\(supported)); update CareSurvey"
            case let .badFolder(source, path, reason):
                return "\(source) \(path): \(reason)"
            case let .duplicate(what, first, second):
                return "\(first) and \(second) both define \(what); keep one"
            }
        }
    }

    /// The content in use: the built-in copy, overridden by the `--data` folder if given, else by
    /// the `CARESURVEY_DATA` folder if set.
    public static func locate(dataOption: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(LoadError) -> DataDirectory {
        let chosen: (source: String, path: String)?
        if let dataOption { chosen = ("--data", dataOption) }
        else if let env = environment["CARESURVEY_DATA"], !env.isEmpty { chosen = ("CARESURVEY_DATA", env) }
        else { chosen = nil }
        guard let chosen else { return .builtIn }
        var isDir: ObjCBool = false
        let url = URL(fileURLWithPath: chosen.path).standardizedFileURL
        guard !chosen.path.isEmpty, FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw .badFolder(source: chosen.source, path: chosen.path, reason: "no such folder")
        }
        guard folders.contains(where: { isDirectory(url.appendingPathComponent($0)) }) else {
            throw .badFolder(source: chosen.source, path: chosen.path,
                             reason: "holds none of \(folders.map { $0 + "/" }.joined(separator: ", ")); put override files in those subfolders")
        }
        return DataDirectory(overrides: url)
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The `*.json` files of one subfolder in use, sorted by name: built-in files, with the user's
    /// files of the same name replacing them and the others added.
    public func files(in folder: String) throws(LoadError) -> [DataFile] {
        var byName: [String: DataFile] = [:]
        if includesBuiltIn {
            for file in EmbeddedSurveyData.files {
                let parts = file.path.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, parts[0] == folder else { continue }
                byName[parts[1]] = DataFile(folder: folder, name: parts[1], origin: .builtIn, data: file.data)
            }
        }
        if let root {
            let dir = root.appendingPathComponent(folder)
            if !Self.isDirectory(dir) {
                guard Self.isDirectory(root) else { throw .notFound(searched: [root.path]) }
                return byName.values.sorted { $0.name < $1.name }
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
                throw .notFound(searched: [dir.path])
            }
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let url = dir.appendingPathComponent(name)
                let data: Data
                do { data = try Data(contentsOf: url) } catch {
                    throw .invalidFile(path: url.path, reason: error.localizedDescription)
                }
                let replaced = byName[name].map(\.relativePath)
                byName[name] = DataFile(folder: folder, name: name, origin: .file(url.path), data: data, replaces: replaced)
            }
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// One file in use, e.g. `file("Reference/councils.json")`, or nil when there is none.
    public func file(_ relativePath: String) throws(LoadError) -> DataFile? {
        let parts = relativePath.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return try files(in: parts[0]).first { $0.name == parts[1] }
    }

    /// Every codebook in use with its file, sorted by survey and year. A user's codebook for a
    /// survey and year that a built-in file covers replaces it; two user files for the same survey
    /// and year are refused.
    public func codebookFiles() throws(LoadError) -> [(file: DataFile, codebook: Codebook)] {
        var entries: [(file: DataFile, value: Codebook)] = []
        let models = try scoreModels()
        let files = try files(in: "Questionnaires")
        // Decoded and checked in parallel (a visible share of every run's start); the first
        // problem in file order is reported.
        let results = ParallelResults<Result<Codebook, LoadError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let file = files[i]
            results.set(i, Result { () throws(LoadError) -> Codebook in
                let codebook = try Self.decode(Codebook.self, from: file)
                let problems = DecodedFiles.shared.checked(file.data, models: models) { CodebookCheck.problems(codebook, models: models) }
                if !problems.isEmpty { throw .invalidFile(path: file.location, reason: problems.map(\.description).joined(separator: "; ")) }
                return codebook
            })
        }
        for (file, result) in zip(files, results.values) { entries.append((file, try result.get())) }
        let merged = try Self.preferUserFiles(entries, key: { "\($0.survey.uppercased()) \($0.surveyYear)" }, what: { "the codebook for \($0)" })
        return merged.map { (file: $0.file, codebook: $0.value) }.sorted { ($0.codebook.survey, $0.codebook.surveyYear) < ($1.codebook.survey, $1.codebook.surveyYear) }
    }

    /// Every codebook in use, sorted by survey and year.
    public func codebooks() throws(LoadError) -> [Codebook] { try codebookFiles().map(\.codebook) }

    /// Every score model in use with its file, sorted by id; a user's model with a built-in
    /// model's id replaces it.
    public func scoreModelFiles() throws(LoadError) -> [(file: DataFile, model: ScoreModel)] {
        var entries: [(file: DataFile, value: ScoreModel)] = []
        for file in try files(in: "Weights") {
            entries.append((file, try Self.decode(ScoreModel.self, from: file)))
        }
        return try Self.preferUserFiles(entries, key: { $0.id }, what: { "the score model \"\($0)\"" })
            .map { (file: $0.file, model: $0.value) }.sorted { $0.model.id < $1.model.id }
    }

    /// Every score model in use, keyed by id.
    public func scoreModels() throws(LoadError) -> [String: ScoreModel] {
        Dictionary(try scoreModelFiles().map { ($0.model.id, $0.model) }, uniquingKeysWith: { _, last in last })
    }

    /// Keeps one entry per key: a user's file over a built-in one (noting what it replaces); two
    /// files of the same origin kind for one key are refused.
    static func preferUserFiles<T>(_ entries: [(file: DataFile, value: T)], key: (T) -> String,
                                   what: (String) -> String) throws(LoadError) -> [(file: DataFile, value: T)] {
        var kept: [String: (file: DataFile, value: T)] = [:]
        var order: [String] = []
        for entry in entries {
            let k = key(entry.value)
            guard let existing = kept[k] else {
                kept[k] = entry
                order.append(k)
                continue
            }
            switch (existing.file.isBuiltIn, entry.file.isBuiltIn) {
            case (true, false):
                var file = entry.file
                file.replaces = file.replaces ?? existing.file.relativePath
                kept[k] = (file, entry.value)
            case (false, true):
                var file = existing.file
                file.replaces = file.replaces ?? entry.file.relativePath
                kept[k] = (file, existing.value)
            default:
                throw .duplicate(what: what(k), first: existing.file.location, second: entry.file.location)
            }
        }
        return order.compactMap { kept[$0] }
    }

    /// Decodes a versioned data file, with a precise error naming the file.
    public static func decode<T: Decodable>(_ type: T.Type, from file: DataFile) throws(LoadError) -> T {
        try decode(type, data: file.data, path: file.location)
    }

    /// Decodes a versioned data file on disk, with a precise error for a version that is too new.
    public static func decode<T: Decodable>(_ type: T.Type, at url: URL) throws(LoadError) -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .invalidFile(path: url.path, reason: "\(error.localizedDescription)") }
        return try decode(type, data: data, path: url.path)
    }

    static func decode<T: Decodable>(_ type: T.Type, data: Data, path: String) throws(LoadError) -> T {
        if let known = DecodedFiles.shared.value(T.self, of: data) { return known }
        let value = try decodeAgain(type, data: data, path: path)
        DecodedFiles.shared.keep(value, of: data)
        return value
    }

    private static func decodeAgain<T: Decodable>(_ type: T.Type, data: Data, path: String) throws(LoadError) -> T {
        do {
            let document = DataFileJSON(data) // parsed once, decoded twice
            let version = try document.decode(SchemaVersion.self)
            // Codebooks are at schema 2; the other data files (score models, reference data) at 1.
            let supported = T.self == Codebook.self ? Codebook.supportedSchemaVersion : 1
            if version.schemaVersion > supported {
                throw LoadError.schemaTooNew(path: path, found: version.schemaVersion, supported: supported)
            }
            return try document.decode(T.self)
        } catch let error as LoadError {
            throw error
        } catch {
            throw .invalidFile(path: path, reason: describe(error, data: data))
        }
    }

    static func describe(_ error: any Error, data: Data) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ ctx: DecodingError.Context) -> String {
            let text = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case let .keyNotFound(key, ctx): return "missing key \"\(key.stringValue)\" at \(path(ctx))"
        case let .dataCorrupted(ctx) where ctx.codingPath.isEmpty:
            // Not JSON at all: the parser's own message says where.
            do { _ = try JSONSerialization.jsonObject(with: data) } catch {
                let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON" + (detail.map { ": \($0)" } ?? "")
            }
            return ctx.debugDescription
        case let .typeMismatch(_, ctx), let .valueNotFound(_, ctx), let .dataCorrupted(ctx):
            return "\(ctx.debugDescription) at \(path(ctx))"
        @unknown default: return "\(error)"
        }
    }
}

private struct SchemaVersion: Decodable { var schemaVersion: Int }
