/// The geography of a series: a council, a region or England (published rows are published values,
/// never recomputed).
public enum TrendLevel: String, Sendable, Hashable, Comparable {
    case council, region, england

    var order: Int { self == .council ? 0 : self == .region ? 1 : 2 }
    public static func < (a: TrendLevel, b: TrendLevel) -> Bool { a.order < b.order }
}

/// One value from any input, before it is placed in a series: a published ASCOF row, a CareSurvey
/// result, or an estimate from returns. Values are in CareSurvey's units (proportions as fractions).
public struct TrendObservation: Sendable, Hashable {
    /// How `code` is to be read.
    public enum CodeScheme: Sendable, Hashable {
        /// The catalogue's stable identifier (CareSurvey's own results: `3A`, `5A1`, whatever the year).
        case stable
        /// The code as the framework of the observation's year numbers it (a published file: `1I1` in
        /// 2022-23, `5A1` in 2023-24; `1B` means different measures in the two).
        case framework
    }

    public var code: String
    public var scheme: CodeScheme
    public var level: TrendLevel
    /// CASSR code for councils, ONS region code for regions, nil for England.
    public var area: String?
    public var name: String?
    /// `Total`, or a published disaggregation (`65 and over`, `Female`), or a domain (`gender = Female`).
    public var breakdown: String
    public var point: TrendPoint

    public init(code: String, scheme: CodeScheme, level: TrendLevel, area: String?, name: String? = nil,
                breakdown: String = "Total", point: TrendPoint) {
        self.code = code
        self.scheme = scheme
        self.level = level
        self.area = area
        self.name = name
        self.breakdown = breakdown
        self.point = point
    }
}
