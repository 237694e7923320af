import Foundation
import SurveyModel
import SurveyEstimation
import SurveyBenchmark

/// Turns published figures and CareSurvey's own results into benchmark sets, one per measure ×
/// year × breakdown, with the SE's source (benchmarking.md §3): published MoE / 1.96; for a
/// survey proportion with only a base √(p(1 − p)/b) (approximate); for measures not from a survey,
/// Wilson (proportions) or Byar / exact Poisson (rates per 100,000) intervals from numerator and
/// denominator, SE = interval width / (2 × 1.96) (approximate). Own results replace the published
/// figure of the same council, measure and year; when they include England (all councils loaded),
/// the comparison with England is design-based.
struct BenchmarkSetBuilder {
    let catalogue: MeasureCatalogue
    let councils: Councils
    /// The council being benchmarked, if any.
    var focus: String?

    struct Key: Hashable { var measure, year, breakdown: String }
    struct AreaYear: Hashable { var area, name, year: String }

    func sets(_ inputs: BenchmarkInputs, years: Set<String>?, measures: Set<String>?) -> (sets: [BenchmarkSet], notes: [String]) {
        var groups: [Key: (councils: [String: BenchmarkEntry], england: BenchmarkEntry?, regions: [String: BenchmarkEntry], own: Bool)] = [:]
        var order: [Key] = []
        var notes: [String] = []
        var against: [Key: String] = [:]
        func touch(_ key: Key) {
            if groups[key] == nil { groups[key] = ([:], nil, [:], false); order.append(key) }
        }
        // Looked up once per measure id and per council × year (each is in many figures).
        var measureOf: [String: AscofMeasure?] = [:]
        var regionOf: [AreaYear: String?] = [:]
        for f in inputs.published.figures {
            let found = measureOf[f.measure] ?? { let m = catalogue.measure(id: f.measure); measureOf[f.measure] = .some(m); return m }()
            guard let m = found else { continue }
            let key = Key(measure: f.measure, year: f.year, breakdown: f.breakdown)
            guard measures?.contains(f.measure) ?? true else { continue }
            var region: String?
            if f.level == .council {
                let at = AreaYear(area: f.area, name: f.areaName, year: f.year)
                if let known = regionOf[at] { region = known } else {
                    region = self.region(f)
                    regionOf[at] = .some(region)
                }
            }
            let entry = self.entry(f, m, region: region)
            switch f.level {
            case .council: touch(key); groups[key]!.councils[f.area] = entry
            case .england: touch(key); groups[key]!.england = entry
            case .region: touch(key); groups[key]!.regions[f.area] = entry
            case .councilType: continue
            }
        }
        for figures in inputs.own {
            guard let year = figures.surveyYear else { continue }
            var replaced = 0
            for input in figures.inputs where input.group.byVariable == nil {
                guard let m = catalogue.measure(id: input.measure) ?? catalogue.measure(code: input.measure, year: year),
                      measures?.contains(m.id) ?? true else { continue }
                var key = Key(measure: m.id, year: year, breakdown: "Total")
                if groups[key] == nil, let last = order.filter({ $0.measure == m.id && $0.breakdown == "Total" && $0.year < year && !(groups[$0]?.own ?? true) })
                    .map(\.year).max(), let published = groups[Key(measure: m.id, year: last, breakdown: "Total")] {
                    // A new, unpublished year: benchmark against the latest published year before it.
                    groups[key] = published
                    order.append(key)
                    against[key] = last
                }
                key = Key(measure: m.id, year: year, breakdown: "Total")
                touch(key)
                var e = BenchmarkEntry(area: "", name: "", estimate: input.estimate, standardError: input.standardError,
                                       seSource: .computed, base: input.respondents.map(Double.init), population: input.population,
                                       notes: ["from CareSurvey results (\(URL(fileURLWithPath: figures.source).lastPathComponent))"])
                switch input.group.level {
                case .england:
                    // "All councils loaded" is England only when nothing published is there; a single
                    // council's results never replace the published England value.
                    guard against[key] == nil, groups[key]!.england == nil else { continue }
                    e.area = "England"; e.name = "England (all councils in the results)"
                    groups[key]!.england = e
                    groups[key]!.own = true
                case .council:
                    guard let code = input.group.council else { continue }
                    // Against an earlier published year, only the council being benchmarked (or one
                    // that is in the published set) joins the published councils.
                    if against[key] != nil, focus.map({ $0 != code }) ?? (groups[key]!.councils[code] == nil) { continue }
                    let council = councils.council(cassr: code, year: year)
                    e.area = code; e.name = council?.name ?? code; e.region = council?.region
                    if groups[key]!.councils[code] != nil { replaced += 1 }
                    groups[key]!.councils[code] = e
                default: continue
                }
            }
            if replaced > 0 { notes.append("\(figures.source): \(replaced) published council figures replaced by CareSurvey's own results") }
        }
        let sets = order.compactMap { key -> BenchmarkSet? in
            guard years?.contains(key.year) ?? true, let g = groups[key], let m = catalogue.measure(id: key.measure) else { return nil }
            let list = g.councils.values.sorted { $0.area < $1.area }
            let designBased = g.own && g.england?.seSource == .computed && list.allSatisfy { $0.seSource == .computed }
            var set = BenchmarkSet(measure: m, year: key.year, breakdown: key.breakdown, councils: list, england: g.england,
                                   regions: g.regions, designBased: designBased)
            if let last = against[key] {
                set.notes.append("\(key.year) value from CareSurvey results; other councils, regions and England: published \(last) figures")
            }
            return set
        }
        return (sets, notes)
    }

