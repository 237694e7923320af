import SurveyModel

/// The rule half of an import: the previous codebook's validation rules, strata, derived variables,
/// measures (with the score models they include), tables, groups, domains and detection, re-pointed
/// at the new field names and codes.
struct CodebookCarryOver {
    let previous: Codebook
    let models: [String: ScoreModel]
    let fields: [Field]
    var repointer: CodebookRepointer

    mutating func run(into report: inout CodebookChangeReport) -> Codebook {
        var r = repointer
        var out = previous
        out.fields = fields
        out.openPoints = nil
        out.respondent = r.condition(previous.respondent, at: "respondent", in: "validation rules")
        out.easyRead = previous.easyRead.map { r.condition($0, at: "easyRead", in: "validation rules") }
        out.nonRespondent?.conditions = r.conditions(previous.nonRespondent?.conditions, at: "nonRespondent.conditions", in: "validation rules")
        out.strata.reportedField = previous.strata.reportedField.map { r.name($0, at: "strata.reportedField", in: "strata") }
        out.strata.rules = previous.strata.rules.enumerated().map { r.rule($0.element, at: "strata.rules[\($0.offset)]", in: "strata") }
        out.multiTickGroups = previous.multiTickGroups?.enumerated().map { i, g in
            var group = g
            group.fields = g.fields.enumerated().map { r.name($0.element, at: "multiTickGroups[\(i)].fields[\($0.offset)]", in: "tick-all groups") }
            if let first = g.fields.first {
                group.ticked = r.code(g.ticked, of: first, at: "multiTickGroups[\(i)].ticked", in: "tick-all groups")
                group.notTicked = r.code(g.notTicked, of: first, at: "multiTickGroups[\(i)].notTicked", in: "tick-all groups")
            }
            if let new = Self.stem(group.fields), Self.stem(g.fields) == g.name, new != g.name { group.name = new }
            return group
        }
        out.derived = previous.derived?.enumerated().map { i, d in
            var derived = d
            let path = "derived[\(i)]"
            derived.source = d.source.map { r.name($0, at: path + ".source", in: "derived \(d.name)") }
            derived.rules = d.rules?.enumerated().map { r.rule($0.element, at: "\(path).rules[\($0.offset)]", in: "derived \(d.name)") }
            derived.recodes = d.recodes?.enumerated().map { j, recode in
                var out = recode
                out.when = r.conditions(recode.when, at: "\(path).recodes[\(j)].when", in: "derived \(d.name)")
                if let map = recode.map, let source = d.source {
                    out.map = Dictionary(uniqueKeysWithValues: map.map { key, value in
                        (Int(key).map { String(r.code($0, of: source, at: "\(path).recodes[\(j)].map.\(key)", in: "derived \(d.name)")) } ?? key, value)
                    })
                }
                return out
            }
            return derived
        }
        out.measures = previous.measures.enumerated().map { measure($0.element, at: "measures[\($0.offset)]", &r) }
        out.tables = tables(&r)
        out.domains = previous.domains?.enumerated().map { i, d in
            var domain = d
            domain.field = r.name(d.field, at: "domains[\(i)].field", in: "domain \(d.name)")
            domain.groups = d.groups.enumerated().map { j, g in
                var group = g
                group.codes = g.codes.map { r.codes($0, of: d.field, at: "domains[\(i)].groups[\(j)].codes", in: "domain \(d.name)") }
                return group
            }
            return domain
        }
        out.detect.all = previous.detect.all.enumerated().map { r.name($0.element, at: "detect.all[\($0.offset)]", in: "detection") }
        let names = Set(fields.map(\.name))
        out.detect.none = previous.detect.none.map { list in list.filter { !names.contains($0) } }
        if out.detect.none == [] { out.detect.none = nil }
        report.openPoints += r.openPoints
        var grouped: [String: [String]] = [:]
        var order: [String] = []
        for (what, change) in r.changes {
            if grouped[what] == nil { order.append(what) }
            grouped[what, default: []].append(change)
        }
        report.repointed = order.map { .init(what: $0, changes: grouped[$0] ?? []) }
        repointer = r
        return out
    }

