import Foundation
import SurveyModel

/// Collects published rows into figures (one per area × measure × year × breakdown), resolving
/// codes through the catalogue and councils through `Reference/councils.json`, converting units
/// by the measure's definition and writing a diagnostic for every row it does not use.
struct FigureBuilder {
    let path: String
    let catalogue: MeasureCatalogue
    let councils: Councils
    var summary: PublishedFileSummary
    var diagnostics: [Diagnostic] = []
    private var figures: [Key: PublishedFigure] = [:]
    private var order: [Key] = []
    private var unknownCouncils = Set<String>()
    // Per-file memos: a national file repeats the same few codes, levels and councils on every row
    // (the catalogue scan with code normalising was a quarter of trend/benchmark reading time).
    private var measures: [String: AscofMeasure?] = [:]
    private var levels: [String: GeographyLevel?] = [:]
    private var kinds: [String: String] = [:]
    private var areas: [String: (code: String, name: String)] = [:]

    struct Key: Hashable { var measure, year, breakdown, area: String; var level: GeographyLevel }

    init(path: String, catalogue: MeasureCatalogue, councils: Councils) {
        self.path = path
        self.catalogue = catalogue
        self.councils = councils
        summary = PublishedFileSummary(path: path, format: "ascof-csv")
    }

    mutating func skip(_ row: Int, column: String?, value: String?, rule: String, _ message: String,
                       severity: Diagnostic.Severity = .warning) {
        summary.rowsNotUsed += 1
        diagnostics.append(Diagnostic(severity: severity, file: path, row: row, column: column, value: value,
                                      rule: rule, message: message + "; row not used"))
    }

    static func level(_ text: String) -> GeographyLevel? {
        switch text.lowercased().filter({ $0.isLetter }) {
        case "council", "localauthority", "cassr", "la", "councils": return .council
        case "region", "regional": return .region
        case "counciltype", "type": return .councilType
        case "england", "national", "country": return .england
        default: return nil
        }
    }

    static let breakdownSuffixes = ["1864", "65OV", "64U", "18OV", "M", "F"]

    mutating func add(row: Int, year: String, levelText: String, geoCode: String, geoName: String, ons: String,
                      code rawCode: String, group: String, breakdown rawBreakdown: String, type: String, value: String) {
        let knownLevel: GeographyLevel?
        if let memo = levels[levelText] { knownLevel = memo } else { knownLevel = Self.level(levelText); levels[levelText] = .some(knownLevel) }
        guard let level = knownLevel else {
            return skip(row, column: "Geographical level", value: levelText, rule: "unknown-level",
                        "\"\(levelText)\" is not a geographical level (council, region, council type, England)")
        }
        // Older files: the measure group is the code, the measure code joins the breakdown to it.
        let code = group.isEmpty ? rawCode : group
        let measureKey = code + "\u{1}" + year + (group.isEmpty ? "" : "\u{1}g")
        let found: AscofMeasure?
        if let memo = measures[measureKey] {
            found = memo
        } else {
            var m = catalogue.measure(code: code, year: year)
            if m == nil, group.isEmpty {
                let normal = AscofMeasure.normalise(code)
                for suffix in Self.breakdownSuffixes where normal.hasSuffix(suffix) && normal.count > suffix.count {
                    if let s = catalogue.measure(code: String(normal.dropLast(suffix.count)), year: year) { m = s; break }
                }
            }
            measures[measureKey] = .some(m)
            found = m
        }
        guard let measure = found else {
            return skip(row, column: group.isEmpty ? "ASCOF measure code" : "Measure group", value: code, rule: "unknown-measure",
                        "measure \(code) is not in the ASCOF catalogue's \(catalogue.framework(for: year)?.id ?? "?") numbering (Reference/ascof-measures.json) for \(year)")
        }
        let areaKey = "\(level.rawValue)\u{1}\(geoCode)\u{1}\(geoName)\u{1}\(ons)\u{1}\(year)"
        let resolved: (code: String, name: String)
        if let memo = areas[areaKey] {
            resolved = memo
        } else {
            guard let area = resolveArea(row: row, level: level, geoCode: geoCode, geoName: geoName, ons: ons, year: year) else { return }
            areas[areaKey] = area  // only found areas: a row not used always gets its own diagnostic
            resolved = area
        }
        let area = resolved
        let kind: String
        if let memo = kinds[type] { kind = memo } else { kind = type.lowercased().filter { $0.isLetter }; kinds[type] = kind }
        let parsed = value.isEmpty ? PublishedValue.missing(.blank) : PublishedValue.parse(value)!
        if parsed.marker == .unrecognised {
            return skip(row, column: "Measure value", value: value, rule: "not-a-number",
                        "\"\(value)\" is neither a number nor a marker ([c], [x], [z], [w])")
        }
        let scale = measure.unit == .percent ? 0.01 : 1
        let scaled: PublishedValue = parsed.number.map { .number($0 * scale) } ?? parsed
        let breakdown = rawBreakdown.isEmpty || ["all", "total", "persons"].contains(rawBreakdown.lowercased()) ? "Total" : rawBreakdown
        let key = Key(measure: measure.id, year: year, breakdown: breakdown, area: area.code, level: level)
        var figure = figures[key] ?? PublishedFigure(measure: measure.id, code: code, year: year, breakdown: breakdown,
                                                     level: level, area: area.code, areaName: area.name,
                                                     ons: ons.isEmpty ? nil : ons, origin: "\(path):\(row)")
        let slot: WritableKeyPath<PublishedFigure, PublishedValue?>
        let value: PublishedValue
        switch kind {
        case "outcome", "value", "rate", "percentage", "score": slot = \.outcome; value = scaled
        case "numerator": slot = \.numerator; value = parsed
        case "denominator": slot = \.denominator; value = parsed
        case "base", "respondents": slot = \.base; value = parsed
        case "marginoferror", "moe", "marginoferror95": slot = \.marginOfError; value = scaled
        default:
            return skip(row, column: "Measure type", value: type, rule: "unknown-measure-type",
                        "\"\(type)\" is not a measure type (Outcome, Numerator, Denominator, Base, Margin Of Error)")
        }
        if figure[keyPath: slot] != nil {
            return skip(row, column: "Measure type", value: type, rule: "duplicate-row",
                        "a second \(type) for \(measure.id) \(breakdown) \(area.name) \(year)")
        }
        figure[keyPath: slot] = value
        if kind == "outcome" || kind == "value" { figure.origin = "\(path):\(row)" }
        summary.count(parsed)
        if figures[key] == nil { order.append(key) }
        figures[key] = figure
        summary.rowsUsed += 1
        if !summary.years.contains(year) { summary.years.append(year) }
    }

