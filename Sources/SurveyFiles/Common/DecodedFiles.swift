import Foundation

/// Data files already decoded in this process, by type and exact content, so that a run decodes
/// each codebook once: the `--survey` help text lists the built-in codebooks' surveys, the toolkit
/// then reads the codebooks in use (a `--data` folder's copy of a built-in file has the same
/// bytes), and the measure catalogue and the aggregate's name read them again. A file that fails
/// to decode is not kept (its error is reported each time). Values are immutable value types.
final class DecodedFiles: @unchecked Sendable {
    static let shared = DecodedFiles()

    private struct Key: Hashable {
        let type: ObjectIdentifier
        let data: Data
    }

    private let lock = NSLock()
    private var values: [Key: Any] = [:]

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
}
