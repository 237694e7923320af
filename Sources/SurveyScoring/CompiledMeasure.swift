import SurveyModel

/// Errors in measure definitions or score models (data files), found before any row is scored.
public enum ScoringError: Error, Equatable, CustomStringConvertible {
    case unknownVariable(measure: String, variable: String)
    case unknownModel(measure: String, model: String)
    case invalidDefinition(measure: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownVariable(m, v): return "measure \(m): unknown variable \"\(v)\" (not a field or derived variable of the codebook)"
        case let .unknownModel(m, model): return "measure \(m): unknown score model \"\(model)\" (no file in Weights/ has this id)"
        case let .invalidDefinition(m, reason): return "measure \(m): \(reason)"
        }
    }
}

/// A measure definition turned into lookup tables, so one loop scores every measure:
/// a value per code for each term (NaN = the code gives no value), plus eligibility conditions.
///
/// - Proportion: `y = 1` if the code is in the numerator, `0` if in the base, else no value.
/// - Mean: `y = constant + Σ_terms coefficient × value(code)`; no value if any term has none.
struct CompiledMeasure {
    struct Term {
        var column: [Int16]
        /// Value by code (index = code); codes outside the table or NaN entries give no value.
        var table: [Double]
    }

    let measure: Measure
    let constant: Double
    let terms: [Term]
    let eligibility: [(Condition, [Int16])]

    init(_ measure: Measure, variables: Variables, models: [String: ScoreModel]) throws(ScoringError) {
        self.measure = measure
        func column(_ name: String) throws(ScoringError) -> [Int16] {
            guard let c = variables[name] else { throw .unknownVariable(measure: measure.code, variable: name) }
            return c
        }
        var eligibility: [(Condition, [Int16])] = []
        for condition in measure.eligible ?? [] { eligibility.append((condition, try column(condition.field))) }
        self.eligibility = eligibility
        switch measure.kind {
        case .proportion:
            guard let flag = measure.flag else { throw .invalidDefinition(measure: measure.code, reason: "a proportion needs \"flag\"") }
            let base = flag.base ?? variables.validCodes[flag.variable] ?? []
            guard !base.isEmpty else { throw .invalidDefinition(measure: measure.code, reason: "no base codes for \(flag.variable)") }
            let size = (base + flag.numerator).max()! + 1
            var table = [Double](repeating: .nan, count: size)
            for code in base where code >= 0 { table[code] = 0 }
            for code in flag.numerator where code >= 0 { table[code] = 1 }
            constant = 0
            terms = [Term(column: try column(flag.variable), table: table)]
        case .mean:
            guard let score = measure.score else { throw .invalidDefinition(measure: measure.code, reason: "a mean needs \"score\"") }
            var constant = score.constant ?? 0
            var terms: [Term] = []
            func add(_ term: ScoreTerm, factor: Double) throws(ScoringError) {
                let coefficient = (term.coefficient ?? 1) * factor
                for name in term.variables {
                    let codes = variables.validCodes[name] ?? []
                    let maxCode = max(codes.max() ?? 0, term.values?.keys.compactMap { Int($0) }.max() ?? 0, 150)
                    var table = [Double](repeating: .nan, count: maxCode + 1)
                    for code in 0...maxCode { if let v = term.value(for: code) { table[code] = coefficient * v } }
                    terms.append(Term(column: try column(name), table: table))
                }
            }
            for include in score.include ?? [] {
                guard let model = models[include.model] else { throw .unknownModel(measure: measure.code, model: include.model) }
                constant += include.factor * model.constant
                for term in model.terms { try add(term, factor: include.factor) }
            }
            for term in score.terms ?? [] { try add(term, factor: 1) }
            self.constant = constant
            self.terms = terms
        }
    }

    /// The respondent's value, or NaN.
    @inline(__always)
    func value(row: Int) -> Double {
        for (condition, column) in eligibility {
            let v = column[row]
            if !condition.holds(for: v == ResponseTable.missing ? nil : Int(v)) { return .nan }
        }
        var total = constant
        for term in terms {
            let code = Int(term.column[row])
            guard code >= 0, code < term.table.count else { return .nan }
            let v = term.table[code]
            if v.isNaN { return .nan }
            total += v
        }
        return total
    }
}
