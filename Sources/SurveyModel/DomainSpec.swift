/// A demographic domain variable for `--by` (gender, age band, ethnicity group, support setting,
/// PSR group, stratum): which field it reads and how codes group into labelled values.
public struct DomainSpec: Sendable, Hashable, Codable {
    /// The `--by` name (`age-band`).
    public var name: String
    /// The field or derived variable read (`Age`, `DerivedStratum`).
    public var field: String
    public var groups: [Group]

    public struct Group: Sendable, Hashable, Codable {
        public var label: String
        public var codes: [Int]?
        public var min: Int?
        public var max: Int?
        public init(label: String, codes: [Int]? = nil, min: Int? = nil, max: Int? = nil) {
            self.label = label
            self.codes = codes
            self.min = min
            self.max = max
        }
        public func contains(_ value: Int) -> Bool {
            if let codes { return codes.contains(value) }
            return (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
        }
    }

    /// The index of the group a value falls in, or nil (missing or not listed: left out of the domains).
    public func groupIndex(of value: Int?) -> Int? {
        guard let value else { return nil }
        return groups.firstIndex { $0.contains(value) }
    }
}
