import Foundation

/// Joins the parts of a parallel read in order as soon as each part and all before it are done,
/// so at most the parts still in flight are held beside the growing whole (not every part until
/// the end: at 10 M rows that doubled the peak memory). One joiner at a time; the others only
/// hand in their part. The first failure in order ends the join: later parts are dropped, as a
/// sequential read would stop there.
final class OrderedJoin<Part: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: Result<Part, FileError>] = [:]
    private var next = 0
    private var joining = false
    private var failure: FileError?
    private let join: (Int, Part) -> Void

    /// `join(k, part)` is called for k = 0, 1, 2, … in order, never concurrently.
    init(join: @escaping (Int, Part) -> Void) { self.join = join }

    /// Hands in part `k`; joins it (and any later parts already handed in) if it is next.
    func deliver(_ k: Int, _ part: Result<Part, FileError>) {
        lock.lock()
        waiting[k] = part
        guard !joining else { lock.unlock(); return }
        joining = true
        while failure == nil, let ready = waiting.removeValue(forKey: next) {
            let k = next
            next += 1
            switch ready {
            case let .failure(error):
                failure = error
                waiting.removeAll()
            case let .success(part):
                lock.unlock()
                join(k, part)
                lock.lock()
            }
        }
        if failure != nil { waiting.removeAll() }
        joining = false
        lock.unlock()
    }

    /// After every part is handed in: the first failure in order, if any.
    func result() throws(FileError) {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        precondition(waiting.isEmpty, "every part is joined")
    }
}
