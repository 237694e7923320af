import SurveyModel
import SurveyScoring

/// Response rates per council and derived stratum: every sampled row (respondents and
/// non-respondents) counts in `sampled`; rows whose stratum cannot be derived count in the
/// council's total only.
public enum ResponseRates {
    public static func compute(_ scored: ScoredReturns) -> [ResponseRate] {
        let table = scored.table
        var byCell: [String: [Int: (Int, Int)]] = [:]
        var total: [String: (Int, Int)] = [:]
        let stratum = scored.stratum
        for row in 0..<table.count {
            let council = table.councils[Int(table.council[row])]
            let r = scored.isRespondent[row] ? 1 : 0
            total[council, default: (0, 0)].0 += 1
            total[council, default: (0, 0)].1 += r
            if stratum[row] != ResponseTable.missing {
                byCell[council, default: [:]][Int(stratum[row]), default: (0, 0)].0 += 1
                byCell[council, default: [:]][Int(stratum[row]), default: (0, 0)].1 += r
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
