import SurveyModel
import SurveyEstimation

/// How every field of a codebook is generated, resolved once from the codebook and the hints.
/// The codebook decides the columns, their order and the valid codes; the hints only weight them.
struct ExamplePlan: Sendable {
    /// Codes with relative weights.
    struct Choice: Sendable {
        var codes: [Int]
        var weights: [Double]
        func draw(_ rng: inout ExampleRandom) -> Int { codes[rng.index(weights: weights)] }
    }

    /// A question's answer model: codes off the ordinal scale drawn with their own share, the rest
    /// by thresholds on a latent value (ordinal probit).
    struct Scale: Sendable {
        var outside: Choice
        var outsideShare: Double
        var ordinal: OrdinalScale?
    }

    struct Question: Sendable {
        var field: Int
        var standard: Scale
        var easyRead: Scale?
        /// Correlation of the latent answer with its factor.
        var loading: Double
        var noise: Double
        var health: Bool
        var asked: [AskedCondition]
    }

    struct AskedCondition: Sendable {
        var condition: Condition
        var field: Int
    }

    struct Group: Sendable {
        var members: [Int]
        var weights: [Double]
        var exclusive: [Bool]
        var ticked: Int
        var notTicked: Int
    }

    struct Conditional: Sendable {
        var on: Int
        var choices: [Int: Choice]
    }

    enum Role: Sendable {
        case council, serial, primaryKey, stratumPopulation, reportedStratum, response
        /// Set from the population cell (age, gender, support reason, setting).
        case cell
        case personCode(Choice)
        case personRange(ClosedRange<Int>)
        case question
        case groupMember
        case admin(Choice, conditional: Conditional?, voluntary: Bool, respondentOnly: Bool, missingRate: Double)
        case number(ClosedRange<Int>, voluntary: Bool)
        case blank
    }

    struct DimensionBinding: Sendable {
        var dimension: String
        var field: Int
        var mapping: ExampleProfile.DimensionField
    }

    let codebook: Codebook
    let profile: ExampleProfile
    private(set) var roles: [Role] = []
    private(set) var questions: [Question] = []
    private(set) var groups: [Group] = []
    private(set) var dimensions: [DimensionBinding] = []
    private(set) var fieldIndex: [String: Int] = [:]
    private(set) var responseField: Int?
    private(set) var respondentCode = 1
    private(set) var nonResponse = Choice(codes: [], weights: [])
    private(set) var easyReadField: Int?
    private(set) var easyReadCode: Int?
    private(set) var nonRespondentFixed: [(field: Int, value: Int)] = []
    /// The code written for "no answer" (−9), or nil to leave the cell blank.
    let missingCode: Int?

    init(codebook: Codebook, profile: ExampleProfile) {
        self.codebook = codebook
        self.profile = profile
        missingCode = codebook.missingCodes.first
        for (index, field) in codebook.fields.enumerated() { fieldIndex[field.name] = index }
        let groupMembers = Set((codebook.multiTickGroups ?? []).flatMap(\.fields))
        for dimension in codebook.populations.dimensions {
            if let mapping = profile.dimensionFields[dimension], let field = fieldIndex[mapping.field] {
                dimensions.append(DimensionBinding(dimension: dimension, field: field, mapping: mapping))
            }
        }
        let cellFields = Set(dimensions.map(\.field))
        responseField = fieldIndex[codebook.respondent.field]
        if let r = responseField, let codes = codebook.fields[r].codes?.map(\.code) {
            let respondentCodes = codebook.respondent.in ?? [1]
            respondentCode = respondentCodes.first { codes.contains($0) } ?? respondentCodes.first ?? 1
            let others = codes.filter { !respondentCodes.contains($0) }
            nonResponse = Choice(codes: others, weights: others.map { profile.nonResponseShares[$0] ?? 1 })
        }
        if let rule = codebook.easyRead, let field = fieldIndex[rule.field] {
            easyReadField = field
            easyReadCode = rule.in?.first
        }
        for (index, field) in codebook.fields.enumerated() {
            roles.append(role(of: field, index: index, cellFields: cellFields, groupMembers: groupMembers))
        }
        for group in codebook.multiTickGroups ?? [] {
            let members = group.fields.compactMap { fieldIndex[$0] }
            guard members.count == group.fields.count else { continue }
            groups.append(Group(members: members,
                                weights: group.fields.map { profile.shares[$0]?[group.ticked] ?? 0.3 },
                                exclusive: group.fields.map { profile.exclusiveOptions.contains($0) },
                                ticked: group.ticked, notTicked: group.notTicked))
        }
        for condition in codebook.nonRespondent?.conditions ?? [] {
            if let field = fieldIndex[condition.field], let value = condition.in?.first { nonRespondentFixed.append((field, value)) }
        }
        for name in profile.nonRespondentValues.keys.sorted() {
            guard let field = fieldIndex[name], let value = profile.nonRespondentValues[name] else { continue }
            if codebook.missingCodes.contains(value) || codebook.fields[field].accepts(value) { nonRespondentFixed.append((field, value)) }
        }
    }

