import SurveyModel

/// The coded fields whose columns scoring and estimating the measures read, so that a reader can
/// hold only those (`LoadOptions.keepColumns`): at ten million rows the other questions'
/// columns are most of the table's memory, and `measures` never reads them.
///
/// Read are: the respondent condition's field, the stratum rules' fields, every measure's flag,
/// score-term (including its score models') and eligibility variables, the fields of the `--by`
/// domains asked for, and, for every derived variable among those, its source and its recodes'
/// condition fields (followed to what they read in turn). Anything else is left out; a
/// definition that reads a field not found here fails as an unknown variable, never as blanks.
public enum ColumnsRead {
    /// Per field of `codebook`: whether `measures` (with these `domains`, by `--by` name) reads its column.
    public static func measures(_ codebook: Codebook, models: [String: ScoreModel], domains: [String]) -> [Bool] {
        var names: [String] = [codebook.respondent.field]
        func add(_ conditions: [Condition]?) { names += (conditions ?? []).map(\.field) }
        for rule in codebook.strata.rules {
            add(rule.when)
            add(rule.whenAny)
        }
        for measure in codebook.measures {
            add(measure.eligible)
            if let flag = measure.flag { names.append(flag.variable) }
            for term in measure.score?.terms ?? [] { names += term.variables }
            for include in measure.score?.include ?? [] {
                for term in models[include.model]?.terms ?? [] { names += term.variables }
            }
        }
        for domain in codebook.domains ?? [] where domains.contains(domain.name) { names.append(domain.field) }
        // Derived variables: what they read, followed until nothing new is added.
        let derived = Dictionary((codebook.derived ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var queue = names
        while let name = queue.popLast() {
            guard seen.insert(name).inserted, let variable = derived[name] else { continue }
            if let source = variable.source { queue.append(source) }
            for recode in variable.recodes ?? [] { queue += (recode.when ?? []).map(\.field) }
            for rule in variable.rules ?? [] { queue += ((rule.when ?? []) + (rule.whenAny ?? [])).map(\.field) }
        }
        return codebook.fields.map { $0.isCoded && seen.contains($0.name) }
    }
}
