import SurveyModel

/// Re-points every reference of a codebook (conditions, measures, score terms, tables, groups,
/// domains, detection) from a previous year's field names and codes to the new ones: renamed
/// questions by name, codes by their labels. A reference to a field the template no longer has is
/// unresolved (the import refuses); a reference to a code whose label is gone or changed is an
/// open point (the codebook becomes provisional).
struct CodebookRepointer {
    /// Old name → new name (renumbered questions).
    var rename: [String: String] = [:]
    /// Old names with no column in the template.
    var removed: Set<String> = []
    /// Old field name → old code → new code (nil: the answer is gone). Absent fields keep their codes.
    var codeMaps: [String: [Int: Int?]] = [:]
    /// Old field name → codes whose label changed (same number).
    var relabelled: [String: [Int: String]] = [:]
    /// Old field name → codes new in the template.
    var addedCodes: [String: [CodeLabel]] = [:]

    private(set) var unresolved: [String] = []
    private(set) var openPoints: [String] = []
    /// What (measure code, `strata`, …) → changes, in the order met.
    private(set) var changes: [(what: String, change: String)] = []

    /// The new name of a field or variable named at `path` inside `what`.
    mutating func name(_ old: String, at path: String, in what: String) -> String {
        if removed.contains(old) {
            unresolved.append("\(path): \(old) has no column in the template")
            return old
        }
        guard let new = rename[old], new != old else { return old }
        note(what, "\(old) → \(new)")
        return new
    }

    /// The new codes of `field` (an old name) for codes referenced at `path`.
    mutating func codes(_ old: [Int], of field: String, at path: String, in what: String) -> [Int] {
        old.map { code(_: $0, of: field, at: path, in: what) }
    }

    mutating func code(_ old: Int, of field: String, at path: String, in what: String) -> Int {
        if let label = relabelled[field]?[old] {
            openPoints.append("\(path): \(field) code \(old) was relabelled (\(label)); check that it still means the same")
        }
        guard let map = codeMaps[field], let mapped = map[old] else { return old }
        guard let new = mapped else {
            openPoints.append("\(path): \(field) code \(old) is no longer in the template's code list")
            return old
        }
        if new != old { note(what, "\(field) code \(old) → \(new)") }
        return new
    }

    mutating func condition(_ c: Condition, at path: String, in what: String) -> Condition {
        var out = c
        out.field = name(c.field, at: path + ".field", in: what)
        if let codes = c.in { out.in = self.codes(codes, of: c.field, at: path + ".in", in: what) }
        return out
    }

    mutating func conditions(_ list: [Condition]?, at path: String, in what: String) -> [Condition]? {
        list.map { $0.enumerated().map { condition($0.element, at: "\(path)[\($0.offset)]", in: what) } }
    }

    mutating func rule(_ r: Rule, at path: String, in what: String) -> Rule {
        var out = r
        out.when = conditions(r.when, at: path + ".when", in: what)
        out.whenAny = conditions(r.whenAny, at: path + ".whenAny", in: what)
        return out
    }

    /// A score term: its variables renamed and its code → value map re-keyed by label.
    mutating func term(_ t: ScoreTerm, at path: String, in what: String) -> ScoreTerm {
        var out = t
        out.variables = t.variables.enumerated().map { name($0.element, at: "\(path).variables[\($0.offset)]", in: what) }
        if let values = t.values, !t.variables.isEmpty {
            var results: [[String: Double]] = []
            for v in t.variables {
                var mapped: [String: Double] = [:]
                for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                    guard let code = Int(key) else { mapped[key] = value; continue }
                    mapped[String(self.code(code, of: v, at: "\(path).values.\(key)", in: what))] = value
                }
                results.append(mapped)
            }
            if Set(results).count > 1 {
                openPoints.append("\(path).values: the codes of \(t.variables.joined(separator: ", ")) changed differently; one value list cannot serve them all: split the term")
            }
            out.values = results[0]
        }
        return out
    }

    /// Whether a score term reads anything that moves (a renamed, removed or re-coded variable;
    /// a relabelled code stays where it is).
    func moves(_ t: ScoreTerm) -> Bool {
        t.variables.contains { v in
            removed.contains(v) || (rename[v].map { $0 != v } ?? false)
                || (codeMaps[v]?.contains { $0.value != $0.key } ?? false)
        }
    }

    /// An open point when `field` gained codes and the reference at `path` takes every valid code
    /// (a flag without a base) or lists values per code (a score term).
    mutating func checkAdded(_ field: String, at path: String, _ consequence: String) {
        guard let added = addedCodes[field], !added.isEmpty else { return }
        let list = added.map { "\($0.code) \"\($0.label)\"" }.joined(separator: ", ")
        openPoints.append("\(path): \(field) has new code\(added.count == 1 ? "" : "s") \(list); \(consequence)")
    }

    mutating func note(_ what: String, _ change: String) {
        if !changes.contains(where: { $0.what == what && $0.change == change }) { changes.append((what, change)) }
    }
}
