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
struct CompiledMeasure: Sendable {
    struct Term: Sendable {
        var column: [ResponseTable.Code]
        /// Value by code (index = code); codes outside the table or NaN entries give no value.
        var table: [Double]
    }

    let measure: Measure
    let constant: Double
    let terms: [Term]
    /// The eligibility conditions as one compiled rule (all must hold), over `eligibilityColumns`.
    let eligible: CompiledRules
    let eligibilityColumns: [[ResponseTable.Code]]

    init(_ measure: Measure, variables: Variables, models: [String: ScoreModel]) throws(ScoringError) {
        self.measure = measure
        func column(_ name: String) throws(ScoringError) -> [ResponseTable.Code] {
            guard let c = variables[name] else { throw .unknownVariable(measure: measure.code, variable: name) }
            return c
        }
        // Every eligibility variable must exist.
        for condition in measure.eligible ?? [] { _ = try column(condition.field) }
        var names: [String] = []
        eligible = CompiledRules([(when: measure.eligible ?? [], whenAny: nil, value: 1)], emptyAnyMatches: true) { name in
            if let i = names.firstIndex(of: name) { return i }
            names.append(name)
            return names.count - 1
        }
        eligibilityColumns = eligible.fields.map { variables[names[$0]]! }
        switch measure.kind {
        case .proportion:
            guard let flag = measure.flag else { throw .invalidDefinition(measure: measure.code, reason: "a proportion needs \"flag\"") }
            let base = flag.base ?? variables.validCodes[flag.variable] ?? []
            guard !base.isEmpty else { throw .invalidDefinition(measure: measure.code, reason: "no base codes for \(flag.variable)") }
            // Tables stop below `ResponseTable.missing`, so a missing cell is never in one.
            let size = min((base + flag.numerator).max()! + 1, Int(ResponseTable.missing))
            var table = [Double](repeating: .nan, count: max(size, 0))
            for code in base where code >= 0 && code < size { table[code] = 0 }
            for code in flag.numerator where code >= 0 && code < size { table[code] = 1 }
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
                    let maxCode = min(max(codes.max() ?? 0, term.values?.keys.compactMap { Int($0) }.max() ?? 0, 150), ResponseTable.maxCode)
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

    /// Every row's value (NaN for rows that are not respondents or have no value), computed
    /// column by column: eligibility, then each term added in order (for each row: the constant plus each term's value in order, or NaN when any is missing).
    func values(isRespondent: [Bool]) -> [Double] {
        let count = isRespondent.count
        var out = [Double](repeating: .nan, count: count)
        let eligibleRows = eligible.firstMatchingRules(columns: eligibilityColumns, count: count)
        // The rows still in play (eligible respondents whose terms so far all have values), with
        // their running totals kept in `out`; a row leaves the list (and is set to NaN) at the
        // first term without a value.
        var live: [Int32] = []
        live.reserveCapacity(count)
        for row in 0..<count where isRespondent[row] && eligibleRows[row] == 0 { live.append(Int32(row)) }
        var liveCount = live.count
        out.withUnsafeMutableBufferPointer { out in
            for k in 0..<liveCount { out[Int(live[k])] = constant }
            for term in terms {
                term.column.withUnsafeBufferPointer { column in
                    term.table.withUnsafeBufferPointer { table in
                        live.withUnsafeMutableBufferPointer { live in
                            var kept = 0
                            for k in 0..<liveCount {
                                let row = Int(live[k])
                                let code = Int(column[row])
                                let v = code >= 0 && code < table.count ? table[code] : .nan
                                if v.isNaN {
                                    out[row] = .nan
                                    continue
                                }
                                out[row] += v
                                live[kept] = live[k]
                                kept += 1
                            }
                            liveCount = kept
                        }
                    }
                }
            }
        }
        return out
    }
}
