import SurveyModel

/// The validation rules of one row (ascs.md §2.4, sace.md §3), applied after all of its cells
/// are parsed: missing codes, ranges and easy-read ranges, non-respondent rules, tick-all groups,
/// required values, and the derived stratum against the council's own.
/// Invalid cells are made missing; each problem is a `Diagnostic`.
///
/// The per-cell part (missing codes, ranges of fields without easy-read codes) is done by
/// `ReturnBuilder` as each cell is read; this finishes the row on the builder's `RowBuffers`.
/// Everything is compiled to field indices and plain tables once; strings are only built for
/// diagnostics. A class, so the per-row call copies nothing.
final class RowValidator {
    enum Response { case respondent, nonRespondent, unknown }

    /// What the builder noticed while reading the row's cells.
    struct RowFlags {
        /// A cell was out of range (`RowBuffers.State.invalid`).
        var anyInvalid = false
        /// A cell awaits the easy-read decision (`RowBuffers.State.pending`).
        var anyPending = false
        /// A question has a value.
        var anyQuestion = false
    }

    let codebook: Codebook
    let rules: FieldRules
    /// The "no answer" codes (−9): `missingMask` bit k = code `missingLow + k`; `missingList`
    /// when they span more than 64.
    let missingLow: Int
    let missingMask: UInt64
    let missingList: [Int]?
    private let responseField: Int
    private let respondent: CompiledRules
    private let easyReadField: Int
    private let easyRead: CompiledRules?
    private let reportedStratumField: Int
    private let questionFields: [Int]
    private let codedFields: [Int]
    private let easyFields: [Int]
    private let groups: [(group: MultiTickGroup, fields: [Int])]
    /// Tick-all groups as plain values: members are `groupMembers[start..<start+count]`.
    private let groupSpans: [(start: Int, count: Int, notTicked: Int)]
    private let groupMembers: [Int]
    private let nonRespondentConditions: [(Condition, Int)]
    private let nonRespondentRules: CompiledRules
    private let questionsBlank: Bool
    private let requiredFields: [Int]
    private let strata: CompiledRules

    init(codebook: Codebook) {
        self.codebook = codebook
        var index: [String: Int] = [:]
        for (i, f) in codebook.fields.enumerated() { index[f.name] = i }
        let bind = { (name: String) in index[name] }
        let rules = FieldRules(codebook.fields)
        self.rules = rules
        let missing = codebook.missingCodes
        let low = missing.min() ?? 0
        missingLow = low
        if let high = missing.max(), case let (span, overflow) = high.subtractingReportingOverflow(low), !overflow, span < 64 {
            missingMask = missing.reduce(0) { $0 | (1 << UInt64($1 - low)) }
            missingList = nil
        } else {
            missingMask = 0
            missingList = missing.isEmpty ? nil : missing
        }
        responseField = index[codebook.respondent.field] ?? -1
        respondent = CompiledRules([(when: [codebook.respondent], whenAny: nil, value: 1)], emptyAnyMatches: true, bind: bind)
        easyReadField = codebook.easyRead.flatMap { index[$0.field] } ?? -1
        easyRead = codebook.easyRead.map { CompiledRules([(when: [$0], whenAny: nil, value: 1)], emptyAnyMatches: true, bind: bind) }
        reportedStratumField = codebook.strata.reportedField.flatMap { index[$0] } ?? -1
        questionFields = codebook.fields.indices.filter { codebook.fields[$0].isQuestion && codebook.fields[$0].isCoded }
        codedFields = codebook.fields.indices.filter { codebook.fields[$0].isCoded }
        easyFields = codedFields.filter { rules.rules[$0].hasEasyRead }
        groups = (codebook.multiTickGroups ?? []).map { g in (g, g.fields.compactMap { index[$0] }) }
        var members: [Int] = []
        var spans: [(Int, Int, Int)] = []
        for (group, fields) in groups {
            spans.append((members.count, fields.count, group.notTicked))
            members.append(contentsOf: fields)
        }
        groupSpans = spans
        groupMembers = members
        nonRespondentConditions = (codebook.nonRespondent?.conditions ?? []).compactMap { c in index[c.field].map { (c, $0) } }
        nonRespondentRules = CompiledRules(nonRespondentConditions.map { (when: [$0.0], whenAny: nil, value: 1) }, emptyAnyMatches: true, bind: bind)
        questionsBlank = codebook.nonRespondent?.questionsBlank == true
        requiredFields = codebook.fields.indices.filter { codebook.fields[$0].isValueRequired && codebook.fields[$0].isCoded }
        strata = CompiledRules(codebook.strata.rules, emptyAnyMatches: true, bind: bind)
    }

