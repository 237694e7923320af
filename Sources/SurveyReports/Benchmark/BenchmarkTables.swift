import SurveyModel
import SurveyBenchmark

// `benchmark --format csv` and `--format xlsx` from one typed description: the results table (one
// row per result, the JSON's fields flattened: the CSV is `table(report).csv`), the files read, the
// diagnostics, and the notes of the workbook's Notes sheet.

extension BenchmarkOutput {
    /// The results table's columns with their workbook formats. Figures in the measure's unit
    /// (`estimate`, its interval, cut points, gaps, England, region, peers) are `.estimate`: shown as
    /// percentages on percent measures (stored as fractions), as decimals on scores and rates.
    static let columns: [ReportTable.Column] = {
        let inUnit: Set<String> = ["estimate", "standardError", "lower", "upper", "q25", "q50", "q75", "nextQuartileCutPoint",
                                   "nextQuartileGap", "topQuartileCutPoint", "topQuartileGap", "englandValue", "regionValue",
                                   "peersAverage", "peersStandardError", "target", "amber", "targetShortfall"]
        let whole: Set<String> = ["of", "rankLower", "rankUpper", "quartile", "peersOf"]
        let people: Set<String> = ["nextQuartileGapPeople", "topQuartileGapPeople"]
        let decimal: Set<String> = ["funnelZ", "funnelPhi"]
        let general: Set<String> = ["rank", "rankInPeers", "funnelTau2"]
        return csvHeader.map { name in
            if inUnit.contains(name) { return .init(name, .estimate) }
            if whole.contains(name) { return .init(name, .whole) }
            if people.contains(name) { return .init(name, .count) }
            if decimal.contains(name) { return .init(name, .decimal) }
            if general.contains(name) { return .init(name, .general) }
            if name.hasSuffix("PValue") { return .init(name, .pValue) }
            return .init(name, .text)
        }
    }()

    public static let csvHeader = [
        "measure", "year", "breakdown", "council", "name", "unit", "polarity", "estimate", "standardError", "seSource",
        "lower", "upper", "rank", "of", "rankLower", "rankUpper", "quartile", "q25", "q50", "q75",
        "nextQuartileCutPoint", "nextQuartileGap", "nextQuartileGapPeople", "nextQuartilePeopleUnit",
        "topQuartileCutPoint", "topQuartileGap", "topQuartileGapPeople", "topQuartilePeopleUnit",
        "englandValue", "englandComparison", "englandMethod", "englandPValue",
        "regionValue", "regionComparison", "regionMethod", "regionPValue",
        "peersAverage", "peersStandardError", "peersComparison", "rankInPeers", "peersOf",
        "funnelClass", "funnelZ", "funnelPhi", "funnelTau2", "suppressed", "notes", "code", "measureName",
        "target", "amber", "rag", "targetShortfall", "targetClear",
    ]

    /// One row per result (the focus council's, or every council's), in the report's order.
    public static func table(_ report: BenchmarkReport) -> ReportTable {
        var t = ReportTable(
            title: "Table 1: Benchmark of every measure" + (report.focus.map { " for council \($0)" } ?? " for every council")
                + " against every council, the region, the peers and England",
            sheetName: "Benchmark",
            description: "One row per council, measure, year and breakdown, as in the CSV output. Proportions are fractions shown as "
                + "percentages; scores and rates per 100,000 are on their own scale (the unit column). Rank 1 = best.",
            columns: columns)
        typealias C = CSVWriter.Cell
        func int(_ x: Int?) -> C { x.map(C.integer) ?? .empty }
        func dist(_ d: BenchmarkResult.QuartileDistance?) -> [C] {
            [.optional(d?.cutPoint), .optional(d?.gap), .optional(d?.gapPeople), .text(d?.peopleUnit ?? "")]
        }
        func vs(_ v: BenchmarkResult.Versus?) -> [C] {
            [.optional(v?.value), .text(v?.comparison.rawValue ?? ""), .text(v?.method ?? ""), .optional(v?.pValue)]
        }
        t.rows.reserveCapacity(report.results.count)
        t.isProportionRow.reserveCapacity(report.results.count)
        for r in report.results {
            var row: [C] = [.text(r.measure), .text(r.year), .text(r.breakdown), .text(r.council), .text(r.name), .text(unit(r.unit)),
                            .text(r.higherIsBetter ? "higher" : "lower"), .optional(r.estimate), .optional(r.standardError),
                            .text(r.seSource.rawValue), .optional(r.lower), .optional(r.upper), .optional(r.rank), .integer(r.of),
                            int(r.rankLower), int(r.rankUpper), int(r.quartile)]
            row.reserveCapacity(csvHeader.count)
            row += (0..<3).map { .optional(r.cutPoints?[$0]) }
            row += dist(r.nextQuartile) + dist(r.topQuartile) + vs(r.england) + vs(r.region)
            row += [.optional(r.peers?.average), .optional(r.peers?.standardError), .text(r.peers?.comparison.rawValue ?? ""),
                    .optional(r.peers?.rankInPeers), int(r.peers?.of)]
            row += [.text(r.funnel?.class.rawValue ?? ""), .optional(r.funnel?.z), .optional(r.funnel?.phi), .optional(r.funnel?.tau2),
                    .text(r.suppressed ? "true" : "false"), .text(r.notes.joined(separator: "; ")), .text(r.displayCode), .text(r.measureName)]
            let goal = r.target
            row += [.optional(goal?.target.value), .optional(goal?.target.amber), .text(goal?.rag.rawValue ?? ""), .optional(goal?.shortfall),
                    .text(goal?.clear.map { $0 ? "true" : "false" } ?? "")]
            t.rows.append(row)
            t.isProportionRow.append(r.unit == .percent)
        }
        t.frozenColumns = 5
        return t
    }

