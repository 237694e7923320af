/// The design weight of a respondent with a valid value of item k in cell h (statistics.md §2):
///
///     w_hk = N_h / n_hk
///
/// (the cell's eligible population over its respondents with a valid value of k; recomputed per
/// item). The one place the weight is formed: the stratified estimator, the domain estimator and
/// the `scores` output all call it. Undefined (nil) without respondents or a population.
public enum DesignWeight {
    public static func weight(population: Double?, respondents n: Int) -> Double? {
        guard n > 0, let population else { return nil }
        return population / Double(n)
    }
}
