import SurveyModel

/// The validation rules of one row (ascs.md §2.4, sace.md §3), applied after all of its cells
/// are parsed: missing codes, ranges and easy-read ranges, non-respondent rules, tick-all groups,
/// required values, and the derived stratum against the council's own.
/// Invalid cells are made missing; each problem is a `Diagnostic`.
struct RowValidator {
    enum Response { case respondent, nonRespondent, unknown }
    struct Outcome {
        var response: Response
        var diagnostics: [Diagnostic]
    }

    let codebook: Codebook
    private let missingCodes: [Int]
    private let responseField: Int?
    private let easyReadField: Int?
    private let reportedStratumField: Int?
    private let questionFields: [Int]
    private let codedFields: [Int]
    private let groups: [(group: MultiTickGroup, fields: [Int])]
    private let nonRespondentConditions: [(Condition, Int)]
    private let requiredFields: [Int]
    private let fieldIndex: [String: Int]
    private let rules: [FieldRule]
    private let strata: CompiledRules

    init(codebook: Codebook) {
        self.codebook = codebook
        missingCodes = codebook.missingCodes
        var index: [String: Int] = [:]
        for (i, f) in codebook.fields.enumerated() { index[f.name] = i }
        fieldIndex = index
        responseField = index[codebook.respondent.field]
        easyReadField = codebook.easyRead.flatMap { index[$0.field] }
        reportedStratumField = codebook.strata.reportedField.flatMap { index[$0] }
        questionFields = codebook.fields.indices.filter { codebook.fields[$0].isQuestion && codebook.fields[$0].isCoded }
        codedFields = codebook.fields.indices.filter { codebook.fields[$0].isCoded }
        groups = (codebook.multiTickGroups ?? []).map { g in (g, g.fields.compactMap { index[$0] }) }
        nonRespondentConditions = (codebook.nonRespondent?.conditions ?? []).compactMap { c in index[c.field].map { (c, $0) } }
        requiredFields = codebook.fields.indices.filter { codebook.fields[$0].isValueRequired && codebook.fields[$0].isCoded }
        rules = codebook.fields.map(FieldRule.init)
        strata = CompiledRules(codebook.strata.rules, fieldIndex: index)
    }

    func validate(row: Int, values: inout [Int], present: inout [Bool], badCell: [Bool], council: String, serial: String) -> Outcome {
        var out: [Diagnostic] = []
        func label(_ i: Int) -> String { codebook.fields[i].name }
        // -9 and the other "no answer" codes become blank.
        for i in codedFields where present[i] && missingCodes.contains(values[i]) { present[i] = false }
        // Identity.
        if council.isEmpty {
            out.append(.error("council-missing", "no council code: column LaCode is blank and no council was given (Sign Off Sheet or --council)", column: "LaCode"))
        }
        if serial.isEmpty {
            out.append(.error("serial-missing", "no serial number: every data row needs one (a row with answers but no serial is kept and reported)", column: "SerialNo"))
        }
        for i in requiredFields where !present[i] && !badCell[i] {
            let field = codebook.fields[i]
            out.append(.error("value-required", "\(field.label) is blank; a value is required (\(field.validRange()))", column: label(i)))
        }
        // Ranges. Easy-read questionnaires allow only the easy-read codes.
        let easyRead: Bool = {
            guard let rule = codebook.easyRead, let f = easyReadField else { return false }
            return rule.holds(for: present[f] ? values[f] : nil)
        }()
        for i in codedFields where present[i] {
            let rule = rules[i]
            let useEasy = easyRead && rule.hasEasyRead
            if !rule.accepts(values[i], easyRead: useEasy) {
                let field = codebook.fields[i]
                present[i] = false
                let rule = useEasy && field.accepts(values[i]) ? "easy-read-out-of-range" : "out-of-range"
                let which = useEasy ? " on the easy-read questionnaire" : ""
                out.append(.error(rule, "\(field.label): \(values[i]) is not a valid code\(which) (valid: \(field.validRange(easyRead: useEasy)))",
                                  column: field.name, value: String(values[i])))
            }
        }
        // Respondent or not.
        var response = Response.unknown
        if let r = responseField, present[r] {
            response = codebook.respondent.holds(for: values[r]) ? .respondent : .nonRespondent
        }
        if response == .nonRespondent {
            if codebook.nonRespondent?.questionsBlank == true {
                for i in questionFields where present[i] {
                    out.append(.error("non-respondent-answer", "a non-respondent (Response \(values[responseField!])) has an answer to \(label(i)); it is ignored",
                                      column: label(i), value: String(values[i])))
                    present[i] = false
                }
            }
            for (condition, i) in nonRespondentConditions where !condition.holds(for: present[i] ? values[i] : nil) {
                out.append(.error("non-respondent-rule", "a non-respondent must have \(label(i)) = \(condition.in?.map(String.init).joined(separator: "/") ?? "?")",
                                  column: label(i), value: present[i] ? String(values[i]) : ""))
            }
        }
        // Tick-all-that-apply groups: all blank is "no answer"; partly blank or nothing ticked is invalid.
        if response == .respondent {
            for (group, members) in groups where !members.isEmpty {
                let answered = members.filter { present[$0] }
                guard !answered.isEmpty else { continue }
                var problem: (String, String)?
                if answered.count < members.count {
                    problem = ("multi-tick-partial", "tick-all group \(group.name) is partly blank (\(members.filter { !present[$0] }.map(label).joined(separator: ", ")) blank); the group is set to no answer")
                } else if answered.allSatisfy({ values[$0] == group.notTicked }) {
                    problem = ("multi-tick-none-ticked", "tick-all group \(group.name) has every option \"not ticked\" (\(group.notTicked)); the group is set to no answer")
                }
                if let (rule, message) = problem {
                    out.append(.error(rule, message, column: group.fields.first))
                    for i in members { present[i] = false }
                }
            }
        }
        // The derived stratum against the council's own.
        if !codebook.strata.rules.isEmpty {
            let derived = strata.firstMatch { present[$0] ? values[$0] : nil }
            let stratum = derived ?? nil
            if let f = reportedStratumField, present[f], let stratum, values[f] != stratum {
                out.append(.warning("stratum-mismatch", "the council's stratum \(values[f]) differs from the stratum derived from age, support reason and setting (\(stratum)); \(stratum) is used",
                                    column: label(f), value: String(values[f])))
            }
            if stratum == nil && response == .respondent {
                out.append(.warning("stratum-unknown", "the stratum cannot be derived (age, primary support reason or support setting missing); the respondent is excluded from weighted results"))
            }
        }
        return Outcome(response: response, diagnostics: out)
    }
}
