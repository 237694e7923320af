import SurveyModel
import SurveyScoring
import SurveyEstimation
import SurveyReports

/// `scores`: one row per respondent with every measure's value and, with populations, its weight
/// `N_h / n_hk` (cell population over valid values of that measure in the cell).
public struct RespondentScores: Sendable {
    public var header: [String]
    public var rows: [[CSVWriter.Cell]]

    public static func table(_ prepared: PreparedSurvey) -> RespondentScores {
        let scored = prepared.scored
        let t = scored.table
        let design = Design(councilCodes: t.councils, councilOfRow: t.council, stratumOfRow: scored.stratum, isRespondent: scored.isRespondent)
        // Every measure's values, computed once (each row's cells read all of them).
        let values = scored.values
        var weights: [[Double]] = []
        if let populations = prepared.populations {
            for (i, measure) in scored.measures.enumerated() {
                let stats = CellStats.accumulate(values: values[i], design: design)
                let N = design.populations(populations, set: measure.populationSet)
                weights.append((0..<t.count).map { row in
                    let h = Int(design.cellOfRow[row])
                    guard h >= 0, !values[i][row].isNaN else { return .nan }
                    return DesignWeight.weight(population: N[h], respondents: stats[h].n) ?? .nan
                })
            }
        }
        var header = ["council", "serial", "stratum"] + scored.measures.map { "m" + $0.code }
        if !weights.isEmpty { header += scored.measures.map { "w" + $0.code } }
        var rows: [[CSVWriter.Cell]] = []
        for row in 0..<t.count where scored.isRespondent[row] {
            let s = scored.stratum[row]
            var cells: [CSVWriter.Cell] = [.text(t.councils[Int(t.council[row])]), .text(t.serial[row]),
                                           s == ResponseTable.missing ? .empty : .integer(Int(s))]
            cells += values.map { .optional($0[row]) }
            cells += weights.map { .optional($0[row]) }
            rows.append(cells)
        }
        return RespondentScores(header: header, rows: rows)
    }

    public func csv() -> String {
        var w = CSVWriter(header: header)
        for row in rows { w.writeRow(row) }
        return w.output
    }

    public func json() -> String {
        JSONValue.object([("schemaVersion", .int(1)), ("columns", .array(header.map(JSONValue.string))),
                          ("rows", .array(rows.map { row in .array(row.map { cell in
                              switch cell {
                              case let .text(s): return .string(s)
                              case let .number(d): return .double(d)
                              case let .integer(i): return .int(i)
                              case .empty: return .null
                              }
                          }) }))]).serialized(pretty: false) + "\n"
    }
}
