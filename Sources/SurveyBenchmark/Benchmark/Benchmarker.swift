import Foundation
import SurveyModel

/// Benchmarks councils within each measure × year × breakdown (benchmarking.md §3): rank and
/// rank interval, quartile and the distance to the next and top quartiles, comparisons with
/// England, the region and the peers, and the funnel class. No I/O: sets in, results out.
public struct Benchmarker: Sendable {
    public var peers: PeerGroups?
    public var rankIntervals: RankInterval

    public init(peers: PeerGroups? = nil, rankIntervals: RankInterval = RankInterval()) {
        self.peers = peers
        self.rankIntervals = rankIntervals
    }

    /// Results for every council in every set (the focus council's are picked out by the caller:
    /// charts need everyone's).
    /// Sets are benchmarked in parallel (each is independent; the output order is the input order).
    public func run(_ sets: [BenchmarkSet]) -> [BenchmarkResult] {
        let box = ResultsBox(count: sets.count)
        DispatchQueue.concurrentPerform(iterations: sets.count) { i in box.set(i, run(sets[i])) }
        return box.values.flatMap { $0 }
    }

    public func run(_ set: BenchmarkSet) -> [BenchmarkResult] {
        let m = set.measure
        let higher = m.higherIsBetter
        let councils = set.councils.map { entry -> BenchmarkEntry in var e = entry; e.fillIntervalsFromSE(); return e }
        // Ranked: councils with a value. Suppressed and missing values are never ranked.
        let rankedIndex = councils.indices.filter { councils[$0].estimate != nil }
        let values = rankedIndex.map { councils[$0].estimate! }
        let ranks = Ranking.ranks(values, higherIsBetter: higher)
        var rankOf: [Int: Double] = [:]
        for (k, i) in rankedIndex.enumerated() { rankOf[i] = ranks[k] }
        let cuts = Quartiles.cutPoints(values)
        let targets = Array(councils.indices)
        // Rank intervals: councils with a value and an SE.
        let withSE = rankedIndex.filter { councils[$0].standardError != nil }
        var rankBounds: [Int: RankInterval.Bounds] = [:]
        if withSE.count >= 2 {
            let bounds = rankIntervals.intervals(estimates: withSE.map { councils[$0].estimate! },
                                                 standardErrors: withSE.map { councils[$0].standardError! }, higherIsBetter: higher)
            for (k, i) in withSE.enumerated() { rankBounds[i] = bounds[k] }
        }
        let withoutSE = rankedIndex.count - withSE.count
        // Funnel around England's value.
        var funnelOf: [Int: Funnel.Point] = [:]
        var funnel: Funnel?
        if let target = set.england?.estimate {
            let usable = withSE.filter { councils[$0].standardError! > 0 }
            funnel = Funnel(values: usable.map { councils[$0].estimate! }, standardErrors: usable.map { councils[$0].standardError! },
                            target: target)
            if let funnel { for (k, i) in usable.enumerated() { funnelOf[i] = funnel.points[k] } }
        }
        let code = set.measure.codes.values.count > 1 ? displayCode(m, year: set.year) : (m.codes.values.first ?? m.id)
        return targets.map { i in
            let c = councils[i]
            var notes = set.notes + c.notes
            var result = BenchmarkResult(
                measure: m.id, displayCode: code, measureName: m.name, year: set.year, breakdown: set.breakdown,
                council: c.area, name: c.name, unit: m.unit, higherIsBetter: higher, estimate: c.estimate,
                standardError: c.standardError, seSource: c.seSource, lower: c.interval95?.lower, upper: c.interval95?.upper,
                rank: rankOf[i], of: rankedIndex.count, suppressed: c.estimate == nil, notes: [])
            guard let estimate = c.estimate else {
                notes.append("no value: \(c.missing ?? "missing"); not ranked, not counted as zero")
                result.notes = notes
                return result
            }
            if let b = rankBounds[i] {
                result.rankLower = b.lower
                result.rankUpper = b.upper
                if withoutSE > 0 { notes.append("rank interval among the \(withSE.count) councils with a standard error; \(withoutSE) without one left out") }
            } else {
                notes.append(c.standardError == nil ? "no standard error: no rank interval" : "too few councils with a standard error for a rank interval")
            }
            if let cuts {
                let q = Quartiles.quartile(estimate, cutPoints: cuts, higherIsBetter: higher)
                result.quartile = q
                result.cutPoints = cuts
                if values.count < 4 { notes.append("quartiles of only \(values.count) councils") }
                result.nextQuartile = distance(c, estimate, q, q - 1, cuts, m)
                result.topQuartile = q > 2 ? distance(c, estimate, q, 1, cuts, m) : nil
            }
            result.england = versus(c, estimate, set.england, set: set, higher: higher)
            if let region = c.region { result.region = versus(c, estimate, set.regions[region], set: set, higher: higher) }
            result.peers = peerComparison(i, councils: councils, higher: higher, rankOf: rankOf)
            if let p = funnelOf[i], let funnel {
                result.funnel = BenchmarkResult.FunnelPoint(class: p.class, z: p.z, phi: funnel.phi, tau2: funnel.tau2,
                                                            lower95: p.lower95, upper95: p.upper95, lower998: p.lower998,
                                                            upper998: p.upper998, precision: 1 / c.standardError!)
            }
            result.notes = notes
            return result
        }
    }

