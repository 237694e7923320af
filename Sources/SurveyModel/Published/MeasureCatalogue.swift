/// Every ASCOF measure, resolved: the catalogue file's entries with the survey measures' name,
/// kind and polarity taken from the codebooks. Looks measures up by the code a file uses in a
/// given year, in that year's framework numbering (`1B` is control over daily life before
/// 2023-24 and adjusted quality of life from 2023-24).
public struct MeasureCatalogue: Sendable, Hashable {
    public var frameworks: [MeasureCatalogueFile.Framework]
    public var measures: [AscofMeasure]

    public enum ResolveError: Error, Equatable, CustomStringConvertible {
        case unknownCodebookMeasure(String)
        case conflictingCodebooks(code: String, detail: String)
        case incompleteEntry(String, missing: String)
        case duplicateCode(framework: String, code: String)
        case unknownFramework(String)

        public var description: String {
            switch self {
            case let .unknownCodebookMeasure(code):
                return "ascof-measures.json: measure \(code) refers to a codebook measure that no file in Questionnaires/ defines"
            case let .conflictingCodebooks(code, detail):
                return "ascof-measures.json: the codebooks disagree about measure \(code): \(detail)"
            case let .incompleteEntry(id, missing):
                return "ascof-measures.json: measure \(id) has no \(missing)"
            case let .duplicateCode(framework, code):
                return "ascof-measures.json: code \(code) is used twice in framework \(framework)"
            case let .unknownFramework(id):
                return "ascof-measures.json: unknown framework \(id)"
            }
        }
    }

    /// Resolves the file against the codebooks (the survey measures' single definition).
    public init(file: MeasureCatalogueFile, codebooks: [Codebook]) throws(ResolveError) {
        frameworks = file.frameworks.sorted { $0.from < $1.from }
        guard let old = frameworks.first?.id, let new = frameworks.last?.id else { throw .unknownFramework("(none)") }
        var resolved: [AscofMeasure] = []
        for entry in file.measures {
            if let code = entry.codebook {
                let defs = codebooks.flatMap { book in book.measures.filter { $0.code == code }.map { (book, $0) } }
                guard let (book, def) = defs.last else { throw .unknownCodebookMeasure(code) }
                for (_, other) in defs where (other.name, other.kind, other.polarity, other.formerCode)
                    != (def.name, def.kind, def.polarity, def.formerCode) {
                    throw .conflictingCodebooks(code: code, detail: "name, kind, polarity or former code differ between survey years")
                }
                var codes = [new: def.code]
                if let former = def.formerCode { codes[old] = former }
                if entry.retiredFrom != nil { codes[new] = nil }
                var breaks = (def.breaks ?? []).map { SeriesBreak(year: $0, kind: .series, reason: "definition or sampling change (codebook)") }
                breaks += (file.surveyBreaks ?? []).filter { $0.survey == book.survey }
                    .map { SeriesBreak(year: $0.year, kind: $0.kind, reason: $0.reason, status: $0.status) }
                breaks += entry.breaks ?? []
                resolved.append(AscofMeasure(
                    id: code, codes: codes, name: def.name, unit: def.kind == .proportion ? .percent : .score,
                    polarity: def.polarity, source: .survey, survey: entry.survey ?? book.survey,
                    peopleUnit: entry.peopleUnit ?? book.peopleName,
                    breaks: breaks.sorted { $0.year < $1.year }, retiredFrom: entry.retiredFrom,
                    status: entry.status, note: entry.note))
            } else {
                guard let id = entry.id else { throw .incompleteEntry("(unnamed)", missing: "id or codebook") }
                guard let codes = entry.codes, !codes.isEmpty else { throw .incompleteEntry(id, missing: "codes") }
                guard let name = entry.name else { throw .incompleteEntry(id, missing: "name") }
                guard let unit = entry.unit else { throw .incompleteEntry(id, missing: "unit") }
                guard let polarity = entry.polarity else { throw .incompleteEntry(id, missing: "polarity") }
                resolved.append(AscofMeasure(
                    id: id, codes: codes, name: name, unit: unit, polarity: polarity, source: .other, survey: nil,
                    peopleUnit: entry.peopleUnit ?? "people", breaks: (entry.breaks ?? []).sorted { $0.year < $1.year },
                    retiredFrom: entry.retiredFrom, status: entry.status, note: entry.note))
            }
        }
        let known = Set(frameworks.map(\.id))
        for framework in known {
            var seen = Set<String>()
            for measure in resolved {
                if let code = measure.codes[framework], !seen.insert(AscofMeasure.normalise(code)).inserted {
                    throw .duplicateCode(framework: framework, code: code)
                }
            }
        }
        if let bad = resolved.flatMap({ $0.codes.keys }).first(where: { !known.contains($0) }) { throw .unknownFramework(bad) }
        measures = resolved
    }

