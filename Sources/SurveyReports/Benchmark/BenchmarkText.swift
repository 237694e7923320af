import SurveyModel
import SurveyBenchmark

/// The terminal dashboard: per council and year, one line per measure — value, England, region,
/// peers, rank of n (with its interval), quartile, distance to the next quartile, and an arrow
/// for the comparison with England (▲ better, ▼ worse, = similar, ? not compared).
public enum BenchmarkText {
    static func value(_ x: Double?, _ unit: MeasureUnit) -> String {
        guard let x else { return "–" }
        switch unit {
        case .percent: return MeasuresText.fixed(x * 100, 1) + "%"
        case .score: return MeasuresText.fixed(x, 2)
        case .ratePer100000: return MeasuresText.fixed(x, 1)
        }
    }

    static func gap(_ x: Double, _ unit: MeasureUnit) -> String {
        unit == .percent ? MeasuresText.fixed(x * 100, 1) + " pts" : MeasuresText.fixed(x, unit == .score ? 2 : 1)
    }

    static func arrow(_ c: BenchmarkComparison?) -> String {
        switch c {
        case .muchBetter?: return "▲▲"
        case .better?: return "▲"
        case .similar?: return "="
        case .worse?: return "▼"
        case .muchWorse?: return "▼▼"
        default: return "?"
        }
    }

    static func rankText(_ r: Double?) -> String {
        guard let r else { return "–" }
        return r == r.rounded() ? String(Int(r)) : MeasuresText.fixed(r, 1)
    }

    /// `75.0% GREEN`, `* ` marking a target outside the 95% interval; `–` without a target.
    static func targetText(_ r: BenchmarkResult) -> String {
        guard let t = r.target else { return "–" }
        return value(t.target.value, r.unit) + " " + t.rag.rawValue.uppercased() + (t.clear == true ? "*" : "")
    }

    public static func render(_ report: BenchmarkReport) -> String {
        let pad = MeasuresText.pad
        var out = ""
        let byCouncil = Dictionary(grouping: report.results) { "\($0.council)\u{1}\($0.year)\u{1}\($0.breakdown)" }
        func order(_ r: BenchmarkResult) -> (String, String, String) { (r.council, r.year, r.breakdown == "Total" ? "" : r.breakdown) }
        let keys = byCouncil.keys.sorted { order(byCouncil[$0]![0]) < order(byCouncil[$1]![0]) }
        let targets = report.results.contains { $0.target != nil }
        for key in keys {
            let rows = byCouncil[key]!.sorted { $0.displayCode < $1.displayCode }
            let first = rows[0]
            out += "\(first.name) (\(first.council)) — \(first.year)" + (first.breakdown == "Total" ? "" : ", \(first.breakdown)") + "\n"
            out += pad("measure", 18) + pad("value", 9) + pad("England", 9) + pad("region", 9) + pad("peers", 9)
                + pad("rank", 14) + pad("quartile", 9) + (targets ? pad("target", 16) : "") + "to next quartile\n"
            for r in rows {
                var line = pad(r.displayCode, 18) + pad(value(r.estimate, r.unit), 9)
                line += pad(value(r.england?.value, r.unit) + " " + arrow(r.england?.comparison), 9)
                line += pad(value(r.region?.value, r.unit), 9) + pad(value(r.peers?.average, r.unit), 9)
                var rank = r.rank.map { "\(rankText($0))/\(r.of)" } ?? "–"
                if let lo = r.rankLower, let hi = r.rankUpper { rank += " (\(lo)–\(hi))" }
                line += pad(rank, 14) + pad(r.quartile.map { "Q\($0)" } ?? "–", 9)
                if targets { line += pad(targetText(r), 16) }
                if r.suppressed {
                    line += r.notes.first ?? "no value"
                } else if let next = r.nextQuartile {
                    line += "\(gap(next.gap, r.unit)) to \(value(next.cutPoint, r.unit))"
                    if let people = next.gapPeople { line += " (\(Int(people.rounded(.up))) \(next.peopleUnit ?? "people"))" }
                } else if r.quartile == 1 {
                    line += "top quartile"
                }
                out += line + "\n"
            }
            out += "\n"
        }
        out += "▲ better / ▼ worse than England (outside the 95% interval; doubled outside 99.8%), = similar, ? not compared.\n"
        if targets {
            out += "target: RAG against the targets file (GREEN meets it, AMBER short by no more than the amber band, RED otherwise); "
                + "* = the target lies outside the 95% interval.\n"
        }
        out += "rank 1 = best; (a–b) = 95% rank interval from \(report.draws) simulations (seed \(report.seed)).\n"
        for note in report.notes { out += "note: \(note)\n" }
        let unused = report.files.reduce(0) { $0 + $1.rowsNotUsed }
        for f in report.files {
            out += "read \(f.path): \(f.rowsRead) rows, \(f.rowsUsed) used, \(f.rowsNotUsed) not used (\(f.years.joined(separator: ", ")))\n"
        }
        if unused > 0 || !report.diagnostics.isEmpty { out += "\(report.diagnostics.count) diagnostics (see --format json)\n" }
        return out
    }
}
