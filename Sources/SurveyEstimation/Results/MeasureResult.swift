import SurveyModel

/// One measure (or answer-table share) for one group: the estimate with its interval, counts
/// and disclosure status. The JSON/CSV contract of `cli.md` is written from this.
///
/// Disclosure control is part of the type: a result is `.published` (estimate, interval, counts)
/// or `.suppressed` (a marker only). A suppressed result's figures are not reachable from outside
/// this module — `estimate`, `lower`, `upper` and `notes` are nil or empty — so no renderer can
/// print a hidden number or a count from which it could be derived (cells, population,
/// single-respondent cells, an interval note naming n).
public struct MeasureResult: Sendable, Hashable {
    /// `3A`, or for answer tables the question (`q3a`).
    public var measure: String
    public var formerCode: String?
    public var name: String
    public var kind: Measure.Kind
    /// For answer tables: the answer code.
    public var code: Int?
    /// For answer tables: the answer's label from the codebook (shown beside the code).
    public var label: String?
    public var group: GroupKey
    /// What may be shown.
    public private(set) var disclosure: Disclosure

    /// The figures of a result: the estimate (nil when the group has no valid value), its interval and notes.
    public struct Figures: Sendable, Hashable {
        public var estimate: Estimate?
        public var lower: Double?
        public var upper: Double?
        public var notes: [String]
    }

    public enum Disclosure: Sendable, Hashable {
        case published(Figures)
        /// `[c]` (a count of 1 to threshold − 1) or `[x]` (zero). The figures stay inside this module.
        case suppressed(MissingMarker, hidden: Figures)
    }

    /// The count disclosure control looks at (the base for measures, the answer count for tables).
    /// Inside the library only (complementary suppression); never rendered.
    package let disclosureCount: Int

    public init(measure: String, formerCode: String?, name: String, kind: Measure.Kind, code: Int? = nil, group: GroupKey,
                estimate: Estimate?, lower: Double?, upper: Double?, suppression: String? = nil, notes: [String] = [],
                disclosureCount: Int) {
        self.measure = measure
        self.formerCode = formerCode
        self.name = name
        self.kind = kind
        self.code = code
        self.group = group
        self.disclosureCount = disclosureCount
        disclosure = .published(Figures(estimate: estimate, lower: lower, upper: upper, notes: notes))
        if let suppression { self.suppression = suppression }
    }

    /// The figures, published or hidden (inside this module only).
    var figures: Figures {
        switch disclosure {
        case let .published(f): return f
        case let .suppressed(_, hidden): return hidden
        }
    }

    private var published: Figures? {
        if case let .published(f) = disclosure { return f }
        return nil
    }

    /// The estimate, nil when suppressed or when the group has no valid value.
    public var estimate: Estimate? { published?.estimate }
    public var lower: Double? { published?.lower }
    public var upper: Double? { published?.upper }
    /// Notes on the estimate, then the notes on its table (`tableNotes`); none for a suppressed
    /// result (a note can name the base: renderers describe a suppressed cell from `marker` and
    /// `tableNotes`). Setting it sets the estimate's notes.
    public var notes: [String] {
        get { published.map { $0.notes + tableNotes } ?? [] }
        set {
            let own = newValue.filter { !tableNotes.contains($0) }
            if case var .published(f) = disclosure { f.notes = own; disclosure = .published(f) }
        }
    }

    /// Notes on the table the result belongs to, the same for each of its cells and naming no
    /// count (complementary suppression: `ComplementarySuppression.note`).
    public internal(set) var tableNotes: [String] = []

    /// The caveat on a published estimate's interval (zero width, very small base), nil when none
    /// or when suppressed (`IntervalCaveat`).
    public var caveat: String? {
        guard let f = published, let e = f.estimate else { return nil }
        return IntervalCaveat.caveat(for: e, lower: f.lower, upper: f.upper)
    }

    /// The marker of a suppressed result, nil when published.
    public var marker: MissingMarker? {
        if case let .suppressed(m, _) = disclosure { return m }
        return nil
    }

    /// The marker as printed (`[c]`, `[x]`): the one place a result's marker becomes text.
    /// Setting a marker suppresses the result; nil publishes it.
    public var suppression: String? {
        get { marker?.rawValue }
        set {
            let f = figures
            if let newValue, let m = MissingMarker(rawValue: newValue), m == .suppressed || m == .notAvailable {
                disclosure = .suppressed(m, hidden: f)
            } else {
                disclosure = .published(f)
            }
        }
    }

    public var isSuppressed: Bool { marker != nil }

    /// Applies disclosure control (statistics.md §6): a count of 1 to `threshold − 1` is `[c]`,
    /// zero is `[x]`; `threshold` 0 turns it off.
    public mutating func applyDisclosureControl(threshold: Int) {
        guard threshold > 0 else { return }
        if disclosureCount == 0 {
            disclosure = .suppressed(.notAvailable, hidden: figures)
        } else if disclosureCount < threshold {
            disclosure = .suppressed(.suppressed, hidden: figures)
        }
    }

    /// The result as one side of a year-on-year comparison, with its base, whether published or
    /// not: `ChangeTest` applies its own disclosure control and hides what it suppresses. A result
    /// suppressed although its base is large enough (complementary suppression) goes in with a
    /// base of 0, so that the comparison is suppressed too and does not publish its estimate.
    public func comparisonInput(surveyYear: String?) -> ComparisonInput? {
        guard let e = figures.estimate else { return nil }
        let respondents = marker == .suppressed && tableNotes.contains(ComplementarySuppression.note) ? 0 : e.respondents
        return ComparisonInput(measure: measure, group: group, estimate: e.estimate, standardError: e.standardError,
                               surveyYear: surveyYear, respondents: respondents)
    }
}
