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
    private var figures: [PublishedFigure] = []
    /// Each figure's origin row (its outcome's, else the first row used): made into `file:row` text at the end.
    private var originRows: [Int] = []
    private var index: [Key: Int] = [:]
    private var unknownCouncils = Set<String>()
    // Memos by interned cell id (CellInterner): a national file repeats the same few codes, levels,
    // measure types and councils on every row, so each is resolved once per file, and a figure is
    // found by small integers instead of hashing four strings per row. Cell ids are dense
    // (0 ..< cellCount), so the memos of single cells are arrays indexed by id (nil: not yet seen).
    private var levels: [GeographyLevel??]
    private var kinds: [String?]
    private var breakdowns: [(text: String, id: Int32)?]
    private var values: [PublishedValue??]
    /// The measure of a code × year (an index into `resolved`, −1 when the catalogue has none).
    private var measures: [MeasureKey: Int] = [:]
    private var resolved: [(measure: AscofMeasure, id: Int32)] = []
    private var areas: [AreaKey: (code: String, name: String, id: Int32)] = [:]
    // The last row's measure, area and figure: a file lists its rows measure by measure, area by
    // area, the measure types of one figure together, so most rows need no hashing at all.
    private var lastMeasure: (key: MeasureKey, at: Int)?
    private var lastArea: (key: AreaKey, area: (code: String, name: String, id: Int32))?
    private var lastFigure: (key: Key, at: Int)?
    /// Canonical texts (measure ids, years, breakdowns, area codes) → the ids in `Key`.
    private var names: [String: Int32] = [:]

    struct Key: Hashable { var measure, year, breakdown, area: Int32; var level: GeographyLevel }
    struct MeasureKey: Hashable { var code, year: Int32; var fromGroup: Bool }
    struct AreaKey: Hashable { var geoCode, geoName, ons, year: Int32; var level: GeographyLevel }

    /// One row's cells as interned ids, in `AscofDataFile.Column` order (0 = empty).
    struct Cells {
        var geoCode, geoName, level, ons, code, group, breakdown, type, value: Int32
        init(_ c: [Int32]) {
            (geoCode, geoName, level, ons, code, group, breakdown, type, value) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])
        }
    }

    /// `cellCount`: how many distinct cells the file's interner holds (ids are below it).
    init(path: String, catalogue: MeasureCatalogue, councils: Councils, cellCount: Int) {
        self.path = path
        self.catalogue = catalogue
        self.councils = councils
        summary = PublishedFileSummary(path: path, format: "ascof-csv")
        levels = Array(repeating: nil, count: cellCount)
        kinds = Array(repeating: nil, count: cellCount)
        breakdowns = Array(repeating: nil, count: cellCount)
        values = Array(repeating: nil, count: cellCount)
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

    mutating func name(_ text: String) -> Int32 {
        if let id = names[text] { return id }
        let id = Int32(names.count)
        names[text] = id
        return id
    }

    mutating func add(row: Int, year: String, cells: Cells, texts: [String]) {
        let levelText = texts[Int(cells.level)]
        let knownLevel: GeographyLevel?
        if let memo = levels[Int(cells.level)] { knownLevel = memo } else { knownLevel = Self.level(levelText); levels[Int(cells.level)] = .some(knownLevel) }
        guard let level = knownLevel else {
            return skip(row, column: "Geographical level", value: levelText, rule: "unknown-level",
                        "\"\(levelText)\" is not a geographical level (council, region, council type, England)")
        }
        let yearID = name(year)
        // Older files: the measure group is the code, the measure code joins the breakdown to it.
        let fromGroup = !texts[Int(cells.group)].isEmpty
        let codeID = fromGroup ? cells.group : cells.code
        let code = texts[Int(codeID)]
        let measureKey = MeasureKey(code: codeID, year: yearID, fromGroup: fromGroup)
        let foundAt: Int
        if let last = lastMeasure, last.key == measureKey {
            foundAt = last.at
        } else if let memo = measures[measureKey] {
            foundAt = memo
            lastMeasure = (measureKey, memo)
        } else {
            var m = catalogue.measure(code: code, year: year)
            if m == nil, !fromGroup {
                let normal = AscofMeasure.normalise(code)
                for suffix in Self.breakdownSuffixes where normal.hasSuffix(suffix) && normal.count > suffix.count {
                    if let s = catalogue.measure(code: String(normal.dropLast(suffix.count)), year: year) { m = s; break }
                }
            }
            if let m {
                foundAt = resolved.count
                resolved.append((m, name(m.id)))
            } else {
                foundAt = -1
            }
            measures[measureKey] = foundAt
            lastMeasure = (measureKey, foundAt)
        }
        guard foundAt >= 0 else {
            return skip(row, column: fromGroup ? "Measure group" : "ASCOF measure code", value: code, rule: "unknown-measure",
                        "measure \(code) is not in the ASCOF catalogue's \(catalogue.framework(for: year)?.id ?? "?") numbering (Reference/ascof-measures.json) for \(year)")
        }
        // Fields of the measure, not a copy of it (an `AscofMeasure` holds many references).
        let measureID = resolved[foundAt].id
        let measureIsPercent = resolved[foundAt].measure.unit == .percent
        let geoCode = texts[Int(cells.geoCode)], geoName = texts[Int(cells.geoName)], ons = texts[Int(cells.ons)]
        let areaKey = AreaKey(geoCode: cells.geoCode, geoName: cells.geoName, ons: cells.ons, year: yearID, level: level)
        let area: (code: String, name: String, id: Int32)
        if let last = lastArea, last.key == areaKey {
            area = last.area
        } else if let memo = areas[areaKey] {
            area = memo
            lastArea = (areaKey, memo)
        } else {
            guard let found = resolveArea(row: row, level: level, geoCode: geoCode, geoName: geoName, ons: ons, year: year) else { return }
            area = (found.code, found.name, name(found.code))
            areas[areaKey] = area  // only found areas: a row not used always gets its own diagnostic
            lastArea = (areaKey, area)
        }
        let type = texts[Int(cells.type)]
        let kind: String
        if let memo = kinds[Int(cells.type)] { kind = memo } else { kind = type.lowercased().filter { $0.isLetter }; kinds[Int(cells.type)] = kind }
        let parsed: PublishedValue
        if let memo = values[Int(cells.value)] {
            parsed = memo!
        } else {
            let text = texts[Int(cells.value)]
            parsed = text.isEmpty ? PublishedValue.missing(.blank) : PublishedValue.parse(text)!
            values[Int(cells.value)] = .some(parsed)
        }
        if parsed.marker == .unrecognised {
            let value = texts[Int(cells.value)]
            return skip(row, column: "Measure value", value: value, rule: "not-a-number",
                        "\"\(value)\" is neither a number nor a marker ([c], [x], [z], [w])")
        }
        let scale = measureIsPercent ? 0.01 : 1
        let scaled: PublishedValue = parsed.number.map { .number($0 * scale) } ?? parsed
        let breakdown: (text: String, id: Int32)
        if let memo = breakdowns[Int(cells.breakdown)] {
            breakdown = memo
        } else {
            let raw = texts[Int(cells.breakdown)]
            let text = raw.isEmpty || ["all", "total", "persons"].contains(raw.lowercased()) ? "Total" : raw
            breakdown = (text, name(text))
            breakdowns[Int(cells.breakdown)] = breakdown
        }
        let key = Key(measure: measureID, year: yearID, breakdown: breakdown.id, area: area.id, level: level)
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
        let at: Int
        if let existing = lastFigure?.key == key ? lastFigure?.at : index[key] {
            at = existing
            lastFigure = (key, at)
            if figures[at][keyPath: slot] != nil {
                return skip(row, column: "Measure type", value: type, rule: "duplicate-row",
                            "a second \(type) for \(resolved[foundAt].measure.id) \(breakdown.text) \(area.name) \(year)")
            }
        } else {
            at = figures.count
            index[key] = at
            lastFigure = (key, at)
            figures.append(PublishedFigure(measure: resolved[foundAt].measure.id, code: code, year: year, breakdown: breakdown.text,
                                           level: level, area: area.code, areaName: area.name,
                                           ons: ons.isEmpty ? nil : ons, origin: ""))
            originRows.append(row)
        }
        figures[at][keyPath: slot] = value
        if kind == "outcome" || kind == "value" { originRows[at] = row }
        summary.count(parsed)
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
        var out = figures
        for i in out.indices { out[i].origin = "\(path):\(originRows[i])" }
        return PublishedFigures(figures: out, files: [summary], diagnostics: diagnostics)
    }
}
