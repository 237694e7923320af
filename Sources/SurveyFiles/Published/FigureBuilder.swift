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
    private var kinds: [MeasureType?]
    private var breakdowns: [(text: String, id: Int32)?]
    private var values: [PublishedValue??]
    /// The measure of a code × year (an index into `resolved`, −1 when the catalogue has none).
    private var measures: [MeasureKey: Int] = [:]
    private var resolved: [ResolvedMeasure] = []
    /// Areas found, by their cells × year × level: an index into `areaList`.
    private var areas: [AreaKey: Int] = [:]
    private var areaList: [(code: String, name: String, id: Int32)] = []
    // The last row's measure, area and figure: a file lists its rows measure by measure, area by
    // area, the measure types of one figure together, so most rows need no hashing at all.
    private var lastMeasure: (key: MeasureKey, at: Int)?
    private var lastArea: (key: AreaKey, at: Int)?
    private var lastFigure: (key: Key, at: Int)?
    /// The last row's year and its id in `names`; the last year a used row had (in `summary.years`).
    private var lastYear: (text: String, id: Int32)?
    private var lastUsedYear: Int32 = -1
    /// Canonical texts (measure ids, years, breakdowns, area codes) → the ids in `Key`.
    private var names: [String: Int32] = [:]

    /// What a row needs of its measure (not the `AscofMeasure`, whose copy retains many references).
    struct ResolvedMeasure {
        var id: String
        var nameID: Int32
        var isPercent: Bool
    }

    /// A `Measure type` cell as read: the figure's value it sets, or not a measure type.
    enum MeasureType {
        /// `setsOrigin`: the row is the figure's origin (`Outcome` and `Value`; not `Rate`, `Score`, …).
        case outcome(setsOrigin: Bool), numerator, denominator, base, marginOfError, unknown

        /// The type a cell's text (lower case, letters only) names.
        init(kind: String) {
            switch kind {
            case "outcome", "value": self = .outcome(setsOrigin: true)
            case "rate", "percentage", "score": self = .outcome(setsOrigin: false)
            case "numerator": self = .numerator
            case "denominator": self = .denominator
            case "base", "respondents": self = .base
            case "marginoferror", "moe", "marginoferror95": self = .marginOfError
            default: self = .unknown
            }
        }
    }

    /// A figure: measure, year, breakdown and area (ids in `names`) and level. Hashed as two words
    /// and the level (the fields are 32-bit ids).
    struct Key: Hashable {
        var measure, year, breakdown, area: Int32
        var level: GeographyLevel
        func hash(into hasher: inout Hasher) { FigureBuilder.hash(measure, year, breakdown, area, level, into: &hasher) }
    }
    struct MeasureKey: Hashable { var code, year: Int32; var fromGroup: Bool }
    /// An area's cells (interned ids), year and level. Hashed as two words and the level.
    struct AreaKey: Hashable {
        var geoCode, geoName, ons, year: Int32
        var level: GeographyLevel
        func hash(into hasher: inout Hasher) { FigureBuilder.hash(geoCode, geoName, ons, year, level, into: &hasher) }
    }

    /// Four 32-bit ids and a level, hashed as two words and the level (the keys above).
    @inline(__always)
    static func hash(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32, _ level: GeographyLevel, into hasher: inout Hasher) {
        hasher.combine(word(a, b))
        hasher.combine(word(c, d))
        hasher.combine(level)
    }

    /// Two 32-bit ids as one 64-bit word.
    @inline(__always)
    static func word(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// One row's cells as interned ids, in `AscofDataFile.Column` order (0 = empty).
    struct Cells {
        var geoCode, geoName, level, ons, code, group, breakdown, type, value: Int32
        init(_ c: [Int32]) {
            (geoCode, geoName, level, ons, code, group, breakdown, type, value) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8])
        }
    }

    /// `cellCount`: how many distinct cells the file's interner holds (ids are below it).
    /// `rowCount`: how many rows the file has (room is made for a figure per two rows).
    init(path: String, catalogue: MeasureCatalogue, councils: Councils, cellCount: Int, rowCount: Int = 0) {
        self.path = path
        self.catalogue = catalogue
        self.councils = councils
        summary = PublishedFileSummary(path: path, format: "ascof-csv")
        levels = Array(repeating: nil, count: cellCount)
        kinds = Array(repeating: nil, count: cellCount)
        breakdowns = Array(repeating: nil, count: cellCount)
        values = Array(repeating: nil, count: cellCount)
        index.reserveCapacity(rowCount / 2)
        figures.reserveCapacity(rowCount / 2)
        originRows.reserveCapacity(rowCount / 2)
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
        let yearID: Int32
        if let last = lastYear, last.text == year { yearID = last.id } else { yearID = name(year); lastYear = (year, yearID) }
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
                resolved.append(ResolvedMeasure(id: m.id, nameID: name(m.id), isPercent: m.unit == .percent))
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
        let measureID = resolved[foundAt].nameID
        let measureIsPercent = resolved[foundAt].isPercent
        let areaKey = AreaKey(geoCode: cells.geoCode, geoName: cells.geoName, ons: cells.ons, year: yearID, level: level)
        let areaAt: Int
        if let last = lastArea, last.key == areaKey {
            areaAt = last.at
        } else if let memo = areas[areaKey] {
            areaAt = memo
            lastArea = (areaKey, memo)
        } else {
            guard let found = resolveArea(row: row, level: level, geoCode: texts[Int(cells.geoCode)], geoName: texts[Int(cells.geoName)],
                                          ons: texts[Int(cells.ons)], year: year) else { return }
            areaAt = areaList.count
            areaList.append((found.code, found.name, name(found.code)))
            areas[areaKey] = areaAt  // only found areas: a row not used always gets its own diagnostic
            lastArea = (areaKey, areaAt)
        }
        let measureType: MeasureType
        if let memo = kinds[Int(cells.type)] {
            measureType = memo
        } else {
            measureType = MeasureType(kind: texts[Int(cells.type)].lowercased().filter { $0.isLetter })
            kinds[Int(cells.type)] = measureType
        }
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
        let key = Key(measure: measureID, year: yearID, breakdown: breakdown.id, area: areaList[areaAt].id, level: level)
        let value: PublishedValue
        switch measureType {
        case .outcome, .marginOfError: value = scaled
        case .numerator, .denominator, .base: value = parsed
        case .unknown:
            let type = texts[Int(cells.type)]
            return skip(row, column: "Measure type", value: type, rule: "unknown-measure-type",
                        "\"\(type)\" is not a measure type (Outcome, Numerator, Denominator, Base, Margin Of Error)")
        }
        let at: Int
        if let existing = lastFigure?.key == key ? lastFigure?.at : index[key] {
            at = existing
            lastFigure = (key, at)
            if Self.value(measureType, of: figures[at]) != nil {
                let type = texts[Int(cells.type)]
                return skip(row, column: "Measure type", value: type, rule: "duplicate-row",
                            "a second \(type) for \(resolved[foundAt].id) \(breakdown.text) \(areaList[areaAt].name) \(year)")
            }
        } else {
            at = figures.count
            index[key] = at
            lastFigure = (key, at)
            let ons = texts[Int(cells.ons)]
            figures.append(PublishedFigure(measure: resolved[foundAt].id, code: code, year: year, breakdown: breakdown.text,
                                           level: level, area: areaList[areaAt].code, areaName: areaList[areaAt].name,
                                           ons: ons.isEmpty ? nil : ons, origin: ""))
            originRows.append(row)
        }
        switch measureType {
        case let .outcome(setsOrigin):
            figures[at].outcome = value
            if setsOrigin { originRows[at] = row }
        case .numerator: figures[at].numerator = value
        case .denominator: figures[at].denominator = value
        case .base: figures[at].base = value
        case .marginOfError: figures[at].marginOfError = value
        case .unknown: break
        }
        summary.count(parsed)
        summary.rowsUsed += 1
        if yearID != lastUsedYear {
            if !summary.years.contains(year) { summary.years.append(year) }
            lastUsedYear = yearID
        }
    }

    /// The figure's value of that measure type (nil: not given yet).
    static func value(_ type: MeasureType, of figure: PublishedFigure) -> PublishedValue? {
        switch type {
        case .outcome: return figure.outcome
        case .numerator: return figure.numerator
        case .denominator: return figure.denominator
        case .base: return figure.base
        case .marginOfError: return figure.marginOfError
        case .unknown: return nil
        }
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

    /// The figures, each with its origin (`file:row`), the file's summary and the diagnostics. Ends
    /// the builder: its figures are handed over, not copied.
    mutating func result() -> PublishedFigures {
        var summary = summary
        summary.years.sort()
        var out: [PublishedFigure] = []
        swap(&out, &figures)
        for i in out.indices { out[i].origin = Self.origin(path, originRows[i]) }
        return PublishedFigures(figures: out, files: [summary], diagnostics: diagnostics)
    }

    /// `path:row`, as `"\(path):\(row)"` writes it, made in one allocation.
    static func origin(_ path: String, _ row: Int) -> String {
        var path = path
        return path.withUTF8 { p in
            var digits = 1
            var m = row.magnitude
            while m >= 10 { m /= 10; digits += 1 }
            let sign = row < 0 ? 1 : 0
            let total = p.count + 1 + sign + digits
            return String(unsafeUninitializedCapacity: total) { out in
                if let from = p.baseAddress { UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: from, byteCount: p.count) }
                out[p.count] = UInt8(ascii: ":")
                if sign == 1 { out[p.count + 1] = UInt8(ascii: "-") }
                var m = row.magnitude
                var i = total
                repeat {
                    i -= 1
                    out[i] = UInt8(ascii: "0") + UInt8(m % 10)
                    m /= 10
                } while m > 0
                return total
            }
        }
    }
}
