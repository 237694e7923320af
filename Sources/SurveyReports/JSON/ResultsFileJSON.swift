import SurveyModel

/// Writes a `ResultsFile` as JSON straight to bytes (`JSONStream`): field for field what its
/// `encode(to:)` gives through `JSONValueEncoder` (same keys in the same order, nil optionals
/// left out where it uses `encodeIfPresent` and null where it uses `encode`, non-finite numbers
/// as null), so `ResultsFile.decode` reads it back. A test compares the two byte for byte.
///
/// Why: encoding the national results (1,208 results, 18 fields each) through `Encodable` built
/// an encoder and a tree node per field and cost more than estimating them.
enum ResultsFileJSON {
    static func render(_ file: ResultsFile) -> String {
        var w = JSONStream(capacity: 1024 * file.results.count + 4096)
        w.beginObject()
        w.key("schemaVersion"); w.int(file.schemaVersion)
        if let survey = file.survey { w.key("survey"); w.string(survey) }
        if let year = file.surveyYear { w.key("surveyYear"); w.string(year) }
        if let interval = file.interval {
            w.key("interval")
            w.beginObject()
            w.key("method"); w.string(interval.method)
            w.key("level"); w.number(interval.level)
            w.endObject()
        }
        if let codebook = file.codebook {
            w.key("codebook")
            w.beginObject()
            w.key("id"); text(codebook.id, &w)
            w.key("status"); text(codebook.status?.rawValue, &w)
            w.endObject()
        }
        if let aggregate = file.aggregate {
            w.key("aggregate")
            w.beginObject()
            w.key("label"); w.string(aggregate.label)
            w.key("councils"); integer(aggregate.councils, &w)
            w.key("allCouncils"); w.bool(aggregate.allCouncils)
            w.endObject()
        }
        w.key("results")
        w.beginArray()
        for r in file.results { write(r, to: &w) }
        w.endArray()
        if let counts = file.diagnostics {
            w.key("diagnostics")
            w.beginObject()
            w.key("errors"); w.int(counts.errors)
            w.key("warnings"); w.int(counts.warnings)
            w.endObject()
        }
        w.key("notes"); w.strings(file.notes)
        w.endObject()
        return w.finish()
    }

    /// One result, as `ResultsFile.Result.encode(to:)`.
    static func write(_ r: ResultsFile.Result, to w: inout JSONStream) {
        w.beginObject()
        w.key("measure"); w.string(r.measure)
        if r.code == nil { w.key("formerCode"); text(r.formerCode, &w) }
        if let name = r.name { w.key("name"); w.string(name) }
        if let kind = r.kind { w.key("kind"); w.string(kind.rawValue) }
        if let code = r.code { w.key("code"); w.int(code) }
        w.key("group"); write(ResultsFile.GroupField(key: r.group, label: r.groupLabel), to: &w)
        w.key("estimate"); w.number(r.estimate)
        w.key("standardError"); w.number(r.standardError)
        w.key("lower"); w.number(r.lower)
        w.key("upper"); w.number(r.upper)
        w.key("respondents")
        switch r.respondents {
        case nil: w.null()
        case let .count(n)?: w.int(n)
        case let .marker(m)?: w.string(m.rawValue)
        }
        w.key("population"); w.number(r.population)
        w.key("cells"); integer(r.cells, &w)
        w.key("singleRespondentCells"); integer(r.singleRespondentCells, &w)
        w.key("designEffect"); w.number(r.designEffect)
        w.key("suppressed"); w.bool(r.suppressed)
        w.key("notes"); w.strings(r.notes)
        w.key("caveat"); text(r.caveat, &w)
        w.endObject()
    }

    /// A result's `group`, as `ResultsFile.GroupField.encode(to:)`.
    static func write(_ g: ResultsFile.GroupField, to w: inout JSONStream) {
        w.beginObject()
        w.key("level"); w.string(g.key.level.rawValue)
        if let label = g.label { w.key("label"); w.string(label) }
        if let variable = g.key.byVariable, let value = g.key.byValue {
            w.key("by")
            w.beginObject()
            w.key(variable); w.string(value)
            w.endObject()
        }
        if let council = g.key.council { w.key("council"); w.string(council) }
        if let group = g.key.group { w.key("group"); w.string(group) }
        w.endObject()
    }

    /// The same `group` object as a value (for documents built as `JSONValue`s).
    static func group(_ g: ResultsFile.GroupField) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("level", .string(g.key.level.rawValue))]
        if let label = g.label { pairs.append(("label", .string(label))) }
        if let variable = g.key.byVariable, let value = g.key.byValue { pairs.append(("by", .object([(variable, .string(value))]))) }
        if let council = g.key.council { pairs.append(("council", .string(council))) }
        if let group = g.key.group { pairs.append(("group", .string(group))) }
        return .object(pairs)
    }

    private static func text(_ s: String?, _ w: inout JSONStream) {
        if let s { w.string(s) } else { w.null() }
    }

    private static func integer(_ i: Int?, _ w: inout JSONStream) {
        if let i { w.int(i) } else { w.null() }
    }
}
