/// Finds the sheet name closest to a missing one (for "Did you mean …?").
enum XLSXSheetSuggestion {
    /// The name with the smallest case-insensitive edit distance to `expected`, if that distance
    /// is at most `maxDistance`; the first such name in workbook order on a tie.
    static func nearest(to expected: String, in names: [String], maxDistance: Int = 3) -> String? {
        let target = Array(expected.lowercased())
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = editDistance(target, Array(name.lowercased()), cap: maxDistance)
            if distance <= maxDistance, distance < (best?.distance ?? Int.max) {
                best = (name, distance)
            }
        }
        return best?.name
    }

    /// Levenshtein distance, returning `cap + 1` early once it must exceed `cap`.
    static func editDistance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if abs(a.count - b.count) > cap { return cap + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > cap { return cap + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