    func displayCode(_ m: AscofMeasure, year: String) -> String {
        let now = year >= "2023-24" ? m.codes["2023-24"] : m.codes["pre-2023-24"]
        let other = year >= "2023-24" ? m.codes["pre-2023-24"] : m.codes["2023-24"]
        guard let now else { return m.id }
        guard let other, AscofMeasure.normalise(other) != AscofMeasure.normalise(now) else { return now }
        return year >= "2023-24" ? "\(now) (was \(other))" : "\(now) (now \(other))"
    }

    func distance(_ c: BenchmarkEntry, _ value: Double, _ q: Int, _ target: Int, _ cuts: [Double],
                  _ m: AscofMeasure) -> BenchmarkResult.QuartileDistance? {
        guard let d = Quartiles.distance(from: value, quartile: q, to: target, cutPoints: cuts, higherIsBetter: m.higherIsBetter) else { return nil }
        var people: Double?
        var unit: String?
        switch m.unit {
        case .percent:
            if let n = c.population { people = d.gap * n; unit = m.peopleUnit }
            else if let n = c.denominator ?? c.base { people = d.gap * n; unit = "\(m.peopleUnit) (of the base, population unknown)" }
        case .ratePer100000:
            if let n = c.denominator { people = d.gap * n / 100_000; unit = m.peopleUnit }
        case .score: break
        }
        return .init(cutPoint: d.cutPoint, gap: d.gap, gapPeople: people, peopleUnit: unit)
    }

    func versus(_ c: BenchmarkEntry, _ estimate: Double, _ benchmark: BenchmarkEntry?, set: BenchmarkSet,
                higher: Bool) -> BenchmarkResult.Versus? {
        guard let benchmark else { return nil }
        guard let b = benchmark.estimate else { return .init(value: nil, comparison: .notCompared, method: "ci-rule", pValue: nil) }
        if set.designBased, let se = c.standardError, let nc = c.population, let seE = benchmark.standardError,
           let n = benchmark.population,
           let test = DesignDifference(council: estimate, councilVariance: se * se, councilPopulation: nc,
                                       england: b, englandVariance: seE * seE, englandPopulation: n) {
            return .init(value: b, comparison: BenchmarkComparison.fromTest(difference: test.difference, pValue: test.pValue, higherIsBetter: higher),
                         method: "design-based", pValue: test.pValue)
        }
        let cmp = BenchmarkComparison.rule(estimate: estimate, benchmark: b, interval95: c.interval95.map { ($0.lower, $0.upper) },
                                           interval998: c.interval998.map { ($0.lower, $0.upper) }, higherIsBetter: higher)
        return .init(value: b, comparison: cmp, method: "ci-rule", pValue: nil)
    }

    /// Peer average: the plain mean of the peers' values, SE = √(Σ SE_i²)/k when every peer has one;
    /// the focus council is never its own peer. Rank in peers: among the council and its peers with values.
    func peerComparison(_ i: Int, councils: [BenchmarkEntry], higher: Bool, rankOf: [Int: Double]) -> BenchmarkResult.Peers? {
        let c = councils[i]
        guard let peers, let list = peers.peers[c.area], let estimate = c.estimate else { return nil }
        let members = list.compactMap { p in councils.first { $0.area == p } }
        let valued = members.filter { $0.estimate != nil }
        guard !valued.isEmpty else {
            return .init(average: nil, standardError: nil, comparison: .notCompared, rankInPeers: nil, of: 0, peers: list.count)
        }
        let k = Double(valued.count)
        let average = valued.reduce(0) { $0 + $1.estimate! } / k
        let se: Double? = valued.allSatisfy { $0.standardError != nil }
            ? valued.reduce(0) { $0 + $1.standardError! * $1.standardError! }.squareRoot() / k : nil
        let cmp = BenchmarkComparison.rule(estimate: estimate, benchmark: average, interval95: c.interval95.map { ($0.lower, $0.upper) },
                                           interval998: c.interval998.map { ($0.lower, $0.upper) }, higherIsBetter: higher)
        let group = [estimate] + valued.map { $0.estimate! }
        let rank = Ranking.ranks(group, higherIsBetter: higher)[0]
        return .init(average: average, standardError: se, comparison: cmp, rankInPeers: rank, of: group.count, peers: list.count)
    }
}

/// Results of parallel work, one slot per task.
private final class ResultsBox: @unchecked Sendable {
    private var slots: [[BenchmarkResult]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [BenchmarkResult]) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [[BenchmarkResult]] { lock.lock(); defer { lock.unlock() }; return slots }
}