    private mutating func role(of field: Field, index: Int, cellFields: Set<Int>, groupMembers: Set<String>) -> Role {
        let name = field.name
        if name == codebook.councilFieldName { return .council }
        if name == codebook.serialFieldName { return .serial }
        if name == profile.primaryKeyField { return .primaryKey }
        if name == profile.stratumPopulationField { return .stratumPopulation }
        if name == codebook.strata.reportedField { return .reportedStratum }
        if index == responseField { return .response }
        if cellFields.contains(index) { return .cell }
        if let shares = profile.personCodes[name], let codes = field.codes?.map(\.code) {
            return .personCode(Choice(codes: codes, weights: codes.map { shares[$0] ?? 0 }))
        }
        if let range = profile.personRanges[name] { return .personRange(clamp(range, to: field)) }
        if field.isQuestion {
            if groupMembers.contains(name) { return .groupMember }
            guard field.kind == .code, field.codes?.isEmpty == false else { return .blank }
            questions.append(question(field, index: index))
            return .question
        }
        let voluntary = !field.isMandatory && !profile.alwaysFilled.contains(name)
        switch field.kind {
        case .code:
            guard let codes = field.codes?.map(\.code), !codes.isEmpty else { return .blank }
            var conditional: Conditional?
            if let hint = profile.conditionalShares[name], let on = fieldIndex[hint.on] {
                var choices: [Int: Choice] = [:]
                for (value, shares) in hint.shares {
                    let weights = codes.map { shares[$0] ?? 0 }
                    if weights.contains(where: { $0 > 0 }) { choices[value] = Choice(codes: codes, weights: weights) }
                }
                conditional = Conditional(on: on, choices: choices)
            }
            let rate = missingCode == nil ? 0 : (profile.missingRate[name] ?? 0)
            return .admin(choice(codes, hint: profile.shares[name], adminDefault: true), conditional: conditional,
                          voluntary: voluntary, respondentOnly: profile.respondentOnly.contains(name), missingRate: rate)
        case .integer:
            return .number(clamp(profile.numberRanges[name] ?? 0...100, to: field), voluntary: voluntary)
        case .number:
            return .number(profile.numberRanges[name] ?? 100...10_000, voluntary: voluntary)
        case .text, .freeText:
            return .blank
        }
    }

    private func question(_ field: Field, index: Int) -> Question {
        let codes = field.codes?.map(\.code) ?? []
        let standard = scale(codes, hint: profile.shares[field.name], outside: profile.outsideScale[field.name] ?? [])
        var easy: Scale?
        if codebook.easyRead != nil, let easyCodes = field.easyReadCodes, !easyCodes.isEmpty {
            let valid = easyCodes.filter { field.accepts($0) }
            easy = scale(valid, hint: profile.easyReadShares[field.name], outside: [])
        }
        let health = profile.healthItems.contains(field.name)
        let loading = health ? 0.6 : ((standard.ordinal?.codes.count ?? 0) >= 3 ? 0.65 : 0.5)
        let asked = (profile.askedWhen[field.name] ?? []).compactMap { c in fieldIndex[c.field].map { AskedCondition(condition: c, field: $0) } }
        return Question(field: index, standard: standard, easyRead: easy, loading: loading,
                        noise: (1 - loading * loading).squareRoot(), health: health, asked: asked)
    }

    private func scale(_ codes: [Int], hint: [Int: Double]?, outside: Set<Int>) -> Scale {
        let all = choice(codes, hint: hint, adminDefault: false)
        let total = all.weights.reduce(0, +)
        var outsideCodes: [Int] = [], outsideWeights: [Double] = [], scaleCodes: [Int] = [], scaleWeights: [Double] = []
        for (code, weight) in zip(all.codes, all.weights) {
            if outside.contains(code) {
                outsideCodes.append(code)
                outsideWeights.append(weight)
            } else {
                scaleCodes.append(code)
                scaleWeights.append(weight)
            }
        }
        let outsideShare = total > 0 ? outsideWeights.reduce(0, +) / total : 0
        let ordinal = scaleCodes.isEmpty ? nil : OrdinalScale(codes: scaleCodes, shares: scaleWeights, quantile: Normal.quantile)
        return Scale(outside: Choice(codes: outsideCodes, weights: outsideWeights),
                     outsideShare: ordinal == nil ? 1 : outsideShare, ordinal: ordinal)
    }

    /// Weights from the hint (codes it does not name get 0); the generic shares without a usable hint.
    private func choice(_ codes: [Int], hint: [Int: Double]?, adminDefault: Bool) -> Choice {
        if let hint {
            let weights = codes.map { hint[$0] ?? 0 }
            if weights.contains(where: { $0 > 0 }) { return Choice(codes: codes, weights: weights) }
        }
        if adminDefault, codes.count == 2 { return Choice(codes: codes, weights: [0.15, 0.85]) }
        return Choice(codes: codes, weights: ExampleProfile.genericShares(count: codes.count))
    }

    private func clamp(_ range: ClosedRange<Int>, to field: Field) -> ClosedRange<Int> {
        let lower = Swift.max(range.lowerBound, field.min ?? Int.min)
        let upper = Swift.min(range.upperBound, field.max ?? Int.max)
        return lower <= upper ? lower...upper : (field.min ?? 0)...(field.max ?? field.min ?? 0)
    }

    /// The value of a field in a generated row, nil when blank or "no answer".
    func value(_ row: UnsafeMutableBufferPointer<Int32>, _ field: Int) -> Int? {
        let v = row[field]
        if v == ExampleCouncil.blank { return nil }
        if let missingCode, Int(v) == missingCode { return nil }
        return Int(v)
    }

    /// The stratum the codebook's rules derive from a generated row.
    func derivedStratum(_ row: UnsafeMutableBufferPointer<Int32>) -> Int? {
        let match = codebook.strata.rules.firstMatch { name in fieldIndex[name].flatMap { value(row, $0) } }
        return match ?? nil
    }
}
