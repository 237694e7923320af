import Foundation

/// Runs `body` over a file's bytes, keeping typed throws (Foundation's `withUnsafeBytes` is untyped).
func withFileBytes<T>(_ data: Data, _ body: (UnsafeRawBufferPointer) throws(FileError) -> T) throws(FileError) -> T {
    var result: Result<T, FileError>!
    data.withUnsafeBytes { raw in
        do throws(FileError) { result = .success(try body(raw)) } catch { result = .failure(error) }
    }
    return try result.get()
}

/// Reads a whole file, as a `FileError` naming it when it cannot be read.
func readFile(_ path: String) throws(FileError) -> Data {
    do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
        throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
    }
}