    /// The area's code: the CASSR code for councils (from councils.json, by CASSR code, ONS code or
    /// name, valid in the year), the ONS code for regions, `England` for England.
    mutating func resolveArea(row: Int, level: GeographyLevel, geoCode: String, geoName: String, ons: String,
                              year: String) -> (code: String, name: String)? {
        switch level {
        case .england: return ("England", "England")
        case .councilType: return (geoCode.isEmpty ? geoName : geoCode, geoName.isEmpty ? geoCode : geoName)
        case .region:
            if let region = councils.regions.first(where: { $0.code == ons || $0.code == geoCode
                || Councils.nameKey($0.name) == Councils.nameKey(geoName) || Councils.nameKey($0.name) == Councils.nameKey(geoName + "of England") }) {
                return (region.code, region.name)
            }
            let code = ons.isEmpty ? geoCode : ons
            return (code, geoName.isEmpty ? code : geoName)
        case .council:
            let found = (geoCode.isEmpty ? nil : councils.council(cassr: geoCode, year: year))
                ?? (ons.isEmpty ? nil : councils.council(ons: ons, year: year))
                ?? (geoName.isEmpty ? nil : councils.council(named: geoName, year: year))
            if let found { return (found.cassr, found.name) }
            if let ended = councils.council(cassr: geoCode) ?? councils.council(ons: ons) {
                skip(row, column: "Geographical code", value: geoCode.isEmpty ? ons : geoCode, rule: "council-not-valid",
                     "\(ended.name) (\(ended.cassr)) is not a council in \(year)\(ended.note.map { ": \($0)" } ?? "")")
                return nil
            }
            if let new = councils.successor(ons: ons, name: geoName, year: year) {
                // A council created since 2021 whose CASSR code is not confirmed: the file's own code,
                // else its ONS code, with a warning once per council.
                let code = geoCode.isEmpty ? new.ons : geoCode
                if unknownCouncils.insert(code).inserted {
                    diagnostics.append(Diagnostic(severity: .warning, file: path, row: row, column: "Geographical code", value: code,
                                                  rule: "council-code-provisional",
                                                  message: "\(new.name) (ONS \(new.ons)) has no confirmed CASSR code in Reference/councils.json (provisional): used with \(geoCode.isEmpty ? "its ONS code" : "the file's code") \(code)"))
                }
                return (code, new.name)
            }
            guard !geoCode.isEmpty else {
                skip(row, column: "Geographical code", value: ons, rule: "unknown-council",
                     "no CASSR code and ONS code \(ons) is not in Reference/councils.json")
                return nil
            }
            if unknownCouncils.insert(geoCode).inserted {
                diagnostics.append(Diagnostic(severity: .warning, file: path, row: row, column: "Geographical code", value: geoCode,
                                              rule: "council-not-in-reference",
                                              message: "council \(geoCode) \(geoName) is not in Reference/councils.json: used with the file's code, but it has no region or council type"))
            }
            return (geoCode, geoName.isEmpty ? geoCode : geoName)
        }
    }

    func result() -> PublishedFigures {
        var summary = summary
        summary.years.sort()
        return PublishedFigures(figures: order.compactMap { figures[$0] }, files: [summary], diagnostics: diagnostics)
    }
}
