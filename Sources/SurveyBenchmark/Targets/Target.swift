/// A line of a targets file (benchmarking.md §6): `measure,target[,amber]`, in the measure's unit as
/// stored internally (proportions as fractions; the file reader converts from the published unit).
public struct Target: Sendable, Hashable {
    public var measure: String
    public var value: Double
    /// The tolerance band below (higher-is-better) or above (lower-is-better) the target; nil = none.
    public var amber: Double?

    public init(measure: String, value: Double, amber: Double? = nil) {
        self.measure = measure
        self.value = value
        self.amber = amber
    }
}
