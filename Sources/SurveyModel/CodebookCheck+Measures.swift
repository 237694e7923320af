extension Problems {
    mutating func variable(_ name: String, _ at: String) {
        if !variables.contains(name) { add(at, "\(name) is not a coded field or derived variable") }
    }

    mutating func codeList(_ list: [Int], of name: String, _ at: String) {
        guard let valid = codes[name] else { return }
        for c in list where !valid.contains(c) { add(at, "\(name) has no code \(c)") }
    }

    mutating func measures(_ models: [String: ScoreModel]?) {
        let sets = Set(cb.populations.sets.map(\.name))
        var seen: [String: Int] = [:]
        let freeText = Set(cb.fields.filter { $0.kind == .freeText }.map(\.name))
        for (i, m) in cb.measures.enumerated() {
            let at = "measures[\(i)]"
            if let j = seen[m.code] { add(at + ".code", "\(m.code) is also measures[\(j)]") } else { seen[m.code] = i }
            if !sets.contains(m.populationSet) { add(at + ".population", "no population set \"\(m.populationSet)\"") }
            conditions(m.eligible, at + ".eligible")
            switch m.kind {
            case .proportion:
                guard let flag = m.flag else { add(at + ".flag", "a proportion needs a flag"); continue }
                variable(flag.variable, at + ".flag.variable")
                if freeText.contains(flag.variable) { add(at + ".flag.variable", "\(flag.variable) is free text and is never scored") }
                codeList(flag.numerator, of: flag.variable, at + ".flag.numerator")
                if let base = flag.base {
                    codeList(base, of: flag.variable, at + ".flag.base")
                    for c in flag.numerator where !base.contains(c) { add(at + ".flag.numerator", "code \(c) is not in the base") }
                }
                if flag.numerator.isEmpty { add(at + ".flag.numerator", "empty") }
            case .mean:
                guard let score = m.score else { add(at + ".score", "a mean needs a score"); continue }
                for (j, t) in (score.terms ?? []).enumerated() {
                    term(t, "\(at).score.terms[\(j)]")
                }
                for (j, inc) in (score.include ?? []).enumerated() {
                    guard let models else { continue }
                    guard let model = models[inc.model] else { add("\(at).score.include[\(j)].model", "no score model \"\(inc.model)\" in Weights/"); continue }
                    for (k, t) in model.terms.enumerated() { term(t, "\(at).score.include[\(j)] (\(model.id) terms[\(k)])") }
                }
                if (score.terms ?? []).isEmpty && (score.include ?? []).isEmpty { add(at + ".score", "no terms and no included models") }
            }
        }
    }

    mutating func term(_ t: ScoreTerm, _ at: String) {
        for (k, v) in t.variables.enumerated() {
            if !variables.contains(v) { add("\(at).variables[\(k)]", "\(v) is not a coded field or derived variable") }
            if let values = t.values, let valid = codes[v] {
                for key in values.keys.sorted() where Int(key).map({ !valid.contains($0) }) ?? true { add("\(at).values.\(key)", "\(v) has no code \(key)") }
            }
        }
    }

    mutating func tables() {
        let sets = Set(cb.populations.sets.map(\.name))
        var seen: [String: Int] = [:]
        for (i, t) in cb.tables.enumerated() {
            let at = "tables[\(i)]"
            if let j = seen[t.question] { add(at + ".question", "\(t.question) is also tabulated by tables[\(j)]") } else { seen[t.question] = i }
            guard let f = cb.field(t.question), f.isQuestion, f.kind == .code else { add(at + ".question", "\(t.question) is not a coded question"); continue }
            if t.variable != nil { variable(t.sourceVariable, at + ".variable") }
            if !sets.contains(t.populationSet) { add(at + ".population", "no population set \"\(t.populationSet)\"") }
        }
    }

    mutating func populations() {
        let pop = cb.populations
        for d in pop.dimensions where (pop.values[d] ?? []).isEmpty { add("populations.values.\(d)", "dimension \(d) has no values") }
        guard let stratumSet = pop.sets.firstIndex(where: { $0.name == "stratum" }) else {
            add("populations.sets", "no \"stratum\" set: every measure needs the stratum populations")
            return
        }
        for (i, set) in pop.sets.enumerated() {
            let at = "populations.sets[\(i)]"
            for (j, r) in set.rules.enumerated() {
                for (key, values) in (r.when ?? [:]).sorted(by: { $0.key < $1.key }) {
                    guard let allowed = pop.values[key] else { add("\(at).rules[\(j)].when.\(key)", "\(key) is not a population dimension"); continue }
                    for v in values where !allowed.contains(v) { add("\(at).rules[\(j)].when.\(key)", "\(key) has no value \"\(v)\"") }
                }
            }
            if let last = set.rules.last, last.when != nil {
                add("\(at).rules[\(set.rules.count - 1)]", "the last rule has conditions, so a population row that meets none falls outside every rule: end with a rule without conditions")
            }
        }
        let produced = Set(pop.sets[stratumSet].rules.compactMap(\.stratum))
        for (i, r) in cb.strata.rules.enumerated() {
            if let s = r.value, !produced.contains(s) { add("strata.rules[\(i)].value", "stratum \(s) has no population in populations.sets[\(stratumSet)] (stratum)") }
        }
        for (i, block) in (cb.excel.populationSheet?.tables ?? []).enumerated() {
            let at = "excel.populationSheet.tables[\(i)]"
            let cells = [block.values] + block.rowOrder + block.columns.keys.sorted().compactMap { block.columns[$0] }
            for cell in cells {
                for (key, value) in cell.sorted(by: { $0.key < $1.key }) where !(pop.values[key] ?? []).contains(value) {
                    add(at, "\(key) \"\(value)\" is not a population value")
                }
            }
            let dims = Set(cells.flatMap(\.keys))
            for d in pop.dimensions where !dims.contains(d) { add(at, "the table does not say the \(d) of its cells") }
        }
    }

    mutating func groupsAndDetection() {
        for (i, g) in (cb.multiTickGroups ?? []).enumerated() {
            for (j, f) in g.fields.enumerated() where cb.field(f)?.isQuestion != true { add("multiTickGroups[\(i)].fields[\(j)]", "\(f) is not a question") }
            if let first = g.fields.first { codeList([g.ticked, g.notTicked], of: first, "multiTickGroups[\(i)]") }
        }
        var names: [String: Int] = [:]
        for (i, d) in (cb.domains ?? []).enumerated() {
            let at = "domains[\(i)]"
            if let j = names[d.name] { add(at + ".name", "\(d.name) is also domains[\(j)]") } else { names[d.name] = i }
            variable(d.field, at + ".field")
            if d.groups.isEmpty { add(at + ".groups", "no groups") }
            for (j, g) in d.groups.enumerated() { codeList(g.codes ?? [], of: d.field, "\(at).groups[\(j)].codes") }
        }
        let fieldNames = Set(cb.fields.map(\.name))
        for (i, c) in cb.detect.all.enumerated() where !fieldNames.contains(c) { add("detect.all[\(i)]", "\(c) is not a field") }
        for (i, c) in (cb.detect.none ?? []).enumerated() where fieldNames.contains(c) { add("detect.none[\(i)]", "\(c) is a field of this codebook") }
        if cb.detect.all.isEmpty { add("detect.all", "empty: every file would match") }
    }
}
