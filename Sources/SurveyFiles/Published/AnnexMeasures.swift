import SurveyModel

/// Annex-table answers as ASCOF measures (`Reference/annex-measures.json`), so that they can be
/// ranked: for every council of the annex tables and every mapping valid in their year, the measure
/// is the sum of the listed answers' percentages (T1a) to the question, with the question's
/// respondents as its base. A single answer keeps its published margin of error (T5); a sum has none
/// (the benchmark's SE is then approximate, from the base). Any listed answer with a marker (`[x]`,
/// `[c]`, …) makes the measure missing with that marker, never a partial sum; average rows
/// (`18 CASSR Average`) are not councils and are left out.
public enum AnnexMeasures {
    public static func figures(_ annex: AnnexTables, map: AnnexMeasureMap, catalogue: MeasureCatalogue) -> (figures: [PublishedFigure], notes: [String]) {
        var figures: [PublishedFigure] = []
        var notes: [String] = []
        let byArea = Dictionary(grouping: annex.answers, by: \.area)
        for mapping in map.mappings where mapping.applies(to: annex.year) {
            guard let measure = catalogue.measure(id: mapping.measure) else {
                notes.append("Reference/annex-measures.json: \(mapping.measure) is not in the ASCOF catalogue; not used")
                continue
            }
            var made = 0, valued = 0
            for area in annex.areas where !area.isAverage {
                let answers = (byArea[area.code] ?? []).filter { mapping.matches(heading: $0.question) && mapping.isAnswer($0.answer) }
                guard answers.count == mapping.answers.count else { continue }
                var outcome: PublishedValue = .number(0)
                for a in answers {
                    switch (outcome, a.percent) {
                    case let (.number(sum), .number(p)?): outcome = .number(sum + p)
                    case (.number, .missing(let marker)?): outcome = .missing(marker)
                    case (.number, nil): outcome = .missing(.blank)
                    default: break
                    }
                }
                let base = answers.first?.respondents
                let moe = answers.count == 1 && outcome.number != nil ? answers[0].marginOfError : nil
                figures.append(PublishedFigure(
                    measure: measure.id, code: measure.codes[annex.year >= "2023-24" ? "2023-24" : "pre-2023-24"] ?? measure.id, year: annex.year, breakdown: "Total",
                    level: .council, area: area.code, areaName: area.name, ons: area.ons, outcome: outcome, base: base,
                    marginOfError: moe, origin: "\(annex.path): \(mapping.question)"))
                made += 1
                if outcome.number != nil { valued += 1 }
            }
            if made > 0 {
                let provisional = (mapping.status ?? map.status) == .provisional ? " (mapping provisional)" : ""
                notes.append("\(annex.path): \(measure.id) \(measure.name) made from the annex answers to \(mapping.question) (\(mapping.answers.joined(separator: " + "))) for \(made) councils (\(valued) with a value, \(made - valued) missing with their marker)\(provisional)")
            }
        }
        return (figures, notes)
    }
}