    /// A measure re-pointed; an included score model that reads a moved question is written into
    /// the measure's own terms (re-pointed), as the model file keeps the previous numbering.
    func measure(_ m: Measure, at path: String, _ r: inout CodebookRepointer) -> Measure {
        var out = m
        let what = "measure \(m.code)"
        out.eligible = r.conditions(m.eligible, at: path + ".eligible", in: what)
        if let flag = m.flag {
            out.flag?.variable = r.name(flag.variable, at: path + ".flag.variable", in: what)
            out.flag?.numerator = r.codes(flag.numerator, of: flag.variable, at: path + ".flag.numerator", in: what)
            out.flag?.base = flag.base.map { r.codes($0, of: flag.variable, at: path + ".flag.base", in: what) }
            if flag.base == nil {
                r.checkAdded(flag.variable, at: path + ".flag", "the base is every valid code, so it now counts in the base: give an explicit base if it should not")
            }
        }
        guard var score = m.score else { return out }
        for (i, term) in (m.score?.terms ?? []).enumerated() where term.values != nil {
            for v in term.variables { r.checkAdded(v, at: "\(path).score.terms[\(i)].values", "it has no value in the score, so respondents giving it get no score") }
        }
        score.terms = m.score?.terms?.enumerated().map { r.term($0.element, at: "\(path).score.terms[\($0.offset)]", in: what) }
        var kept: [Score.Include] = []
        for (i, include) in (m.score?.include ?? []).enumerated() {
            for term in models[include.model]?.terms ?? [] where term.values != nil {
                for v in term.variables { r.checkAdded(v, at: "\(path).score.include[\(i)] (\(include.model))", "it has no value in the score model, so respondents giving it get no score") }
            }
            guard let model = models[include.model], model.terms.contains(where: r.moves) else {
                for (j, term) in (models[include.model]?.terms ?? []).enumerated() {
                    _ = r.term(term, at: "\(path).score.include[\(i)] (\(include.model) terms[\(j)])", in: what)
                }
                kept.append(include)
                continue
            }
            r.note(what, "score model \(model.id) written into the measure's terms (its file keeps the \(model.year ?? "previous") numbering)")
            score.constant = (score.constant ?? 0) + include.factor * model.constant
            var terms = score.terms ?? []
            for (j, term) in model.terms.enumerated() {
                var t = r.term(term, at: "\(path).score.include[\(i)] (\(model.id) terms[\(j)])", in: what)
                t.coefficient = (term.coefficient ?? 1) * include.factor
                t.label = "\(model.id): \(term.label ?? term.variables.joined(separator: ", "))"
                terms.append(t)
            }
            score.terms = terms
        }
        score.include = kept.isEmpty ? nil : kept
        out.score = score
        return out
    }

    /// Tables re-pointed; a removed question's table dropped; a new coded question gets a table
    /// after the one of the question before it (tick-all items only if the previous tabulated them).
    func tables(_ r: inout CodebookRepointer) -> [TableSpec] {
        var out: [TableSpec] = []
        for (i, t) in previous.tables.enumerated() where !r.removed.contains(t.question) {
            var table = t
            table.question = r.name(t.question, at: "tables[\(i)].question", in: "tables")
            table.variable = t.variable.map { r.name($0, at: "tables[\(i)].variable", in: "tables") }
            out.append(table)
        }
        let tickItems = Set((previous.multiTickGroups ?? []).flatMap(\.fields))
        let tabulatesTicks = previous.tables.contains { tickItems.contains($0.question) }
        let old = Set(previous.fields.map(\.name)).subtracting(r.removed).map { r.rename[$0] ?? $0 }
        let questions = fields.filter { $0.isQuestion && $0.kind == .code }
        for (index, field) in questions.enumerated() where !old.contains(field.name) {
            let isTick = field.codes?.count == previous.field(tickItems.first ?? "")?.codes?.count
                && (previous.multiTickGroups ?? []).contains { Self.stem([field.name]) == Self.stem($0.fields.map { r.rename[$0] ?? $0 }) }
            if isTick && !tabulatesTicks { continue }
            let before = questions[..<index].last { q in out.contains { $0.question == q.name } }
            let at = before.flatMap { b in out.firstIndex { $0.question == b.name } }.map { $0 + 1 } ?? 0
            out.insert(TableSpec(question: field.name), at: at)
        }
        return out
    }

    /// `q19` for `q19a`, `q19b`, `q19c` (one number, letters after it); nil otherwise.
    static func stem(_ names: [String]) -> String? {
        let stems = Set(names.map { String($0.reversed().drop { $0.isLetter && $0.isLowercase && $0 != "q" }.reversed()) })
        guard stems.count == 1, let s = stems.first, s.count > 1 else { return nil }
        return s
    }
}
