import SurveyModel

/// One measure × area × breakdown over the years, codes joined across framework years by the measure
/// catalogue, with the breaks in comparability that split it.
public struct TrendSeries: Sendable, Hashable {
    public var measure: AscofMeasure
    public var level: TrendLevel
    public var area: String?
    public var name: String?
    public var breakdown: String
    /// One point per year, oldest first.
    public var points: [TrendPoint]
    /// The code each year's input used (`1I1` for 2022-23, `5A1` for 2023-24).
    public var codes: [String: String]
    /// Series breaks between two of the points (values from `after` on are not comparable with earlier ones).
    public var breaks: [TrendBreak]

    public init(measure: AscofMeasure, level: TrendLevel, area: String?, name: String?, breakdown: String,
                points: [TrendPoint], codes: [String: String], breaks: [TrendBreak]) {
        self.measure = measure
        self.level = level
        self.area = area
        self.name = name
        self.breakdown = breakdown
        self.points = points
        self.codes = codes
        self.breaks = breaks
    }

    public struct Key: Sendable, Hashable, Comparable {
        public var measure: String
        public var level: TrendLevel
        public var area: String
        public var breakdown: String
        public static func < (a: Key, b: Key) -> Bool {
            (a.measure, a.level.order, a.area, a.breakdown) < (b.measure, b.level.order, b.area, b.breakdown)
        }
    }

    public var key: Key { Key(measure: measure.id, level: level, area: area ?? "", breakdown: breakdown) }

    /// The latest point with a value.
    public var latest: TrendPoint? { points.last { $0.estimate != nil } }

    /// `5A1 (was 1I1)` when the series joined codes, else the code; spelled as the catalogue spells them.
    public var displayCode: String {
        var distinct: [String] = []
        // Consecutive years nearly always share a code: its spelling is looked up once per run of it.
        var previous: (raw: String, spelled: String)?
        for i in points.indices {
            guard let raw = codes[points[i].year] else { continue }
            let spelled: String
            if let previous, previous.raw == raw {
                spelled = previous.spelled
            } else {
                let key = AscofMeasure.normalise(raw)
                spelled = measure.codes.values.first { AscofMeasure.normalise($0) == key } ?? raw
                previous = (raw, spelled)
            }
            if !distinct.contains(spelled) { distinct.append(spelled) }
        }
        guard let current = distinct.last else { return measure.id }
        let former = distinct.dropLast()
        return former.isEmpty ? current : "\(current) (was \(former.joined(separator: ", ")))"
    }
}
