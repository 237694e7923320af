import SurveyModel

/// Every variable a measure or table can read, as small-integer columns: the codebook's coded
/// fields, its derived variables (recodes such as the combined Q1), and `DerivedStratum`.
public struct Variables: Sendable {
    /// The name of the derived stratum variable.
    public static let stratum = "DerivedStratum"

    public private(set) var columns: [String: [Int16]] = [:]
    /// The valid codes of each variable (for default proportion bases and tables).
    public private(set) var validCodes: [String: [Int]] = [:]
    public private(set) var labels: [String: [CodeLabel]] = [:]

    public init(table: ResponseTable) {
        let codebook = table.codebook
        for (index, field) in codebook.fields.enumerated() where field.isCoded {
            columns[field.name] = table.columns[index]
            if let codes = field.codes {
                validCodes[field.name] = codes.map(\.code)
                labels[field.name] = codes
            }
        }
        let count = table.count
        // The stratum, by the codebook's ordered rules.
        let rules = codebook.strata.rules
        let ruleFields = Set(rules.flatMap { ($0.when ?? []) + ($0.whenAny ?? []) }.map(\.field))
        let ruleColumns = ruleFields.compactMap { name in columns[name].map { (name, $0) } }
        var stratum = [Int16](repeating: ResponseTable.missing, count: count)
        var lookup: [String: Int?] = [:]
        for row in 0..<count {
            for (name, column) in ruleColumns {
                let v = column[row]
                lookup[name] = v == ResponseTable.missing ? nil : Int(v)
            }
            if case let .some(.some(value)) = rules.firstMatch({ lookup[$0] ?? nil }) { stratum[row] = Int16(value) }
        }
        columns[Variables.stratum] = stratum
        validCodes[Variables.stratum] = codebook.strata.labels?.map(\.code) ?? Array(Set(stratum.filter { $0 != ResponseTable.missing }.map(Int.init))).sorted()
        labels[Variables.stratum] = codebook.strata.labels
        // Recoded variables.
        for derived in codebook.derived ?? [] {
            guard let sourceName = derived.source, let source = columns[sourceName] else { continue }
            let recodes = derived.recodes ?? []
            let conditionColumns = recodes.map { ($0.when ?? []).map { (c: $0, column: columns[$0.field]) } }
            let maps: [[Int: Int]?] = recodes.map { r in r.map.map { Dictionary(uniqueKeysWithValues: $0.compactMap { k, v in Int(k).map { ($0, v) } }) } }
            var out = [Int16](repeating: ResponseTable.missing, count: count)
            for row in 0..<count {
                let v = source[row]
                guard v != ResponseTable.missing else { continue }
                for (index, conditions) in conditionColumns.enumerated() {
                    let holds = conditions.allSatisfy { c, column in
                        guard let column else { return false }
                        let x = column[row]
                        return c.holds(for: x == ResponseTable.missing ? nil : Int(x))
                    }
                    if holds {
                        if let map = maps[index] {
                            if let mapped = map[Int(v)] { out[row] = Int16(mapped) }
                        } else {
                            out[row] = v
                        }
                        break
                    }
                }
            }
            columns[derived.name] = out
            if let codes = derived.codes {
                validCodes[derived.name] = codes.map(\.code)
                labels[derived.name] = codes
            }
        }
    }

    public subscript(name: String) -> [Int16]? { columns[name] }
}
