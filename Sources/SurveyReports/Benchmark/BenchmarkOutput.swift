import SurveyModel
import SurveyBenchmark

/// `caresurvey benchmark` outputs: the JSON contract of benchmarking.md §7 (schemaVersion 1) and
/// the same fields flattened to CSV, one row per result.
public enum BenchmarkOutput {
    public static let schemaVersion = 1

    static func unit(_ u: MeasureUnit) -> String {
        switch u {
        case .percent: return "percent"
        case .score: return "score"
        case .ratePer100000: return "rate"
        }
    }

    static func distance(_ d: BenchmarkResult.QuartileDistance?) -> JSONValue {
        guard let d else { return .null }
        return .object([("cutPoint", .number(d.cutPoint)), ("gap", .number(d.gap)), ("gapPeople", .number(d.gapPeople)),
                        ("peopleUnit", .text(d.peopleUnit))])
    }

    static func versus(_ v: BenchmarkResult.Versus?) -> JSONValue {
        guard let v else { return .null }
        return .object([("value", .number(v.value)), ("comparison", .string(v.comparison.rawValue)), ("method", .string(v.method)),
                        ("pValue", .number(v.pValue))])
    }

    static func int(_ x: Int?) -> JSONValue { x.map(JSONValue.int) ?? .null }

    static func peers(_ p: BenchmarkResult.Peers?) -> JSONValue {
        guard let p else { return .null }
        return .object([("average", .number(p.average)), ("standardError", .number(p.standardError)),
                        ("comparison", .string(p.comparison.rawValue)), ("rankInPeers", .number(p.rankInPeers)), ("of", .int(p.of))])
    }

    static func funnel(_ f: BenchmarkResult.FunnelPoint?) -> JSONValue {
        guard let f else { return .null }
        return .object([("class", .string(f.class.rawValue)), ("z", .number(f.z)), ("phi", .number(f.phi)), ("tau2", .number(f.tau2))])
    }

    /// `benchmark --targets`: the target and amber band in the measure's unit (fractions for
    /// proportions), the RAG status, the shortfall (negative = better than the target) and whether
    /// the target lies outside the 95% interval.
    static func target(_ t: TargetStatus?) -> JSONValue {
        guard let t else { return .null }
        return .object([("value", .number(t.target.value)), ("amber", .number(t.target.amber)), ("rag", .string(t.rag.rawValue)),
                        ("shortfall", .number(t.shortfall)), ("clear", t.clear.map(JSONValue.bool) ?? .null)])
    }

    static func result(_ r: BenchmarkResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        pairs.append(("measure", .string(r.measure)))
        pairs.append(("year", .string(r.year)))
        pairs.append(("breakdown", .string(r.breakdown)))
        pairs.append(("council", .string(r.council)))
        pairs.append(("name", .string(r.name)))
        pairs.append(("unit", .string(unit(r.unit))))
        pairs.append(("polarity", .string(r.higherIsBetter ? "higher" : "lower")))
        pairs.append(("estimate", .number(r.estimate)))
        pairs.append(("standardError", .number(r.standardError)))
        pairs.append(("seSource", .string(r.seSource.rawValue)))
        pairs.append(("lower", .number(r.lower)))
        pairs.append(("upper", .number(r.upper)))
        pairs.append(("rank", .number(r.rank)))
        pairs.append(("of", .int(r.of)))
        pairs.append(("rankLower", int(r.rankLower)))
        pairs.append(("rankUpper", int(r.rankUpper)))
        pairs.append(("quartile", int(r.quartile)))
        let cuts: JSONValue = r.cutPoints.map { .array($0.map(JSONValue.number)) } ?? .null
        pairs.append(("cutPoints", cuts))
        pairs.append(("nextQuartile", distance(r.nextQuartile)))
        pairs.append(("topQuartile", distance(r.topQuartile)))
        pairs.append(("england", versus(r.england)))
        pairs.append(("region", versus(r.region)))
        pairs.append(("peers", peers(r.peers)))
        pairs.append(("funnel", funnel(r.funnel)))
        pairs.append(("suppressed", .bool(r.suppressed)))
        pairs.append(("notes", .array(r.notes.map(JSONValue.string))))
        // After the contract's fields:
        pairs.append(("code", .string(r.displayCode)))
        pairs.append(("measureName", .string(r.measureName)))
        pairs.append(("target", target(r.target)))
        return .object(pairs)
    }

    /// The document, byte for byte as `JSONValue.serialized()` lays it out; the results (20,000
    /// for every council × measure × 5 years, 30 MB) are streamed in parallel parts joined in order.
    public static func json(_ report: BenchmarkReport) -> String {
        var w = JSONStream(capacity: 1_600 * report.results.count + 4096)
        w.beginObject()
        w.key("schemaVersion"); w.int(schemaVersion)
        w.key("focus"); w.value(.text(report.focus))
        w.key("results")
        w.beginArray()
        let results = report.results
        w.parallelMembers(count: results.count, parts: results.count < 1000 ? 1 : 8, capacityPerMember: 1_600) { range, part in
            for r in results[range] { BenchmarkJSON.write(r, to: &part) }
        }
        w.endArray()
        w.key("diagnostics")
        w.value(.array(report.diagnostics.map { d in
            .object([("severity", .string(d.severity.rawValue)), ("file", .text(d.file)), ("sheet", .text(d.sheet)),
                     ("row", d.row.map(JSONValue.int) ?? .null), ("column", .text(d.column)), ("value", .text(d.value)),
                     ("rule", .string(d.rule)), ("message", .string(d.message))])
        }))
        w.key("rankIntervals"); w.value(.object([("draws", .int(report.draws)), ("seed", .string(String(report.seed)))]))
        w.key("files")
        w.value(.array(report.files.map { f in
            .object([("path", .string(f.path)), ("format", .string(f.format)), ("years", .array(f.years.map(JSONValue.string))),
                     ("rowsRead", .int(f.rowsRead)), ("rowsUsed", .int(f.rowsUsed)), ("rowsNotUsed", .int(f.rowsNotUsed)),
                     ("markers", .object(f.markers.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))])
        }))
        w.key("notes"); w.value(.array(report.notes.map(JSONValue.string)))
        w.endObject()
        return w.finish()
    }

    /// The CSV: `table(report)`'s rows (one per result, the JSON's fields flattened).
    public static func csv(_ report: BenchmarkReport) -> String { table(report).csv }
}