    /// Finishes the row held in `b` (block row `pending`): appends its diagnostics to `out` and
    /// makes invalid cells missing.
    func validate(_ b: RowBuffers, pending: Int, flags: RowFlags, hasCouncil: Bool, hasSerial: Bool,
                  into out: inout [Diagnostic]) -> Response {
        typealias State = RowBuffers.State
        func label(_ i: Int) -> String { codebook.fields[i].name }
        // Identity.
        if !hasCouncil {
            out.append(.error("council-missing", "no council code: column \(codebook.councilFieldName) is blank and no council was given (Sign Off Sheet or --council)", column: codebook.councilFieldName))
        }
        if !hasSerial {
            out.append(.error("serial-missing", "no serial number: every data row needs one (a row with answers but no serial is kept and reported)", column: codebook.serialFieldName))
        }
        for i in requiredFields where b.state[i] & (State.present | State.bad) == 0 {
            let field = codebook.fields[i]
            out.append(.error("value-required", "\(field.label) is blank; a value is required (\(field.validRange()))", column: label(i)))
        }
        // Ranges. Easy-read questionnaires allow only the easy-read codes.
        let isEasyRead = easyReadField >= 0 && easyRead!.applies(rule: 0) { b.value($0) }
        var anyInvalid = flags.anyInvalid
        if flags.anyPending {
            for i in easyFields where b.state[i] & State.pending != 0 {
                b.state[i] &= ~State.pending
                if !FieldRules.accepts(b.rules[i], b.values[i], easyRead: isEasyRead, table: b.validTable) {
                    b.state[i] |= State.invalid
                    anyInvalid = true
                }
            }
        }
        if anyInvalid {
            for i in codedFields where b.state[i] & State.invalid != 0 {
                let v = b.values[i]
                let useEasy = isEasyRead && b.rules[i].hasEasyRead
                let field = codebook.fields[i]
                b.clear(i, pending: pending)
                let rule = useEasy && field.accepts(v) ? "easy-read-out-of-range" : "out-of-range"
                let which = useEasy ? " on the easy-read questionnaire" : ""
                out.append(.error(rule, "\(field.label): \(v) is not a valid code\(which) (valid: \(field.validRange(easyRead: useEasy)))",
                                  column: field.name, value: String(v)))
            }
        }
        // Respondent or not.
        var response = Response.unknown
        if responseField >= 0, b.state[responseField] & State.present != 0 {
            response = respondent.applies(rule: 0) { b.value($0) } ? .respondent : .nonRespondent
        }
        if response == .nonRespondent {
            if questionsBlank && flags.anyQuestion {
                for i in questionFields where b.state[i] & State.present != 0 {
                    out.append(.error("non-respondent-answer", "a non-respondent (Response \(b.values[responseField])) has an answer to \(label(i)); it is ignored",
                                      column: label(i), value: String(b.values[i])))
                    b.clear(i, pending: pending)
                }
            }
            for k in nonRespondentConditions.indices where !nonRespondentRules.applies(rule: k, { b.value($0) }) {
                let (condition, i) = nonRespondentConditions[k]
                let present = b.state[i] & State.present != 0
                out.append(.error("non-respondent-rule", "a non-respondent must have \(label(i)) = \(condition.in?.map(String.init).joined(separator: "/") ?? "?")",
                                  column: label(i), value: present ? String(b.values[i]) : ""))
            }
        }
        // Tick-all-that-apply groups: all blank is "no answer"; partly blank or nothing ticked is invalid.
        if response == .respondent {
            for g in groupSpans.indices {
                let span = groupSpans[g]
                guard span.count > 0 else { continue }
                var answered = 0
                var noneTicked = true
                for k in span.start..<(span.start + span.count) {
                    let i = groupMembers[k]
                    guard b.state[i] & State.present != 0 else { continue }
                    answered += 1
                    if b.values[i] != span.notTicked { noneTicked = false }
                }
                guard answered > 0 else { continue }
                let (group, members) = groups[g]
                var problem: (String, String)?
                if answered < members.count {
                    let blank = members.filter { b.state[$0] & State.present == 0 }.map(label).joined(separator: ", ")
                    problem = ("multi-tick-partial", "tick-all group \(group.name) is partly blank (\(blank) blank); the group is set to no answer")
                } else if noneTicked {
                    problem = ("multi-tick-none-ticked", "tick-all group \(group.name) has every option \"not ticked\" (\(group.notTicked)); the group is set to no answer")
                }
                if let (rule, message) = problem {
                    out.append(.error(rule, message, column: group.fields.first))
                    for i in members { b.clear(i, pending: pending) }
                }
            }
        }
        // The derived stratum against the council's own.
        if !strata.isEmpty {
            let derived = strata.firstMatch { b.value($0) }
            let stratum = derived ?? nil
            let f = reportedStratumField
            if f >= 0, b.state[f] & State.present != 0, let stratum, b.values[f] != stratum {
                out.append(.warning("stratum-mismatch", "the council's stratum \(b.values[f]) differs from the stratum derived from age, support reason and setting (\(stratum)); \(stratum) is used",
                                    column: label(f), value: String(b.values[f])))
            }
            if stratum == nil && response == .respondent {
                out.append(.warning("stratum-unknown", "the stratum cannot be derived (age, primary support reason or support setting missing); the respondent is excluded from weighted results"))
            }
        }
        return response
    }
}