    /// A council figure's region: by CASSR code, else as a successor council (ONS code or name).
    func region(_ f: PublishedFigure) -> String? {
        councils.council(cassr: f.area, year: f.year)?.region
            ?? councils.successor(ons: f.area, name: f.areaName, year: f.year)?.region
    }

    /// The entry of a published figure; `region`: `region(f)` for a council's figure.
    func entry(_ f: PublishedFigure, _ m: AscofMeasure, region: String?) -> BenchmarkEntry {
        var e = BenchmarkEntry(area: f.area, name: f.areaName, estimate: f.outcome?.number,
                               base: f.base?.number, numerator: f.numerator?.number, denominator: f.denominator?.number)
        if f.level == .council { e.region = region }
        guard let p = e.estimate else {
            e.missing = f.outcome?.marker.map { "\($0.meaning) \($0 == .blank ? "" : $0.rawValue)".trimmingCharacters(in: .whitespaces) }
                ?? "no outcome row in the published file"
            return e
        }
        if let moe = f.marginOfError?.number {
            e.standardError = moe / 1.96
            e.seSource = .publishedMoE
        } else if m.source == .survey, m.unit == .percent, let b = e.base, b > 0 {
            e.standardError = (max(0, p * (1 - p)) / b).squareRoot()
            e.seSource = .approximate
            e.notes.append("SE approximated from the base (no published margin of error)")
        } else if m.source == .other, let o = e.numerator, let n = e.denominator {
            let counts: (Double) -> (lower: Double, upper: Double)? = { z in
                m.unit == .percent ? CountIntervals.wilson(numerator: o, denominator: n, z: z)
                    : m.unit == .ratePer100000 ? CountIntervals.rate(count: o, population: n, z: z) : nil
            }
            if let i95 = counts(BenchmarkComparison.z95), let i998 = counts(BenchmarkComparison.z998) {
                e.interval95 = .init(i95.lower, i95.upper)
                e.interval998 = .init(i998.lower, i998.upper)
                e.standardError = (i95.upper - i95.lower) / (2 * BenchmarkComparison.z95)
                e.seSource = .approximate
                e.notes.append(m.unit == .percent ? "Wilson interval from numerator and denominator"
                               : (o < 10 ? "exact Poisson interval from the count" : "Byar interval from the count"))
            }
        }
        return e
    }
}
