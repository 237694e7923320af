import SurveyModel
import SurveyEstimation
import SurveyBenchmark

extension TrendJSON {
    /// One series as `series(_:)` lays it out, written straight to the stream: the same keys in the
    /// same order, the same numbers (nil and non-finite as null), the same bytes.
    static func write(_ t: SeriesTrend, into w: inout JSONStream) {
        let s = t.series
        w.beginObject()
        w.key(plain: "measure"); w.string(s.measure.id)
        w.key(plain: "code"); w.string(s.displayCode)
        w.key(plain: "measureName"); w.string(s.measure.name)
        w.key(plain: "unit"); w.string(unit(s.measure.unit))
        w.key(plain: "polarity"); w.string(s.measure.polarity == .higherIsBetter ? "higher" : "lower")
        w.key(plain: "council")
        if s.level == .council { w.text(s.area) } else { w.null() }
        w.key(plain: "level"); w.string(s.level.rawValue)
        w.key(plain: "area"); w.text(s.area)
        w.key(plain: "name"); w.text(s.name)
        w.key(plain: "breakdown"); w.string(s.breakdown)
        w.key(plain: "points")
        w.beginArray()
        for i in s.points.indices { write(s.points[i], code: s.codes[s.points[i].year], into: &w) }
        w.endArray()
        w.key(plain: "breaks")
        w.beginArray()
        for b in s.breaks {
            w.beginObject()
            w.key(plain: "before"); w.string(b.before)
            w.key(plain: "after"); w.string(b.after)
            w.key(plain: "reason"); w.string(b.reason)
            w.endObject()
        }
        w.endArray()
        w.key(plain: "changes")
        w.beginArray()
        for c in t.changes { write(c, into: &w) }
        w.endArray()
        w.key(plain: "recentTrend"); write(t.recentTrend, into: &w)
        w.key(plain: "england"); w.number(t.england)
        w.key(plain: "redRed"); w.bool(t.redRed)
        w.key(plain: "target")
        if let target = t.target { w.value(self.target(target)) } else { w.null() }
        w.endObject()
    }

    /// As `point(_:code:)`.
    static func write(_ p: TrendPoint, code: String?, into w: inout JSONStream) {
        let interval = p.interval95
        w.beginObject()
        w.key(plain: "year"); w.string(p.year)
        w.key(plain: "code"); w.text(code)
        w.key(plain: "estimate"); w.number(p.estimate)
        w.key(plain: "standardError"); w.number(p.testStandardError)
        w.key(plain: "lower"); w.number(interval?.lower)
        w.key(plain: "upper"); w.number(interval?.upper)
        w.key(plain: "respondents")
        if let r = p.respondents { w.int(r) } else { w.null() }
        w.key(plain: "numerator"); w.number(p.numerator)
        w.key(plain: "denominator"); w.number(p.denominator)
        if let marker = p.marker { w.key(plain: "marker"); w.string(marker) }
        if let excluded = p.excluded { w.key(plain: "excluded"); w.string(excluded) }
        w.endObject()
    }

    /// As `change(_:)`.
    static func write(_ c: YearChange, into w: inout JSONStream) {
        w.beginObject()
        w.key(plain: "from"); w.string(c.from)
        w.key(plain: "to"); w.string(c.to)
        w.key(plain: "difference"); w.number(c.difference)
        w.key(plain: "standardError"); w.number(c.standardError)
        w.key(plain: "pValue"); w.number(c.pValue)
        w.key(plain: "pHolm"); w.number(c.pHolm)
        w.key(plain: "pBH"); w.number(c.pBH)
        w.key(plain: "direction"); w.string(c.suppressed && c.direction == .noSignificantChange ? "no-significant-change" : c.direction.rawValue)
        w.key(plain: "comparable"); w.bool(c.comparable)
        w.key(plain: "suppressed"); w.bool(c.suppressed)
        w.endObject()
    }

    /// As `recentTrend(_:)`.
    static func write(_ r: RecentTrend, into w: inout JSONStream) {
        w.beginObject()
        w.key(plain: "points"); w.int(r.points)
        w.key(plain: "years"); w.strings(r.years)
        w.key(plain: "method"); w.text(r.method?.rawValue)
        w.key(plain: "slope"); w.number(r.slope)
        w.key(plain: "slopeStandardError"); w.number(r.slopeStandardError)
        w.key(plain: "chiSquared"); w.number(r.chiSquared)
        w.key(plain: "leaveOneOutSlopes")
        w.beginArray()
        for x in r.leaveOneOutSlopes { w.number(x) }
        w.endArray()
        w.key(plain: "significant"); w.bool(r.significant)
        w.key(plain: "direction"); w.string(r.direction.rawValue)
        w.key(plain: "reason"); w.text(r.reason?.rawValue)
        w.endObject()
    }
}
