import Foundation
import SurveyModel

/// Data files already decoded in this process, by type and exact content, so that a run decodes
/// each codebook once: the `--survey` help text lists the built-in codebooks' surveys, the toolkit
/// then reads the codebooks in use (a `--data` folder's copy of a built-in file has the same
/// bytes), and the measure catalogue and the aggregate's name read them again. A file that fails
/// to decode is not kept (its error is reported each time). Values are immutable value types.
final class DecodedFiles: @unchecked Sendable {
    static let shared = DecodedFiles()

    /// Equal when type and bytes are equal; hashed on the type, the length and the first and last
    /// 64 bytes only (hashing a whole codebook costs more than comparing it).
    private struct Key: Hashable {
        let type: ObjectIdentifier
        let data: Data

        func hash(into hasher: inout Hasher) {
            hasher.combine(type)
            hasher.combine(data.count)
            hasher.combine(data.prefix(64))
            hasher.combine(data.suffix(64))
        }

        static func == (a: Key, b: Key) -> Bool { a.type == b.type && a.data == b.data }
    }

    private let lock = NSLock()
    private var values: [Key: Any] = [:]
    private var checks: [Key: (models: [String: ScoreModel], problems: [CodebookProblem])] = [:]

    func value<T>(_ type: T.Type, of data: Data) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return values[Key(type: ObjectIdentifier(type), data: data)] as? T
    }

    func keep<T>(_ value: T, of data: Data) {
        lock.lock()
        values[Key(type: ObjectIdentifier(T.self), data: data)] = value
        lock.unlock()
    }

    /// The problems `check` finds in the codebook of `data` with these score models, worked out
    /// once per process (a run loads the codebooks in use more than once).
    func checked(_ data: Data, models: [String: ScoreModel], _ check: () -> [CodebookProblem]) -> [CodebookProblem] {
        lock.lock()
        let key = Key(type: ObjectIdentifier(CodebookProblem.self), data: data)
        let known = checks[key]
        lock.unlock()
        if let known, known.models == models { return known.problems }
        let problems = check()
        lock.lock()
        checks[key] = (models, problems)
        lock.unlock()
        return problems
    }
}
