/// A design-based estimate with everything needed for intervals and contrasts, as R's `survey`
/// results carry: estimate, SE, degrees of freedom, counts and design effect.
public struct Estimate: Sendable, Hashable, Codable {
    public var estimate: Double
    public var standardError: Double
    /// Σ n_h over the cells used (respondents with a valid value).
    public var respondents: Int
    /// Σ N_h over the cells with at least one valid value.
    public var population: Double
    public var cells: Int
    public var singleRespondentCells: Int
    /// V / V_srs (nil when undefined, e.g. V_srs = 0).
    public var designEffect: Double?
    /// Respondents with a valid value in cells that the population set does not cover (a finer set
    /// than the strata): not in the estimate, and said in the result's notes. Not encoded.
    public var respondentsWithoutPopulation = 0

    enum CodingKeys: String, CodingKey {
        case estimate, standardError, respondents, population, cells, singleRespondentCells, designEffect
    }

    /// Degrees of freedom for t quantiles: respondents − cells (as R's `degf` for this design).
    public var degreesOfFreedom: Int { max(respondents - cells, 1) }
    public var variance: Double { standardError * standardError }

    public init(estimate: Double, standardError: Double, respondents: Int, population: Double, cells: Int,
                singleRespondentCells: Int, designEffect: Double?) {
        self.estimate = estimate
        self.standardError = standardError
        self.respondents = respondents
        self.population = population
        self.cells = cells
        self.singleRespondentCells = singleRespondentCells
        self.designEffect = designEffect
    }
}

extension Estimate {
    /// The note of an estimate that left respondents out (cells without a population), or nil.
    public var coverageNote: String? {
        guard respondentsWithoutPopulation > 0 else { return nil }
        return "\(respondentsWithoutPopulation) respondent\(respondentsWithoutPopulation == 1 ? "" : "s") with a valid value in cells without an eligible population for this measure are not counted"
    }
}

/// What to do with a cell that has one valid answer (its variance cannot be estimated).
public enum SingleRespondentPolicy: String, Sendable, CaseIterable, Codable {
    /// Contributes zero variance — the published pipeline's behaviour and R's
    /// `options(survey.lonely.psu = "certainty")`. The default.
    case certainty
    /// Refuse: an error naming the council and stratum.
    case fail
    /// Use the mean s_h² of the group's other cells with two or more answers (R's "average" in spirit).
    case average
}
