import Foundation
import SurveyModel

/// Finds and loads the survey content kept as data: `Questionnaires/` (codebooks and measure
/// definitions) and `Weights/` (score models). Looked for, in order: the `CARESURVEY_DATA`
/// environment variable; beside the executable and in its ancestors (so `swift run` and a
/// `.build/…/caresurvey` find the checkout's folders); `<prefix>/share/caresurvey` for an
/// installed binary; the current directory and its ancestors.
public struct DataDirectory: Sendable {
    /// The folder that holds `Questionnaires/` and `Weights/`.
    public let root: URL

    public init(root: URL) { self.root = root }

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case notFound(searched: [String])
        case invalidFile(path: String, reason: String)
        case schemaTooNew(path: String, found: Int, supported: Int)

        public var description: String {
            switch self {
            case let .notFound(searched):
                return "cannot find the Questionnaires/ and Weights/ folders; set CARESURVEY_DATA to the folder that holds them (searched: \(searched.joined(separator: ", ")))"
            case let .invalidFile(path, reason):
                return "\(path): invalid data file: \(reason)"
            case let .schemaTooNew(path, found, supported):
                return "\(path): schemaVersion \(found) is newer than this build understands (\(supported)); update CareSurvey"
            }
        }
    }

    /// Locates the data folder (see the type's documentation for the search order).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = CommandLine.arguments.first) throws(LoadError) -> DataDirectory {
        var candidates: [URL] = []
        if let env = environment["CARESURVEY_DATA"], !env.isEmpty { candidates.append(URL(fileURLWithPath: env)) }
        if let executable {
            var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("../share/caresurvey").standardizedFileURL)
            for _ in 0..<8 {
                candidates.append(dir)
                dir = dir.deletingLastPathComponent()
            }
        }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            candidates.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        for candidate in candidates where isDataRoot(candidate) { return DataDirectory(root: candidate) }
        throw .notFound(searched: Array(candidates.map(\.path).prefix(6)))
    }

    static func isDataRoot(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        let fm = FileManager.default
        return fm.fileExists(atPath: url.appendingPathComponent("Questionnaires").path, isDirectory: &isDir) && isDir.boolValue
            && fm.fileExists(atPath: url.appendingPathComponent("Weights").path, isDirectory: &isDir) && isDir.boolValue
    }

    public var questionnairesURL: URL { root.appendingPathComponent("Questionnaires") }
    public var weightsURL: URL { root.appendingPathComponent("Weights") }

    /// Every codebook in `Questionnaires/`, sorted by survey and year.
    public func codebooks() throws(LoadError) -> [Codebook] {
        try jsonFiles(in: questionnairesURL).map { url throws(LoadError) in try Self.decode(Codebook.self, at: url) }
            .sorted { ($0.survey, $0.surveyYear) < ($1.survey, $1.surveyYear) }
    }

    /// Every score model in `Weights/`, keyed by id.
    public func scoreModels() throws(LoadError) -> [String: ScoreModel] {
        var models: [String: ScoreModel] = [:]
        for url in try jsonFiles(in: weightsURL) {
            let model = try Self.decode(ScoreModel.self, at: url)
            models[model.id] = model
        }
        return models
    }

    func jsonFiles(in dir: URL) throws(LoadError) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            throw .notFound(searched: [dir.path])
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Decodes a versioned data file, with a precise error for a version that is too new.
    public static func decode<T: Decodable>(_ type: T.Type, at url: URL) throws(LoadError) -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .invalidFile(path: url.path, reason: "\(error.localizedDescription)") }
        do {
            let version = try JSONDecoder().decode(SchemaVersion.self, from: data)
            if version.schemaVersion > Codebook.supportedSchemaVersion {
                throw LoadError.schemaTooNew(path: url.path, found: version.schemaVersion, supported: Codebook.supportedSchemaVersion)
            }
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as LoadError {
            throw error
        } catch {
            throw .invalidFile(path: url.path, reason: describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ ctx: DecodingError.Context) -> String {
            ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .keyNotFound(key, ctx): return "missing key \"\(key.stringValue)\" at \(path(ctx))"
        case let .typeMismatch(_, ctx), let .valueNotFound(_, ctx), let .dataCorrupted(ctx):
            return "\(ctx.debugDescription) at \(path(ctx))"
        @unknown default: return "\(error)"
        }
    }
}

private struct SchemaVersion: Decodable { var schemaVersion: Int }
