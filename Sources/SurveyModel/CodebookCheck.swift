/// One problem in a codebook file: where (the JSON path from the top-level key, e.g.
/// `measures[3].flag.numerator`) and what.
public struct CodebookProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// The rules every codebook must satisfy, run each time one loads and by `codebook --check`:
/// schema version known; field names and Excel keys unique; codes and ranges consistent; every
/// condition, measure, score term, table, group, domain and detection entry names a variable that
/// exists and codes it has; strata and population-set rules cover every case; population sets
/// complete for the strata; score models (when given) exist.
public enum CodebookCheck {
    /// The engine's derived stratum variable, always available to rules.
    public static let derivedStratum = "DerivedStratum"

    public static func problems(_ cb: Codebook, models: [String: ScoreModel]? = nil) -> [CodebookProblem] {
        var p = Problems(cb)
        p.schema()
        p.fields()
        p.rules()
        p.measures(models)
        p.tables()
        p.populations()
        p.groupsAndDetection()
        return p.list
    }
}

/// The checks of `CodebookCheck`, collecting problems in file order.
struct Problems {
    let cb: Codebook
    var list: [CodebookProblem] = []
    /// Variables a rule may read: coded fields, the derived stratum, derived variables.
    var variables: Set<String>
    /// Codes of each coded variable (nil: a whole number without a code list).
    var codes: [String: Set<Int>] = [:]

    init(_ cb: Codebook) {
        self.cb = cb
        variables = Set(cb.fields.filter(\.isCoded).map(\.name)).union([CodebookCheck.derivedStratum])
        for f in cb.fields { if let c = f.codes { codes[f.name] = Set(c.map(\.code)) } }
        for d in cb.derived ?? [] {
            variables.insert(d.name)
            if let c = d.codes { codes[d.name] = Set(c.map(\.code)) }
        }
        if let labels = cb.strata.labels { codes[CodebookCheck.derivedStratum] = Set(labels.map(\.code)) }
    }

    mutating func add(_ path: String, _ message: String) { list.append(CodebookProblem(path, message)) }

    mutating func schema() {
        if cb.schemaVersion < 1 || cb.schemaVersion > Codebook.supportedSchemaVersion {
            add("schemaVersion", "\(cb.schemaVersion) is not a version this build knows (1…\(Codebook.supportedSchemaVersion))")
        }
        if cb.source.isEmpty { add("source", "empty: say where the content was checked") }
        if cb.schemaVersion >= 2 {
            for (key, value) in [("surveyName", cb.surveyName), ("councilField", cb.councilField), ("serialField", cb.serialField), ("peopleUnit", cb.peopleUnit)]
            where (value ?? "").isEmpty {
                add(key, "missing: schemaVersion 2 needs it (schemaVersion 1 meant the survey code, LaCode, SerialNo and \"people\")")
            }
        }
        for (key, name) in [("councilField", cb.councilFieldName), ("serialField", cb.serialFieldName)] {
            guard let f = cb.field(name) else {
                add(key, "\(name) is not a field")
                continue
            }
            if f.kind != .text || !f.isValueRequired { add(key, "\(name) must be a text field with valueRequired (every row needs it)") }
        }
        if cb.status == .verified, !(cb.openPoints ?? []).isEmpty { add("status", "verified, but openPoints lists what is not settled") }
    }

    mutating func fields() {
        var names: [String: Int] = [:]
        var keys: [String: Int] = [:]
        let missing = Set(cb.missingCodes)
        for (i, f) in cb.fields.enumerated() {
            let at = "fields[\(i)]"
            if let j = names[f.name] { add(at + ".name", "\(f.name) is also fields[\(j)]") } else { names[f.name] = i }
            if let key = f.key {
                if let j = keys[key] { add(at + ".key", "\"\(key)\" is also the key of fields[\(j)] (\(cb.fields[j].name))") } else { keys[key] = i }
                if f.isQuestion, key != f.name + "-" { add(at + ".key", "a question's key is its name and a dash (\(f.name)-), not \"\(key)\"") }
            } else {
                add(at + ".key", "\(f.name) has no Excel header key")
            }
            if f.kind == .code {
                let list = f.codes ?? []
                if list.isEmpty { add(at + ".codes", "\(f.name) is coded but lists no codes") }
                if Set(list.map(\.code)).count != list.count { add(at + ".codes", "\(f.name) lists a code twice") }
                for c in list where missing.contains(c.code) { add(at + ".codes", "\(f.name): code \(c.code) means no answer (missingCodes) and cannot be valid") }
            }
            if let lo = f.min, let hi = f.max, lo > hi { add(at + ".min", "\(f.name): min \(lo) is above max \(hi)") }
            storable(f, at)
            if let easy = f.easyReadCodes {
                let valid = Set((f.codes ?? []).map(\.code))
                for c in easy where !valid.contains(c) { add(at + ".easyReadCodes", "\(f.name): easy-read code \(c) is not one of its codes") }
            }
        }
    }

