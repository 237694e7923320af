import Foundation

/// One survey-content file in use: where it comes from (the copy built into the binary, or a file
/// in the user's data folder) and its bytes.
public struct DataFile: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// Compiled into the binary from the package's folder at build time.
        case builtIn
        /// Read from this path (the `--data` / `CARESURVEY_DATA` folder, or a complete data folder).
        case file(String)
    }

    /// `Questionnaires`, `Weights` or `Reference`.
    public let folder: String
    /// The file name, e.g. `ascs-2021-22.json`.
    public let name: String
    public let origin: Origin
    public let data: Data
    /// The built-in file this one replaces (same name, or the same codebook or score model under
    /// another name), e.g. `Questionnaires/sace-2023-24.json`; nil when it replaces none.
    public internal(set) var replaces: String?

    public init(folder: String, name: String, origin: Origin, data: Data, replaces: String? = nil) {
        self.folder = folder
        self.name = name
        self.origin = origin
        self.data = data
        self.replaces = replaces
    }

    /// `Questionnaires/ascs-2021-22.json`.
    public var relativePath: String { folder + "/" + name }

    /// How the file is named in messages: its path, or `built-in Questionnaires/…`.
    public var location: String {
        switch origin {
        case .builtIn: return "built-in " + relativePath
        case let .file(path): return path
        }
    }

    public var isBuiltIn: Bool { origin == .builtIn }

    /// The file's declared `schemaVersion` and `status` (verified / provisional), when present.
    public var header: Header {
        (try? JSONDecoder().decode(Header.self, from: data)) ?? Header(schemaVersion: nil, status: nil)
    }

    public struct Header: Decodable, Sendable, Equatable {
        public var schemaVersion: Int?
        public var status: String?
    }
}
