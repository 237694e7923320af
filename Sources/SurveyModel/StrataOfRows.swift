/// The stratum of every detailed population row in every population set, as
/// `PopulationScheme.stratum(of:in:)` gives it, evaluated once per distinct combination of the
/// dimension values the rules read (a national file has 16,000 rows but about 100 combinations).
struct StrataOfRows {
    /// Per row and set (row-major, `setCount` per row): the stratum, or nil outside the set.
    private var strata: [Int?]
    private let setCount: Int

    init(rows: [PopulationRow], scheme: PopulationScheme) {
        setCount = scheme.sets.count
        strata = [Int?](repeating: nil, count: rows.count * setCount)
        // The dimension keys any rule reads.
        var keys: [String] = []
        for set in scheme.sets {
            for rule in set.rules {
                for key in (rule.when ?? [:]).keys.sorted() where !keys.contains(key) { keys.append(key) }
            }
        }
        // Each key's distinct values seen so far (index + 1; 0 = the row has no such key).
        let radix = 8
        var interned = [[String]](repeating: [], count: keys.count)
        var memo: [Int: [Int?]] = [:]
        for (r, row) in rows.enumerated() {
            guard let dims = row.dimensions else { continue }
            var combination = 0
            var memoisable = keys.count <= 16
            for (k, key) in keys.enumerated() where memoisable {
                var code = 0
                if let value = dims[key] {
                    if let i = interned[k].firstIndex(of: value) {
                        code = i + 1
                    } else if interned[k].count < radix - 1 {
                        interned[k].append(value)
                        code = interned[k].count
                    } else {
                        memoisable = false
                    }
                }
                combination = combination * radix + code
            }
            let values: [Int?]
            if memoisable, let known = memo[combination] {
                values = known
            } else {
                values = scheme.sets.map { scheme.stratum(of: dims, in: $0) }
                if memoisable { memo[combination] = values }
            }
            for s in 0..<setCount { strata[r * setCount + s] = values[s] }
        }
    }

    func stratum(row: Int, set: Int) -> Int? { strata[row * setCount + set] }
}
