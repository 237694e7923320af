/// What a result is about: a measure (or question) for a group. The key of every index of results
/// (comparisons, report tables), instead of text such as `"3A|council|716"`.
public struct ResultKey: Sendable, Hashable {
    public var measure: String
    public var group: GroupKey
    public init(measure: String, group: GroupKey) {
        self.measure = measure
        self.group = group
    }
}
