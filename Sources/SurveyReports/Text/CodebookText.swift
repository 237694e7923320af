import Foundation
import SurveyModel

/// `codebook` for a person: status, fields and measures.
public enum CodebookText {
    public static func render(_ cb: Codebook, models: [String: ScoreModel]) -> String {
        var out = "\(cb.survey) \(cb.surveyYear) — \(cb.status.rawValue.uppercased())\n"
        out += "  survey: \(cb.displayName); council code in \(cb.councilFieldName), serial number in \(cb.serialFieldName); counts of \(cb.peopleName)\n"
        out += "  source: \(cb.source)\n"
        out += "  Excel sheet: \"\(cb.excel.sheet)\"; \(cb.fields.count) columns, \(cb.fields.filter(\.isQuestion).count) questions\n"
        out += "  Questions:\n"
        for f in cb.fields where f.isQuestion {
            let codes = f.codes.map { $0.map { "\($0.code)" }.joined(separator: "/") } ?? f.validRange()
            out += "    \(f.name.padding(toLength: 6, withPad: " ", startingAt: 0)) [\(codes)\(f.easyReadCodes.map { "; easy-read \(Field.describe($0))" } ?? "")] \(f.label)\n"
        }
        out += "  Measures:\n"
        for m in cb.measures {
            var rule = ""
            if let flag = m.flag {
                rule = "\(flag.variable) in {\(flag.numerator.map(String.init).joined(separator: ","))}"
                if let base = flag.base { rule += " / {\(base.map(String.init).joined(separator: ","))}" } else { rule += " / answered" }
            } else if let score = m.score {
                rule = "score: " + ((score.include ?? []).map { "\($0.factor >= 0 ? "+" : "−") \($0.model)" } + (score.terms ?? []).map { $0.label ?? $0.variables.joined(separator: "+") }).joined(separator: " ")
            }
            let status = m.status ?? cb.status
            out += "    \(m.displayCode.padding(toLength: 14, withPad: " ", startingAt: 0)) \(m.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(m.name) — \(rule) [\(status.rawValue)]\n"
        }
        let used = Set(cb.measures.flatMap { $0.score?.include?.map(\.model) ?? [] })
        for id in used.sorted() {
            if let model = models[id] { out += "  Weights \(id) (\(model.status.rawValue), \(model.year ?? "")): \(model.source)\n" }
        }
        return out
    }

    public static func json(_ cb: Codebook) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(cb)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}