    /// The framework whose numbering applies in a survey year.
    public func framework(for year: String) -> MeasureCatalogueFile.Framework? {
        frameworks.last { year >= $0.from && ($0.to.map { year <= $0 } ?? true) }
    }

    /// The measure a file of `year` means by `code` (`2A(1)`, `2a1` and `2A1` are the same code).
    public func measure(code: String, year: String) -> AscofMeasure? {
        guard let framework = framework(for: year) else { return nil }
        let key = AscofMeasure.normalise(code)
        return measures.first { $0.codes[framework.id].map(AscofMeasure.normalise) == key }
    }

    /// A measure by its id (`3A`, `2B`, `4B-safeguarding`).
    public func measure(id: String) -> AscofMeasure? { measures.first { $0.id == id } }

    /// The code a measure has in a year's numbering.
    public func code(of measure: AscofMeasure, in year: String) -> String? {
        framework(for: year).flatMap { measure.codes[$0.id] }
    }
}

/// One ASCOF measure with its codes by framework, unit, polarity and breaks.
public struct AscofMeasure: Sendable, Hashable, Identifiable {
    public enum Source: String, Sendable, Hashable, Codable { case survey, other }

    /// Stable identifier: the codebook code for survey measures, otherwise the 2023-24 code.
    public var id: String
    /// Framework id → code in that numbering.
    public var codes: [String: String]
    public var name: String
    public var unit: MeasureUnit
    public var polarity: Measure.Polarity
    public var source: Source
    /// `ASCS`/`SACE` for survey measures.
    public var survey: String?
    /// What a gap in people counts (`people`, `carers`, `admissions`).
    public var peopleUnit: String
    public var breaks: [SeriesBreak]
    public var retiredFrom: String?
    public var status: Status
    public var note: String?

    public var higherIsBetter: Bool { polarity == .higherIsBetter }

    /// Whether values of two survey years can be compared (no series break after the earlier one
    /// up to the later one, and neither year a single-year break).
    public func isComparable(_ a: String, _ b: String) -> Bool {
        let (lo, hi) = a <= b ? (a, b) : (b, a)
        return !breaks.contains { brk in
            switch brk.kind {
            case .series: return brk.year > lo && brk.year <= hi
            case .singleYear: return lo != hi && (brk.year == lo || brk.year == hi)
            }
        }
    }

    /// A code with brackets, spaces and dots removed, upper case: `2A(1)` → `2A1`.
    /// ASCII text (every code) is done byte by byte: its letters and digits kept, `a`–`z` made upper
    /// case, which is what `uppercased()` and `isLetter || isNumber` do to ASCII; anything else
    /// through those.
    public static func normalise(_ code: String) -> String {
        var code = code
        let ascii = code.withUTF8 { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: utf8.count) { out in
                var n = 0
                for b in utf8 {
                    switch b {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"): out[n] = b - 32; n += 1
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out[n] = b; n += 1
                    default: break
                    }
                }
                return n
            }
        }
        if let ascii { return ascii }
        return String(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
