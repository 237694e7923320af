import Foundation
import SurveyModel

/// `(0..<count).map(transform)` computed in up to `parts` parallel parts (contiguous ranges of
/// indices), the results in index order: the same array as the serial map, for a pure `transform`.
enum ParallelMap {
    static func map<T: Sendable>(count: Int, parts: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let partCount = max(1, min(parts, count))
        if partCount == 1 { return (0..<count).map(transform) }
        let slots = ParallelResults<[T]>(count: partCount)
        DispatchQueue.concurrentPerform(iterations: partCount) { p in
            let range = (count * p / partCount)..<(count * (p + 1) / partCount)
            slots.set(p, range.map(transform))
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for p in 0..<partCount { out += slots.take(p) }
        return out
    }
}
