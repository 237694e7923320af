import Testing
import SurveyModel
import SurveyBenchmark

/// `CompiledRules.firstMatchingRules(columns:count:)` answers conditions from tables of 256 codes
/// (and tables whole rules when they read one variable): it must give, row by row, the rule the
/// straightforward `Array<Rule>.firstMatch` evaluation picks, for random rules and columns with
/// missing cells, unbound variables, `in` lists, bounds, `missing` and `whenAny`.
@Suite struct CompiledRulesTableTests {
    /// A random condition on one of `names` (the last is never bound).
    static func condition(_ names: [String], _ rng: inout SplitMix64) -> Condition {
        let field = names[Int.random(in: 0..<names.count, using: &rng)]
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return Condition(field: field, missing: true)
        case 1: return Condition(field: field, in: (0..<Int.random(in: 0...4, using: &rng)).map { _ in Int.random(in: 0...9, using: &rng) })
        case 2: return Condition(field: field, min: Int.random(in: -2...6, using: &rng))
        case 3: return Condition(field: field, max: Int.random(in: 0...300, using: &rng))
        default:
            let low = Int.random(in: 0...5, using: &rng)
            return Condition(field: field, in: [low, low + 1, 254], min: low, max: low + Int.random(in: 0...3, using: &rng))
        }
    }

    static func rules(_ names: [String], _ rng: inout SplitMix64) -> [Rule] {
        (0..<Int.random(in: 0...6, using: &rng)).map { k in
            let when = Int.random(in: 0..<4, using: &rng) == 0 ? nil
                : (0..<Int.random(in: 0...3, using: &rng)).map { _ in condition(names, &rng) }
            let whenAny = Int.random(in: 0..<3, using: &rng) == 0
                ? (0..<Int.random(in: 0...3, using: &rng)).map { _ in condition(names, &rng) } : nil
            return Rule(when: when, whenAny: whenAny, value: k)
        }
    }

    @Test(arguments: [1, 2, 3])
    func tablesAgreeWithTheStraightforwardEvaluation(variables: Int) {
        var rng = SplitMix64(seed: UInt64(17 + variables))
        let names = (0..<variables).map { "v\($0)" } + ["unbound"]
        for _ in 0..<300 {
            let rules = Self.rules(names, &rng)
            let compiled = CompiledRules(rules, emptyAnyMatches: false) { name in
                name == "unbound" ? nil : Int(name.dropFirst())
            }
            let count = Int.random(in: 0...40, using: &rng)
            // Codes 0…9 and 254 and missing, so that `in`, bounds and `missing` all decide something.
            let values: [[ResponseTable.Code]] = (0..<variables).map { _ in
                (0..<count).map { _ in
                    switch Int.random(in: 0..<8, using: &rng) {
                    case 0: return ResponseTable.missing
                    case 1: return 254
                    default: return ResponseTable.Code(Int.random(in: 0...9, using: &rng))
                    }
                }
            }
            let columns = compiled.fields.map { values[$0] }
            let matched = compiled.firstMatchingRules(columns: columns, count: count)
            for row in 0..<count {
                let expected: Int?? = rules.firstMatch { name in
                    guard name != "unbound", let k = Int(name.dropFirst()) else { return nil }
                    let code = values[k][row]
                    return code == ResponseTable.missing ? nil : Int(code)
                }
                let got: Int?? = matched[row] < 0 ? nil : .some(compiled.value(ofRule: Int(matched[row])))
                #expect(got == expected, "rules \(rules), row \(row)")
                // The row-at-a-time evaluation agrees too.
                let byRow = compiled.firstMatchingRule { f in
                    let code = values[f][row]
                    return code == ResponseTable.missing ? nil : Int(code)
                }
                #expect(Int(matched[row]) == byRow)
            }
        }
    }
}