    /// What was read: one row per input file, with its rows read, used and not used and the
    /// markers counted by kind.
    public static func filesTable(_ report: BenchmarkReport) -> ReportTable {
        var t = ReportTable(
            title: "Table 2: Published figures files read", sheetName: "Files read",
            description: "One row per input file: its format, the years it holds, rows read, used and not used (each unused row is on the Diagnostics sheet) and markers by kind.",
            columns: [.init("path"), .init("format"), .init("years"), .init("rowsRead", .count), .init("rowsUsed", .count),
                      .init("rowsNotUsed", .count), .init("markers")])
        for f in report.files {
            t.rows.append([.text(f.path), .text(f.format), .text(f.years.joined(separator: ", ")), .integer(f.rowsRead), .integer(f.rowsUsed),
                           .integer(f.rowsNotUsed), .text(f.markers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))])
        }
        return t
    }

    /// Every diagnostic of the inputs (the validate layout, titled for benchmark).
    public static func diagnosticsTable(_ report: BenchmarkReport) -> ReportTable {
        var t = ValidationOutput.table(report.diagnostics)
        t.title = "Table 3: Problems found in the published figures files"
        t.sheetName = "Diagnostics"
        return t
    }

    /// The Notes sheet: method, intervals, ranks, quartiles, comparisons, funnel, markers, and the
    /// run's own notes.
    public static func notes(_ report: BenchmarkReport) -> [String] {
        [
            "Source: the published national figures read (the Files read sheet): the ASCOF data file(s), CareSurvey measures results and annex tables. Region and England values are the published ones, not recomputed.",
            "Units: by each measure's definition in Reference/ascof-measures.json (the unit column), never by the size of a number. Proportions are stored as fractions (0.777) and shown as percentages (77.7%); scores and rates per 100,000 are stored and shown on their own scale; every number keeps its full precision.",
            "Standard errors (seSource): published-moe = margin of error / 1.96; approximate = √(p(1 − p)/base) from the published base; computed = by CareSurvey from the returns; none = no interval, and comparisons say not-compared.",
            "Rank: among councils (not regions) with a value for the measure, year and breakdown; 1 = best by the measure's polarity; ties share the average rank; of = how many were ranked.",
            "Rank interval (rankLower–rankUpper): 95% interval of the council's rank by simulation (Marshall & Spiegelhalter 1998), \(report.draws) draws from N(estimate, SE²), fixed seed \(report.seed), so the output is reproducible; councils without a standard error take no part (the notes column says so).",
            "Quartiles: cut points q25, q50, q75 by linear interpolation (R quantile type 7); a value on a cut point goes to the lower bin; quartile 1 = best by polarity. Gaps to the next and top quartile are in the measure's unit and, where the population, base or denominator is known, in people.",
            "Comparisons with England, the region and the peer average: similar when the benchmark lies inside the council's 95% interval, better/worse outside the 95% but inside the 99.8% interval, much-better/much-worse outside the 99.8% (ci-rule); design-based = the z test of the council against England computed from the same returns (p-value given).",
            "Funnel: target England's value; z = (value − England)/SE, winsorised at the 10th and 90th percentiles for φ; τ² the additive over-dispersion; limits England ± z·√(SE² + τ²) at 95% and 99.8%.",
            "Published markers: [c] suppressed (small numbers), [x] not available, [z] not applicable, [w] no data in the category. A value with a marker, or blank, is never ranked and never counted as zero: its estimate is empty, suppressed is true and the notes column names the marker.",
        ] + (report.results.contains { $0.target != nil } ? [
            "Targets (target, amber, rag, targetShortfall, targetClear): from the --targets file, in the measure's unit; GREEN meets the target by the measure's polarity, AMBER is short of it by no more than the amber band, RED otherwise; targetShortfall is how far short (negative = better than the target); targetClear is true when the target lies outside the council's 95% interval (a RED within the margin of error is not the same as a RED outside it).",
        ] : []) + report.notes
    }
}