    /// Answers are held in one byte per cell (`ResponseTable.Code`): every valid code, and an
    /// integer field's whole range, must lie in 0…`ResponseTable.maxCode`.
    mutating func storable(_ f: Field, _ at: String) {
        let limit = ResponseTable.maxCode
        for c in f.codes ?? [] where !(0...limit).contains(c.code) {
            add(at + ".codes", "\(f.name): code \(c.code) is outside 0…\(limit), the codes an answer cell can hold")
        }
        guard f.kind == .integer, f.codes == nil else { return }
        if let lo = f.min, lo < 0 { add(at + ".min", "\(f.name): min \(lo) is below 0; an answer cell holds 0…\(limit)") }
        if f.max.map({ $0 > limit }) ?? true {
            add(at + ".max", "\(f.name): an integer field needs a max of at most \(limit) (an answer cell holds 0…\(limit))")
        }
    }

    /// Codes a rule or recode produces (stratum values, recoded and derived codes) must fit an answer cell too.
    mutating func storableValue(_ value: Int?, _ at: String) {
        guard let value, !(0...ResponseTable.maxCode).contains(value) else { return }
        add(at, "\(value) is outside 0…\(ResponseTable.maxCode), the codes an answer cell can hold")
    }

    /// A condition: its field exists, and listed codes are codes of it.
    mutating func condition(_ c: Condition, _ at: String) {
        guard variables.contains(c.field) || cb.field(c.field) != nil else {
            add(at + ".field", "\(c.field) is not a field or derived variable")
            return
        }
        if let list = c.in, let valid = codes[c.field] {
            for code in list where !valid.contains(code) { add(at + ".in", "\(c.field) has no code \(code)") }
        }
        if let lo = c.min, let hi = c.max, lo > hi { add(at + ".min", "min \(lo) is above max \(hi)") }
    }

    mutating func conditions(_ list: [Condition]?, _ at: String) {
        for (i, c) in (list ?? []).enumerated() { condition(c, "\(at)[\(i)]") }
    }

    mutating func rules() {
        condition(cb.respondent, "respondent")
        if let e = cb.easyRead { condition(e, "easyRead") }
        conditions(cb.nonRespondent?.conditions, "nonRespondent.conditions")
        if let f = cb.strata.reportedField, cb.field(f) == nil { add("strata.reportedField", "\(f) is not a field") }
        for (i, r) in cb.strata.rules.enumerated() {
            conditions(r.when, "strata.rules[\(i)].when")
            conditions(r.whenAny, "strata.rules[\(i)].whenAny")
            storableValue(r.value, "strata.rules[\(i)].value")
        }
        if let last = cb.strata.rules.last {
            if last.when != nil || last.whenAny != nil { add("strata.rules[\(cb.strata.rules.count - 1)]", "the last rule has conditions, so a row that meets none of the rules gets no stratum: end with a rule without conditions") }
        } else {
            add("strata.rules", "no rules: every row needs a stratum")
        }
        for (i, d) in (cb.derived ?? []).enumerated() {
            let at = "derived[\(i)]"
            for c in d.codes ?? [] { storableValue(c.code, at + ".codes") }
            if let s = d.source, !variables.contains(s) { add(at + ".source", "\(s) is not a coded field or earlier derived variable") }
            for (j, r) in (d.recodes ?? []).enumerated() {
                conditions(r.when, "\(at).recodes[\(j)].when")
                for key in (r.map ?? [:]).keys.sorted() { storableValue(r.map![key], "\(at).recodes[\(j)].map.\(key)") }
                if let map = r.map, let s = d.source, let valid = codes[s] {
                    for key in map.keys.sorted() where Int(key).map({ !valid.contains($0) }) ?? true { add("\(at).recodes[\(j)].map.\(key)", "\(s) has no code \(key)") }
                }
            }
            for (j, r) in (d.rules ?? []).enumerated() {
                conditions(r.when, "\(at).rules[\(j)].when")
                conditions(r.whenAny, "\(at).rules[\(j)].whenAny")
            }
        }
    }
}
