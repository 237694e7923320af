import SurveyModel
import SurveyBenchmark

/// One member of the benchmark JSON's `results`, written straight to a `JSONStream`: the same
/// fields in the same order and the same bytes as `BenchmarkOutput.result(_:)`'s `JSONValue`
/// (benchmarking.md §7), without building the tree (30 fields × 20,000 results).
enum BenchmarkJSON {
    static func write(_ r: BenchmarkResult, to w: inout JSONStream) {
        w.beginObject()
        w.key("measure"); w.string(r.measure)
        w.key("year"); w.string(r.year)
        w.key("breakdown"); w.string(r.breakdown)
        w.key("council"); w.string(r.council)
        w.key("name"); w.string(r.name)
        w.key("unit"); w.string(BenchmarkOutput.unit(r.unit))
        w.key("polarity"); w.string(r.higherIsBetter ? "higher" : "lower")
        w.key("estimate"); w.number(r.estimate)
        w.key("standardError"); w.number(r.standardError)
        w.key("seSource"); w.string(r.seSource.rawValue)
        w.key("lower"); w.number(r.lower)
        w.key("upper"); w.number(r.upper)
        w.key("rank"); w.number(r.rank)
        w.key("of"); w.int(r.of)
        w.key("rankLower"); int(r.rankLower, to: &w)
        w.key("rankUpper"); int(r.rankUpper, to: &w)
        w.key("quartile"); int(r.quartile, to: &w)
        w.key("cutPoints")
        if let cuts = r.cutPoints {
            w.beginArray()
            for c in cuts { w.number(c) }
            w.endArray()
        } else { w.null() }
        w.key("nextQuartile"); distance(r.nextQuartile, to: &w)
        w.key("topQuartile"); distance(r.topQuartile, to: &w)
        w.key("england"); versus(r.england, to: &w)
        w.key("region"); versus(r.region, to: &w)
        w.key("peers")
        if let p = r.peers {
            w.beginObject()
            w.key("average"); w.number(p.average)
            w.key("standardError"); w.number(p.standardError)
            w.key("comparison"); w.string(p.comparison.rawValue)
            w.key("rankInPeers"); w.number(p.rankInPeers)
            w.key("of"); w.int(p.of)
            w.endObject()
        } else { w.null() }
        w.key("funnel")
        if let f = r.funnel {
            w.beginObject()
            w.key("class"); w.string(f.class.rawValue)
            w.key("z"); w.number(f.z)
            w.key("phi"); w.number(f.phi)
            w.key("tau2"); w.number(f.tau2)
            w.endObject()
        } else { w.null() }
        w.key("suppressed"); w.bool(r.suppressed)
        w.key("notes"); w.strings(r.notes)
        // After the contract's fields:
        w.key("code"); w.string(r.displayCode)
        w.key("measureName"); w.string(r.measureName)
        w.key("target"); w.value(BenchmarkOutput.target(r.target))
        w.endObject()
    }

    static func int(_ x: Int?, to w: inout JSONStream) {
        if let x { w.int(x) } else { w.null() }
    }

    static func distance(_ d: BenchmarkResult.QuartileDistance?, to w: inout JSONStream) {
        guard let d else { return w.null() }
        w.beginObject()
        w.key("cutPoint"); w.number(d.cutPoint)
        w.key("gap"); w.number(d.gap)
        w.key("gapPeople"); w.number(d.gapPeople)
        w.key("peopleUnit")
        if let u = d.peopleUnit { w.string(u) } else { w.null() }
        w.endObject()
    }

    static func versus(_ v: BenchmarkResult.Versus?, to w: inout JSONStream) {
        guard let v else { return w.null() }
        w.beginObject()
        w.key("value"); w.number(v.value)
        w.key("comparison"); w.string(v.comparison.rawValue)
        w.key("method"); w.string(v.method)
        w.key("pValue"); w.number(v.pValue)
        w.endObject()
    }
}
