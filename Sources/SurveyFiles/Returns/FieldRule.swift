import SurveyModel

/// A codebook field reduced to what the per-cell hot path needs (no strings, no copies of the
/// full `Field`): its kind and a dense table of valid codes.
struct FieldRule {
    let kind: Field.Kind
    let isCoded: Bool
    let isQuestion: Bool
    let isExcelOnly: Bool
    let isValueRequired: Bool
    /// Valid values `lowest…` as a dense table (index = value − lowest), or nil to use min/max.
    private let valid: [Bool]?
    private let easyValid: [Bool]?
    private let lowest: Int
    private let min: Int?
    private let max: Int?

    init(_ field: Field) {
        kind = field.kind
        isCoded = field.isCoded
        isQuestion = field.isQuestion
        isExcelOnly = field.isExcelOnly
        isValueRequired = field.isValueRequired
        min = field.min
        max = field.max
        let codes = field.codes?.map(\.code) ?? []
        let all = codes + (field.easyReadCodes ?? [])
        let low = all.min() ?? 0
        let size = (all.max() ?? -1) - low + 1
        lowest = low
        valid = field.codes == nil ? nil : FieldRule.table(codes, lowest: low, size: size)
        easyValid = field.easyReadCodes.map { FieldRule.table($0, lowest: low, size: size) }
    }

    private static func table(_ list: [Int], lowest: Int, size: Int) -> [Bool] {
        var t = [Bool](repeating: false, count: Swift.max(size, 0))
        for c in list { t[c - lowest] = true }
        return t
    }

    var hasEasyRead: Bool { easyValid != nil }

    @inline(__always)
    func accepts(_ value: Int, easyRead: Bool) -> Bool {
        if easyRead, let easyValid { return lookup(easyValid, value) }
        if let valid { return lookup(valid, value) }
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }

    @inline(__always)
    private func lookup(_ table: [Bool], _ value: Int) -> Bool {
        let i = value - lowest
        return i >= 0 && i < table.count && table[i]
    }
}

/// Ordered rules (strata) with their conditions bound to field indices.
struct CompiledRules {
    struct Bound { let field: Int; let condition: Condition }
    let rules: [(all: [Bound], any: [Bound], value: Int?)]

    init(_ rules: [Rule], fieldIndex: [String: Int]) {
        func bind(_ list: [Condition]?) -> [Bound] { (list ?? []).map { Bound(field: fieldIndex[$0.field] ?? -1, condition: $0) } }
        self.rules = rules.map { (bind($0.when), bind($0.whenAny), $0.value) }
    }

    /// `.some(value)` of the first rule that applies (value nil = unknown); nil when none applies.
    func firstMatch(_ value: (Int) -> Int?) -> Int?? {
        for rule in rules {
            if !rule.all.allSatisfy({ $0.condition.holds(for: $0.field >= 0 ? value($0.field) : nil) }) { continue }
            if !rule.any.isEmpty, !rule.any.contains(where: { $0.condition.holds(for: $0.field >= 0 ? value($0.field) : nil) }) { continue }
            return .some(rule.value)
        }
        return nil
    }
}
