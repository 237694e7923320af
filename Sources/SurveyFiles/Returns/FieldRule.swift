import SurveyModel

/// A codebook field reduced to what the per-cell hot path needs: plain values only (no strings,
/// no arrays), so reading one costs no reference counting. Its tables of valid codes are ranges
/// of the one flat table shared by all fields (`FieldRules.table`).
struct FieldRule {
    let kind: Field.Kind
    let isCoded: Bool
    let isQuestion: Bool
    let isExcelOnly: Bool
    let isValueRequired: Bool
    /// Valid codes `lowest…` as ranges of `FieldRules.table` (index = value − lowest); count −1 =
    /// no table (min/max decide, or no easy-read codes).
    let lowest: Int
    let validStart: Int
    let validCount: Int
    let easyStart: Int
    let easyCount: Int
    /// Bounds when there is no table (`Int.min`/`Int.max` when absent).
    let min: Int
    let max: Int

    var hasEasyRead: Bool { easyCount >= 0 }
}

/// Every field's `FieldRule` and the flat table of valid codes they share.
struct FieldRules {
    let rules: [FieldRule]
    let table: [Bool]

    init(_ fields: [Field]) {
        var table: [Bool] = []
        var rules: [FieldRule] = []
        rules.reserveCapacity(fields.count)
        func add(_ list: [Int], lowest: Int, size: Int) -> Int {
            let start = table.count
            table.append(contentsOf: repeatElement(false, count: Swift.max(size, 0)))
            for c in list { table[start + c - lowest] = true }
            return start
        }
        // Only values an answer cell can hold (`ResponseTable.Code`) are ever valid: a value
        // outside 0…maxCode is out of range, so the cell's stored byte is always the value itself
        // (`CodebookCheck` refuses codebooks whose codes or ranges go beyond).
        let storable = 0...ResponseTable.maxCode
        for field in fields {
            let codes = field.codes?.map(\.code).filter(storable.contains) ?? []
            let all = codes + (field.easyReadCodes ?? []).filter(storable.contains)
            let low = all.min() ?? 0
            let size = Swift.max((all.max() ?? -1) - low + 1, 0)
            let valid = field.codes == nil ? (start: 0, count: -1) : (start: add(codes, lowest: low, size: size), count: size)
            let easy = field.easyReadCodes.map { (start: add($0.filter(storable.contains), lowest: low, size: size), count: size) } ?? (start: 0, count: -1)
            rules.append(FieldRule(kind: field.kind, isCoded: field.isCoded, isQuestion: field.isQuestion, isExcelOnly: field.isExcelOnly,
                                   isValueRequired: field.isValueRequired, lowest: low, validStart: valid.start, validCount: valid.count,
                                   easyStart: easy.start, easyCount: easy.count, min: Swift.max(field.min ?? 0, 0), max: Swift.min(field.max ?? storable.upperBound, storable.upperBound)))
        }
        self.rules = rules
        self.table = table
    }

    /// Whether `value` is valid for a field; `easyRead` applies the easy-read codes, if the field has them.
    /// `table` is `self.table`'s storage (passed in so hot loops take it once).
    @inline(__always)
    static func accepts(_ rule: FieldRule, _ value: Int, easyRead: Bool, table: UnsafeBufferPointer<Bool>) -> Bool {
        if easyRead && rule.easyCount >= 0 { return lookup(table, rule.easyStart, rule.easyCount, value - rule.lowest) }
        if rule.validCount >= 0 { return lookup(table, rule.validStart, rule.validCount, value - rule.lowest) }
        return value >= rule.min && value <= rule.max
    }

    @inline(__always)
    private static func lookup(_ table: UnsafeBufferPointer<Bool>, _ start: Int, _ count: Int, _ i: Int) -> Bool {
        i >= 0 && i < count && table[start + i]
    }
}
