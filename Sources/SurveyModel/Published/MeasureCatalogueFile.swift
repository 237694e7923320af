/// `Reference/ascof-measures.json` as written: survey measures by reference to the codebooks
/// (`codebook`), every other ASCOF measure in full. `MeasureCatalogue` resolves it.
public struct MeasureCatalogueFile: Sendable, Hashable, Codable {
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var status: Status
    public var source: String
    public var frameworks: [Framework]
    public var measures: [Entry]
    /// Breaks that apply to every measure of a survey (e.g. the voluntary ASCS 2020-21).
    public var surveyBreaks: [SurveyBreak]?

    /// An ASCOF numbering, valid from a survey year (`pre-2023-24`, `2023-24`).
    public struct Framework: Sendable, Hashable, Codable {
        public var id: String
        public var from: String
        public var to: String?
        public var note: String?
    }

    public struct Entry: Sendable, Hashable, Codable {
        /// A survey measure: its `code` in `Questionnaires/`; name, kind, polarity and codes come from there.
        public var codebook: String?
        /// `ASCS` or `SACE` for survey measures.
        public var survey: String?
        /// A measure not defined in a codebook: its identifier (the 2023-24 code when it has one).
        public var id: String?
        /// Framework id → the code in that numbering.
        public var codes: [String: String]?
        public var name: String?
        public var unit: MeasureUnit?
        public var polarity: Measure.Polarity?
        /// What a gap in people counts (`admissions`, `carers`); nil = `people`.
        public var peopleUnit: String?
        public var dataSource: String?
        public var breaks: [SeriesBreak]?
        /// First survey year the measure is no longer part of ASCOF.
        public var retiredFrom: String?
        public var status: Status
        public var note: String?

        public init(codebook: String? = nil, survey: String? = nil, id: String? = nil, codes: [String: String]? = nil,
                    name: String? = nil, unit: MeasureUnit? = nil, polarity: Measure.Polarity? = nil,
                    peopleUnit: String? = nil, dataSource: String? = nil, breaks: [SeriesBreak]? = nil,
                    retiredFrom: String? = nil, status: Status, note: String? = nil) {
            self.codebook = codebook
            self.survey = survey
            self.id = id
            self.codes = codes
            self.name = name
            self.unit = unit
            self.polarity = polarity
            self.peopleUnit = peopleUnit
            self.dataSource = dataSource
            self.breaks = breaks
            self.retiredFrom = retiredFrom
            self.status = status
            self.note = note
        }
    }

    public struct SurveyBreak: Sendable, Hashable, Codable {
        public var survey: String
        public var year: String
        public var kind: SeriesBreak.Kind
        public var reason: String
        public var status: Status
    }
}

/// The unit a measure's values are published in. Decided by the definition, never by the size of a value.
public enum MeasureUnit: String, Sendable, Hashable, Codable {
    /// Published as a percentage (77.7); a fraction (0.777) in CareSurvey's outputs.
    case percent
    /// A score on its own scale (1A 0–24, 1B about 0.4, 1C 0–12).
    case score
    /// A rate per 100,000 population.
    case ratePer100000 = "rate-per-100000"
}

/// A comparability break in a measure's series.
public struct SeriesBreak: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Values from `year` on are not comparable with earlier years.
        case series
        /// `year` alone is not comparable with any other year.
        case singleYear = "single-year"
    }

    public var year: String
    public var kind: Kind
    public var reason: String
    public var status: Status?

    public init(year: String, kind: Kind, reason: String, status: Status? = nil) {
        self.year = year
        self.kind = kind
        self.reason = reason
        self.status = status
    }
}
