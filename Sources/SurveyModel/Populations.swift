/// One row of an eligible-population file: a council and either the detailed dimensions
/// (age band, gender, PSR group, setting) or a stratum, with the number of people.
public struct PopulationRow: Sendable, Hashable, Codable {
    public var council: String
    public var dimensions: [String: String]?
    public var stratum: Int?
    public var population: Double

    public init(council: String, dimensions: [String: String]? = nil, stratum: Int? = nil, population: Double) {
        self.council = council
        self.dimensions = dimensions
        self.stratum = stratum
        self.population = population
    }
}

/// Eligible populations N_h per population set, council and stratum.
///
/// Built from detailed rows with the codebook's population sets (`stratum`, `adjusted`, `q2c`, …),
/// or from stratum rows, in which case every finer set falls back to the stratum populations
/// (and `fallbackSets` says which, for a warning in the output).
public struct Populations: Sendable, Hashable {
    /// set → council → stratum → N.
    public private(set) var sets: [String: [String: [Int: Double]]] = [:]
    /// Sets that used stratum populations because the file had no detail.
    public private(set) var fallbackSets: [String] = []
    public private(set) var isDetailed: Bool

    public init(rows: [PopulationRow], scheme: PopulationScheme) {
        isDetailed = rows.contains { $0.dimensions != nil }
        // Councils as indices, in order of first appearance (rows usually come council by council).
        var councilNames: [String] = []
        var councilLookup: [String: Int] = [:]
        var councilOfRow = [Int](repeating: 0, count: rows.count)
        var last = (name: "", index: -1)
        for (r, row) in rows.enumerated() {
            if last.index < 0 || row.council != last.name {
                let index = councilLookup[row.council] ?? {
                    councilNames.append(row.council)
                    councilLookup[row.council] = councilNames.count - 1
                    return councilNames.count - 1
                }()
                last = (row.council, index)
            }
            councilOfRow[r] = last.index
        }
        let strata = StrataOfRows(rows: rows, scheme: scheme)
        for (s, set) in scheme.sets.enumerated() {
            // Per council: (stratum, N) in order of first appearance, summed in row order.
            var sums = [[(stratum: Int, total: Double)]](repeating: [], count: councilNames.count)
            var seen = [Bool](repeating: false, count: councilNames.count)
            var order: [Int] = []
            var usedFallback = false
            for (r, row) in rows.enumerated() {
                let stratum: Int?
                if row.dimensions != nil {
                    stratum = strata.stratum(row: r, set: s)
                } else {
                    stratum = row.stratum
                    if set.name != "stratum" { usedFallback = true }
                }
                guard let stratum else { continue }
                let c = councilOfRow[r]
                if !seen[c] { seen[c] = true; order.append(c) }
                if let k = sums[c].firstIndex(where: { $0.stratum == stratum }) {
                    sums[c][k].total += row.population
                } else {
                    sums[c].append((stratum, 0 + row.population))
                }
            }
            var table: [String: [Int: Double]] = Dictionary(minimumCapacity: order.count)
            for c in order {
                var cells: [Int: Double] = Dictionary(minimumCapacity: sums[c].count)
                for cell in sums[c] { cells[cell.stratum] = cell.total }
                table[councilNames[c]] = cells
            }
            sets[set.name] = table
            if usedFallback { fallbackSets.append(set.name) }
        }
        if sets["stratum"] == nil {
            var table: [String: [Int: Double]] = [:]
            for row in rows { table[row.council, default: [:]][row.stratum ?? 1, default: 0] += row.population }
            sets["stratum"] = table
        }
    }

    /// N for a council and stratum in a set (falling back to the stratum set if the set is unknown).
    public func population(set: String, council: String, stratum: Int) -> Double? {
        (sets[set] ?? sets["stratum"])?[council]?[stratum]
    }

    public var councils: Set<String> { Set(sets["stratum"]?.keys.map { $0 } ?? []) }

    /// Multiplies every population by `factor` (for property tests and scenario checks).
    public func scaled(by factor: Double) -> Populations {
        var copy = self
        copy.sets = sets.mapValues { $0.mapValues { $0.mapValues { $0 * factor } } }
        return copy
    }
}
