import Foundation

/// Results written by parallel workers (`DispatchQueue.concurrentPerform`), one slot each: the one
/// such helper of every module (readers, estimation, benchmark and trend, JSON in parallel parts).
public final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot, in order; each must have been set.
    public var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }

    /// The value of a slot, which is emptied (so the caller holds the only reference).
    public func take(_ index: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        let value = slots[index]!
        slots[index] = nil
        return value
    }

    /// The value of a slot, left in place.
    public func peek(_ index: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]!
    }
}
