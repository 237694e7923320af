import Foundation
import SurveyModel
import SurveyFiles

/// Reads the `--population` files on a thread of their own as soon as the returns' codebook is
/// known (`LoadOptions.codebookFound`), so that parsing them overlaps the returns load instead of
/// following it. Only a head start: the results are used when the loaded table's codebook has the
/// same population scheme, and are the same as reading the files afterwards (in order, up to and
/// with the first that cannot be read); otherwise the files are read again.
final class PopulationPrefetch: @unchecked Sendable {
    private let files: [String]
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var scheme: PopulationScheme?
    private var results: [Result<PopulationFile.Result, FileError>] = []

    init(files: [String]) { self.files = files }

    /// Starts reading the files with `codebook`'s population scheme; only the first call counts.
    func start(_ codebook: Codebook) {
        lock.lock()
        defer { lock.unlock() }
        guard scheme == nil, !files.isEmpty else { return }
        let scheme = codebook.populations
        self.scheme = scheme
        let thread = Thread { [self] in
            var read: [Result<PopulationFile.Result, FileError>] = []
            for path in files {
                let result = Result { () throws(FileError) in try PopulationFile.read(path: path, scheme: scheme) }
                read.append(result)
                if case .failure = result { break }
            }
            lock.lock()
            results = read
            lock.unlock()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The files as read with `scheme`, once the read has finished; nil when it was never started
    /// or used another scheme. The results are handed over (not kept).
    func take(scheme wanted: PopulationScheme) -> [Result<PopulationFile.Result, FileError>]? {
        lock.lock()
        let started = scheme
        lock.unlock()
        guard let started else { return nil }
        done.wait()
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        guard started == wanted else { return nil }
        let out = results
        results = []
        return out
    }
}
