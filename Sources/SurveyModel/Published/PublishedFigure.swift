/// A value as published: a number, or a typed missing value with the marker that stood in its
/// place. Missing values are never zero.
public enum PublishedValue: Sendable, Hashable {
    case number(Double)
    case missing(MissingMarker)

    public var number: Double? { if case let .number(v) = self { v } else { nil } }
    public var marker: MissingMarker? { if case let .missing(m) = self { m } else { nil } }

    /// Parses a cell: a number, a marker (`[c]`, `c`, `:`, …) or nil for an empty cell.
    /// Text that is neither is `.missing(.unrecognised)` (the caller reports it).
    public static func parse(_ text: String) -> PublishedValue? {
        let t = trimmedSpaces(text)
        if t.isEmpty { return nil }
        if let v = Double(t), v.isFinite { return .number(v) }
        let plain = String(t.filter { $0 != "," })
        if plain != t, let v = Double(plain), v.isFinite { return .number(v) }
        return .missing(MissingMarker(text: t))
    }
}

/// The markers of the published tables (the government statistical service's symbols).
public enum MissingMarker: String, Sendable, Hashable, Codable, CaseIterable {
    /// `[c]` confidential: suppressed (a base under 3, or complementary suppression).
    case suppressed = "[c]"
    /// `[x]` not available (e.g. a council that did not take part).
    case notAvailable = "[x]"
    /// `[z]` not applicable.
    case notApplicable = "[z]"
    /// `[w]` no data in the category.
    case noData = "[w]"
    /// An empty cell where a value could be (not relevant, not submitted or suppressed; the
    /// published files do not say which).
    case blank = "blank"
    /// Text that is not a number and not a known marker.
    case unrecognised = "unrecognised"

    public init(text: String) {
        let t = trimmedSpaces(text).lowercased()
        switch t {
        case "[c]", "c", "*", "supp", "suppressed": self = .suppressed
        case "[x]", "x", ":", "..", "n/a", "na", "-": self = .notAvailable
        case "[z]", "z": self = .notApplicable
        case "[w]", "w": self = .noData
        default: self = .unrecognised
        }
    }

    /// Why the value is missing, for a person.
    public var meaning: String {
        switch self {
        case .suppressed: return "suppressed (small numbers)"
        case .notAvailable: return "not available"
        case .notApplicable: return "not applicable"
        case .noData: return "no data in the category"
        case .blank: return "blank in the published file"
        case .unrecognised: return "not a number"
        }
    }
}

/// Where a published figure belongs.
public enum GeographyLevel: String, Sendable, Hashable, Codable {
    case council, region, councilType = "council-type", england
}

/// One published figure: an area's measure in a year and breakdown, with every measure type the
/// file gave for it. Values are in CareSurvey's units: a percentage measure as a fraction
/// (77.7 → 0.777, its margin of error likewise), scores and rates as published.
public struct PublishedFigure: Sendable, Hashable {
    /// The catalogue id (`3A`, `2B`).
    public var measure: String
    /// The code as written in the file (`1B` in a 2022-23 file for control over daily life).
    public var code: String
    public var year: String
    /// `Total`, `18-64`, `Female`, … as published.
    public var breakdown: String
    public var level: GeographyLevel
    /// Councils: the CASSR code; regions: the ONS region code; council types: the published code
    /// or name; England: `England`.
    public var area: String
    public var areaName: String
    public var ons: String?
    public var outcome: PublishedValue?
    public var numerator: PublishedValue?
    public var denominator: PublishedValue?
    /// Survey respondents.
    public var base: PublishedValue?
    /// At 95%, in the outcome's unit.
    public var marginOfError: PublishedValue?
    /// The file and row the outcome came from (`file.csv:12`).
    public var origin: String

    public init(measure: String, code: String, year: String, breakdown: String, level: GeographyLevel, area: String,
                areaName: String, ons: String? = nil, outcome: PublishedValue? = nil, numerator: PublishedValue? = nil,
                denominator: PublishedValue? = nil, base: PublishedValue? = nil, marginOfError: PublishedValue? = nil,
                origin: String) {
        self.measure = measure
        self.code = code
        self.year = year
        self.breakdown = breakdown
        self.level = level
        self.area = area
        self.areaName = areaName
        self.ons = ons
        self.outcome = outcome
        self.numerator = numerator
        self.denominator = denominator
        self.base = base
        self.marginOfError = marginOfError
        self.origin = origin
    }
}

/// What a reader produced from one or more files: the figures, a summary per file and a
/// diagnostic for every row it did not use.
public struct PublishedFigures: Sendable {
    public var figures: [PublishedFigure]
    public var files: [PublishedFileSummary]
    public var diagnostics: [Diagnostic]

    public init(figures: [PublishedFigure] = [], files: [PublishedFileSummary] = [], diagnostics: [Diagnostic] = []) {
        self.figures = figures
        self.files = files
        self.diagnostics = diagnostics
    }

    public mutating func append(_ other: PublishedFigures) {
        figures += other.figures
        files += other.files
        diagnostics += other.diagnostics
    }

    /// The years present, sorted.
    public var years: [String] { Array(Set(figures.map(\.year))).sorted() }
}

/// Rows read and used from one published file, and the missing-value markers by kind.
public struct PublishedFileSummary: Sendable, Hashable, Codable {
    public var path: String
    public var format: String
    public var years: [String]
    public var rowsRead = 0
    public var rowsUsed = 0
    /// Rows not used; each has a diagnostic.
    public var rowsNotUsed = 0
    public var markers: [String: Int] = [:]

    public init(path: String, format: String, years: [String] = []) {
        self.path = path
        self.format = format
        self.years = years
    }

    public mutating func count(_ value: PublishedValue?) {
        if let marker = value?.marker { markers[marker.rawValue, default: 0] += 1 }
    }
}

/// The text without leading and trailing spaces, tabs and non-breaking spaces (no Foundation here).
public func trimmedSpaces(_ text: String) -> String {
    // Nearly every cell starts and ends with a visible character: then there is nothing to trim.
    // A first or last byte that is not a space, tab, line break or part of a no-break space (C2 A0)
    // cannot begin or end a Character equal to one of them, so the text is returned as it is.
    let utf8 = text.utf8
    guard let firstByte = utf8.first, let lastByte = utf8.last else { return "" }
    let edge: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || $0 == 0xC2 || $0 == 0xA0 }
    if !edge(firstByte), !edge(lastByte) { return text }
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\r" || $0 == "\n" }
    guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(text[first...last])
}
