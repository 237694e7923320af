import SurveyModel

/// Every variable a measure or table can read, as small-integer columns: the codebook's coded
/// fields, its derived variables (recodes such as the combined Q1), and `DerivedStratum`.
///
/// The stratum rules and the recodes' conditions are compiled (`CompiledRules`) and bound to
/// the columns once; recode maps are dense tables. Nothing per row builds a string or a dictionary.
public struct Variables: Sendable {
    /// The name of the derived stratum variable.
    public static let stratum = "DerivedStratum"

    public private(set) var columns: [String: [ResponseTable.Code]] = [:]
    /// The valid codes of each variable (for default proportion bases and tables).
    public private(set) var validCodes: [String: [Int]] = [:]
    public private(set) var labels: [String: [CodeLabel]] = [:]

    public init(table: ResponseTable) {
        let codebook = table.codebook
        // Columns the reader did not keep (`ResponseTable.holdsColumn`) are not variables: a measure
        // reading one fails as an unknown variable rather than seeing blanks.
        for (index, field) in codebook.fields.enumerated() where field.isCoded && table.holdsColumn[index] {
            columns[field.name] = table.columns[index]
            if let codes = field.codes {
                validCodes[field.name] = codes.map(\.code)
                labels[field.name] = codes
            }
        }
        let count = table.count
        // The stratum, by the codebook's ordered rules over the coded fields.
        var fieldIndex: [String: Int] = [:]
        for (index, field) in codebook.fields.enumerated() where field.isCoded && table.holdsColumn[index] { fieldIndex[field.name] = index }
        let rules = CompiledRules(codebook.strata.rules, emptyAnyMatches: false, bind: { fieldIndex[$0] })
        let matched = rules.firstMatchingRules(columns: rules.fields.map { table.columns[$0] }, count: count)
        let valueOfRule = codebook.strata.rules.map { $0.value.map(ResponseTable.code) ?? ResponseTable.missing }
        var stratum = [ResponseTable.Code](repeating: ResponseTable.missing, count: count)
        stratum.withUnsafeMutableBufferPointer { out in
            for row in 0..<count where matched[row] >= 0 { out[row] = valueOfRule[Int(matched[row])] }
        }
        columns[Variables.stratum] = stratum
        validCodes[Variables.stratum] = codebook.strata.labels?.map(\.code) ?? Array(Set(stratum.filter { $0 != ResponseTable.missing }.map(Int.init))).sorted()
        labels[Variables.stratum] = codebook.strata.labels
        // Recoded variables: the first recode whose conditions hold maps the source's code (no
        // map = unchanged); a condition on a variable that does not exist never holds.
        for derived in codebook.derived ?? [] {
            guard let sourceName = derived.source, let source = columns[sourceName] else { continue }
            let recodes = derived.recodes ?? []
            var names: [String] = []
            let compiled = CompiledRules(recodes.map { (when: $0.when, whenAny: nil, value: nil) }, emptyAnyMatches: false, unbound: .fails) { name in
                guard columns[name] != nil else { return nil }
                if let i = names.firstIndex(of: name) { return i }
                names.append(name)
                return names.count - 1
            }
            let matched = compiled.firstMatchingRules(columns: compiled.fields.map { columns[names[$0]]! }, count: count)
            let maps = recodes.map { RecodeMap($0.map) }
            var out = [ResponseTable.Code](repeating: ResponseTable.missing, count: count)
            source.withUnsafeBufferPointer { source in
                out.withUnsafeMutableBufferPointer { out in
                    for row in 0..<count {
                        let v = source[row]
                        let r = Int(matched[row])
                        guard v != ResponseTable.missing, r >= 0 else { continue }
                        out[row] = maps[r].apply(v)
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

    public subscript(name: String) -> [ResponseTable.Code]? { columns[name] }
}

/// A recode's `map` ("code": new code; keys that are not whole numbers are ignored) as a dense
/// table over the source codes it mentions; no map = the code unchanged.
private struct RecodeMap {
    private let isIdentity: Bool
    private let low: Int
    /// New code per source code `low…`; `missing` where the map has none.
    private let table: [ResponseTable.Code]
    private let sparse: [Int: Int]

    init(_ map: [String: Int]?) {
        guard let map else {
            isIdentity = true
            low = 0
            table = []
            sparse = [:]
            return
        }
        isIdentity = false
        let pairs = Dictionary(uniqueKeysWithValues: map.compactMap { k, v in Int(k).map { ($0, v) } })
        let keys = pairs.keys
        if let lo = keys.min(), let hi = keys.max(), case let (span, overflow) = hi.subtractingReportingOverflow(lo), !overflow, span < 65_536 {
            var t = [ResponseTable.Code](repeating: ResponseTable.missing, count: hi - lo + 1)
            for (k, v) in pairs { t[k - lo] = ResponseTable.code(v) }
            low = lo
            table = t
            sparse = [:]
        } else {
            low = 0
            table = []
            sparse = pairs
        }
    }

    @inline(__always)
    func apply(_ v: ResponseTable.Code) -> ResponseTable.Code {
        if isIdentity { return v }
        if table.isEmpty { return sparse[Int(v)].map(ResponseTable.code) ?? ResponseTable.missing }
        let i = Int(v) - low
        return i >= 0 && i < table.count ? table[i] : ResponseTable.missing
    }
}
