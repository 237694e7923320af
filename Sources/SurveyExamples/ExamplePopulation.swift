import SurveyModel

/// A council's synthetic eligible population: one cell per combination of the codebook's
/// population dimensions (or a single cell when the council is the only stratum), and the
/// stratified sample drawn from it.
struct ExamplePopulation: Sendable {
    struct Cell: Sendable {
        var dimensions: [String: String]
        var population: Int
        var stratum: Int?
    }

    var cells: [Cell]

    /// Stratum → eligible population.
    var strata: [Int: Int] {
        var totals: [Int: Int] = [:]
        for cell in cells { if let s = cell.stratum { totals[s, default: 0] += cell.population } }
        return totals
    }

    var total: Int { cells.reduce(0) { $0 + $1.population } }

    /// Three-digit council codes in increasing order, spread over 102…998 with a fixed pattern (the
    /// same for every seed, so that runs with different seeds describe the same councils). Code 716,
    /// the council of the documentation's examples, is always one of them.
    static func councilCodes(count: Int) -> [String] {
        guard count > 0 else { return [] }
        var rng = ExampleRandom(seed: 0xC0DE, stream: 1)
        let gap = 897.0 / Double(count)
        var codes = (0..<count).map { i in
            let start = 102 + Int(Double(i) * gap)
            let room = max(0, Int(gap) - 1)
            return start + (room > 0 ? rng.integer(in: 0...room) : 0)
        }
        // The code nearest 716 becomes 716: order and distinctness are kept.
        if !codes.contains(documentedCouncil), let nearest = codes.indices.min(by: { abs(codes[$0] - documentedCouncil) < abs(codes[$1] - documentedCouncil) }) {
            codes[nearest] = documentedCouncil
        }
        return codes.map(String.init)
    }

    static let documentedCouncil = 716

    /// Cell populations: the council's size spread over the cells by the hint weights, with noise.
    static func generate(scheme: PopulationScheme, profile: ExampleProfile, rng: inout ExampleRandom) -> ExamplePopulation {
        // Council size: skewed, 0.25–3.25 times the typical size (mean about 1).
        let u = rng.uniform()
        let size = profile.councilSize * (0.25 + 3.0 * u * u * u)
        let stratumSet = scheme.set("stratum")
        guard !scheme.dimensions.isEmpty else {
            let stratum = stratumSet.flatMap { scheme.stratum(of: [:], in: $0) } ?? 1
            return ExamplePopulation(cells: [Cell(dimensions: [:], population: max(50, Int(size.rounded())), stratum: stratum)])
        }
        var combos: [[String: String]] = [[:]]
        for dimension in scheme.dimensions {
            let values = scheme.values[dimension] ?? []
            combos = combos.flatMap { combo in values.map { value in combo.merging([dimension: value]) { a, _ in a } } }
        }
        let weights = combos.map { weight(of: $0, scheme: scheme, profile: profile) }
        let total = weights.reduce(0, +)
        var cells: [Cell] = []
        for (combo, weight) in zip(combos, weights) {
            let noise = max(0.3, 1 + 0.25 * rng.normal())
            let population = total > 0 ? Int((size * weight / total * noise).rounded()) : 0
            cells.append(Cell(dimensions: combo, population: population,
                              stratum: stratumSet.flatMap { scheme.stratum(of: combo, in: $0) }))
        }
        return ExamplePopulation(cells: cells)
    }

    private static func weight(of combo: [String: String], scheme: PopulationScheme, profile: ExampleProfile) -> Double {
        var product = 1.0
        for dimension in scheme.dimensions {
            guard let value = combo[dimension] else { continue }
            let count = Double(scheme.values[dimension]?.count ?? 1)
            guard let hint = profile.dimensionWeights[dimension] else {
                product /= count
                continue
            }
            let key = hint.dependsOn.flatMap { combo[$0] } ?? ""
            product *= hint.weights[key]?[value] ?? (1 / count)
        }
        return product
    }

    /// Completed questionnaires needed for ±5 points at 95% (ascs.md §1), rounded up.
    static func completesRequired(population: Int) -> Double {
        let n = Double(population)
        guard n > 1 else { return n }
        let z2pq = 1.96 * 1.96 * 0.25
        return (n * z2pq / ((n - 1) * 0.05 * 0.05 + z2pq)).rounded(.up)
    }

    /// The sample: cell indexes, about half proportional to the strata and half equal across them,
    /// sized so that the expected completes meet the precision requirement. Without replacement.
    func sample(profile: ExampleProfile, rng: inout ExampleRandom) -> [Int] {
        let strata = self.strata
        let keys = strata.keys.sorted().filter { strata[$0]! > 0 }
        guard !keys.isEmpty else { return [] }
        let total = Double(keys.reduce(0) { $0 + strata[$1]! })
        let allocation = keys.map { 0.5 * Double(strata[$0]!) / total + 0.5 / Double(keys.count) }
        let expectedRate = zip(keys, allocation).reduce(0.0) { $0 + $1.1 * ExampleGenerator.rate(profile.responseRate, $1.0) }
        let size = (Self.completesRequired(population: Int(total)) / max(expectedRate, 0.05) * 1.05).rounded(.up)
        var drawn: [Int] = []
        for (key, share) in zip(keys, allocation) {
            let members = cells.indices.filter { cells[$0].stratum == key }
            var remaining = members.map { Double(cells[$0].population) }
            let count = min(strata[key]!, Int((size * share).rounded()))
            for _ in 0..<count {
                let pick = rng.index(weights: remaining)
                remaining[pick] -= 1
                drawn.append(members[pick])
            }
        }
        rng.shuffle(&drawn)
        return drawn
    }

    /// Rows of the population file and of the workbook tables.
    func rows(council: String, detailed: Bool) -> [PopulationRow] {
        if detailed {
            return cells.map { PopulationRow(council: council, dimensions: $0.dimensions, population: Double($0.population)) }
        }
        return [PopulationRow(council: council, stratum: cells.first?.stratum ?? 1, population: Double(total))]
    }
}
