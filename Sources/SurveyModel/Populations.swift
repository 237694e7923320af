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
        for set in scheme.sets {
            var table: [String: [Int: Double]] = [:]
            var usedFallback = false
            for row in rows {
                let stratum: Int?
                if let dims = row.dimensions {
                    stratum = scheme.stratum(of: dims, in: set)
                } else {
                    stratum = row.stratum
                    if set.name != "stratum" { usedFallback = true }
                }
                guard let stratum else { continue }
                table[row.council, default: [:]][stratum, default: 0] += row.population
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
