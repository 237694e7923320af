import SurveyModel

/// Places observations from any mix of inputs into series (benchmarking.md §5).
///
/// Codes are resolved by the measure catalogue: a published code in the framework numbering of its
/// year (`1I1` in 2022-23 and `5A1` in 2023-24 are the same measure; `1B` is control over daily life
/// before 2023-24 and adjusted quality of life after), CareSurvey's own results by the stable id. The
/// catalogue's series breaks split a series (`TrendBreak`, with the years either side and the reason);
/// a single-year break marks that year's point `excluded`. Two inputs giving the same year keep the
/// first and say so. Unknown codes and years outside every framework are diagnostics, never dropped
/// silently.
public enum SeriesBuilder {
    public static func build(_ observations: [TrendObservation], catalogue: MeasureCatalogue) -> (series: [TrendSeries], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var unknown: [String: Int] = [:]
        // Series by key → place in `built`, mutated in place (a copy out of a dictionary and back
        // copied every series' points for each observation).
        var groups: [TrendSeries.Key: Int] = [:]
        var built: [TrendSeries] = []
        // The measure and the year's code, by scheme × code × year: looked up once each (an index
        // into `resolvedList`, −1 when the catalogue has none, so an `AscofMeasure` is not copied
        // per observation), and the last one kept at hand (a published file's observations come
        // measure by measure).
        var cache: [Lookup: Int] = [:]
        var resolvedList: [(measure: AscofMeasure, yearCode: String)] = []
        var last: (lookup: Lookup, at: Int)?
        // Room for a point per year in each series (the years counted where they change).
        var years = Set<String>()
        var lastYear: String?
        for o in observations where o.point.year != lastYear {
            years.insert(o.point.year)
            lastYear = o.point.year
        }
        for o in observations {
            let lookup = Lookup(stable: o.scheme == .stable, code: o.code, year: o.point.year)
            let found: Int
            if let last, last.lookup == lookup {
                found = last.at
            } else if let hit = cache[lookup] {
                found = hit
                last = (lookup, hit)
            } else {
                let m = lookup.stable ? catalogue.measure(id: o.code) : catalogue.measure(code: o.code, year: o.point.year)
                // The code in the year's numbering (CareSurvey's results carry the stable id).
                if let m {
                    found = resolvedList.count
                    resolvedList.append((m, lookup.stable ? (catalogue.code(of: m, in: o.point.year) ?? o.code) : o.code))
                } else {
                    found = -1
                }
                cache[lookup] = found
                last = (lookup, found)
            }
            guard found >= 0 else {
                unknown["\(o.code) in \(o.point.year)\(o.point.source.map { " (\($0))" } ?? "")", default: 0] += 1
                continue
            }
            let measureID = resolvedList[found].measure.id
            let yearCode = resolvedList[found].yearCode
            let key = TrendSeries.Key(measure: measureID, level: o.level, area: o.area ?? "", breakdown: o.breakdown)
            let at: Int
            if let i = groups[key] {
                at = i
            } else {
                at = built.count
                groups[key] = at
                var series = TrendSeries(measure: resolvedList[found].measure, level: o.level, area: o.area, name: o.name,
                                         breakdown: o.breakdown, points: [], codes: Dictionary(minimumCapacity: years.count), breaks: [])
                series.points.reserveCapacity(years.count)
                built.append(series)
            }
            if built[at].name == nil { built[at].name = o.name }
            if let existing = built[at].points.first(where: { $0.year == o.point.year }) {
                if existing.estimate == nil, o.point.estimate != nil, let i = built[at].points.firstIndex(of: existing) {
                    built[at].points[i] = o.point
                    built[at].codes[o.point.year] = yearCode
                } else if o.point.estimate != nil {
                    diagnostics.append(.warning("duplicate-year", "\(measureID) \(o.level.rawValue) \(o.area ?? "England") \(o.breakdown) "
                        + "\(o.point.year) is given twice; the first value (\(existing.source ?? "first input")) is used",
                        file: o.point.source))
                }
            } else {
                built[at].points.append(o.point)
                built[at].codes[o.point.year] = yearCode
            }
        }
        for (code, count) in unknown.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(.warning("unknown-measure", "measure code \(code) is not in the ASCOF catalogue (Reference/ascof-measures.json); "
                + "\(count) value\(count == 1 ? "" : "s") not placed in a series"))
        }
        // The series in key order (`TrendSeries.Key.<`): each distinct text's rank found once, the
        // keys then compared by ranks (the same order, no string comparisons in the sort; keys are
        // distinct, so no two compare equal). Each series is sorted and broken in place.
        let keys = Array(groups.keys)
        let measureRank = ranks(keys.map(\.measure)), areaRank = ranks(keys.map(\.area)), breakdownRank = ranks(keys.map(\.breakdown))
        let ranked = keys.map { k in (measureRank[k.measure]!, k.level.order, areaRank[k.area]!, breakdownRank[k.breakdown]!, groups[k]!) }
        let series = ranked.sorted { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }.map { r -> TrendSeries in
            built[r.4].points.sort { $0.year < $1.year }
            applyBreaks(&built[r.4])
            return built[r.4]
        }
        return (series, diagnostics)
    }

    /// Each distinct text's place among them in `<` order.
    static func ranks(_ texts: [String]) -> [String: Int] {
        var rank: [String: Int] = [:]
        for (i, text) in Set(texts).sorted().enumerated() { rank[text] = i }
        return rank
    }

    /// What resolves an observation's code: its scheme, the code and the year.
    struct Lookup: Hashable {
        var stable: Bool
        var code: String
        var year: String
    }

    /// Series breaks between points, and single-year breaks as excluded points.
    static func applyBreaks(_ s: inout TrendSeries) {
        for b in s.measure.breaks {
            switch b.kind {
            case .series:
                guard let before = s.points.last(where: { $0.year < b.year }), let after = s.points.first(where: { $0.year >= b.year }) else { continue }
                s.breaks.append(TrendBreak(before: before.year, after: after.year, reason: b.reason))
            case .singleYear:
                for i in s.points.indices where s.points[i].year == b.year { s.points[i].excluded = b.reason }
            }
        }
        // Two breaks may fall between the same two points: keep one entry, both reasons.
        var merged: [TrendBreak] = []
        for b in s.breaks {
            if let i = merged.firstIndex(where: { $0.before == b.before && $0.after == b.after }) {
                merged[i].reason += "; " + b.reason
            } else {
                merged.append(b)
            }
        }
        s.breaks = merged
    }
}
