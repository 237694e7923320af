import SurveyModel

/// One measure (or answer-table share) for one group: the estimate with its interval, counts
/// and disclosure status. The JSON/CSV contract of `cli.md` is written from this.
public struct MeasureResult: Sendable, Hashable {
    /// `3A`, or for answer tables the question (`q3a`).
    public var measure: String
    public var formerCode: String?
    public var name: String
    public var kind: Measure.Kind
    /// For answer tables: the answer code.
    public var code: Int?
    public var group: GroupKey
    /// nil when the group has no valid value.
    public var estimate: Estimate?
    public var lower: Double?
    public var upper: Double?
    /// `[c]` (count 1 to threshold − 1) or `[x]` (zero); nil when published.
    public var suppression: String?
    public var notes: [String]
    /// The count disclosure control looks at (the base for measures, the answer count for tables).
    public var disclosureCount: Int

    public init(measure: String, formerCode: String?, name: String, kind: Measure.Kind, code: Int? = nil, group: GroupKey,
                estimate: Estimate?, lower: Double?, upper: Double?, suppression: String? = nil, notes: [String] = [],
                disclosureCount: Int) {
        self.measure = measure
        self.formerCode = formerCode
        self.name = name
        self.kind = kind
        self.code = code
        self.group = group
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.suppression = suppression
        self.notes = notes
        self.disclosureCount = disclosureCount
    }

    public var isSuppressed: Bool { suppression != nil }

    /// Applies disclosure control (statistics.md §6): a count of 1 to `threshold − 1` is `[c]`,
    /// zero is `[x]`; `threshold` 0 turns it off.
    public mutating func applyDisclosureControl(threshold: Int) {
        guard threshold > 0 else { return }
        if disclosureCount == 0 {
            suppression = "[x]"
        } else if disclosureCount < threshold {
            suppression = "[c]"
        }
    }
}
