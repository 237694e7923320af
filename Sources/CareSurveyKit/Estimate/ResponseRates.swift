import SurveyModel
import SurveyScoring

/// Response rates per council and derived stratum: every sampled row (respondents and
/// non-respondents) counts in `sampled`; rows whose stratum cannot be derived count in the
/// council's total only.
public enum ResponseRates {
    public static func compute(_ scored: ScoredReturns) -> [ResponseRate] {
        let table = scored.table
        let stratum = scored.stratum
        // Counted per council index and stratum code first (`width` codes per council, the last
        // for rows without a stratum), then gathered by council code.
        var highest = -1
        for s in stratum where s != ResponseTable.missing { highest = max(highest, Int(s)) }
        let width = highest + 2
        let none = width - 1
        var sampledIn = [Int](repeating: 0, count: table.councils.count * width)
        var respondedIn = sampledIn
        table.council.withUnsafeBufferPointer { council in
            scored.isRespondent.withUnsafeBufferPointer { isRespondent in
                stratum.withUnsafeBufferPointer { stratum in
                    sampledIn.withUnsafeMutableBufferPointer { sampled in
                        respondedIn.withUnsafeMutableBufferPointer { responded in
                            for row in 0..<table.count {
                                let s = stratum[row] == ResponseTable.missing ? none : Int(stratum[row])
                                let k = Int(council[row]) * width + s
                                sampled[k] += 1
                                if isRespondent[row] { responded[k] += 1 }
                            }
                        }
                    }
                }
            }
        }
        var byCell: [String: [Int: (Int, Int)]] = [:]
        var total: [String: (Int, Int)] = [:]
        for (c, council) in table.councils.enumerated() {
            for s in 0..<width where sampledIn[c * width + s] > 0 {
                let counts = (sampledIn[c * width + s], respondedIn[c * width + s])
                total[council, default: (0, 0)].0 += counts.0
                total[council, default: (0, 0)].1 += counts.1
                if s != none {
                    byCell[council, default: [:]][s, default: (0, 0)].0 += counts.0
                    byCell[council, default: [:]][s, default: (0, 0)].1 += counts.1
                }
            }
        }
        var out: [ResponseRate] = []
        for council in total.keys.sorted() {
            for (s, counts) in (byCell[council] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out.append(ResponseRate(council: council, stratum: s, sampled: counts.0, respondents: counts.1))
            }
            let t = total[council]!
            out.append(ResponseRate(council: council, stratum: nil, sampled: t.0, respondents: t.1))
        }
        return out
    }
}
