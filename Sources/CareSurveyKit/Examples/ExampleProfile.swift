import SurveyModel

/// Realism hints for synthetic returns: how population cells become ages and codes, how large
/// councils are, response rates, and rough answer shares loosely based on published national
/// results (ASCS 2021-22: control ~77%, social contact ~45%, SCRQoL ~19; SACE: satisfied ~36%,
/// carer QoL ~7.4).
///
/// Hints never decide which columns exist or which codes are valid: that is the codebook's job.
/// A hint naming a field the codebook lacks is ignored, codes a field does not accept are dropped,
/// and every field without a hint follows the generic model (code 1 most likely, each later code
/// about half as likely). Answer shares are keyed by codebook id because question numbers move
/// between survey years; a year without its own hints uses the generic answer model.
struct ExampleProfile: Sendable {
    /// How a value of a population dimension fixes a field of the return.
    struct DimensionField: Sendable {
        var field: String
        /// Dimension value → codes with relative weights (PSRGroup "Physical" → PSR 1 or 2).
        var codes: [String: [Int: Double]] = [:]
        /// Dimension value → a range of whole numbers (AgeBand "65+" → age 65…100).
        var ranges: [String: ClosedRange<Int>] = [:]
    }

    /// Weights of a dimension's values, possibly depending on another dimension's value.
    struct DimensionWeights: Sendable {
        var dependsOn: String?
        /// Key: the other dimension's value ("" when independent) → value → weight.
        var weights: [String: [String: Double]]
    }

    /// A field's shares depending on another field's code (MechOfDelivery by SupportSetting).
    struct ConditionalShares: Sendable {
        var on: String
        var shares: [Int: [Int: Double]]
    }

    var dimensionFields: [String: DimensionField] = [:]
    var dimensionWeights: [String: DimensionWeights] = [:]
    /// Fields set per person when there are no population dimensions (SACE carers' age, gender).
    var personCodes: [String: [Int: Double]] = [:]
    var personRanges: [String: ClosedRange<Int>] = [:]
    /// Typical eligible population of a council (lognormal spread around it).
    var councilSize: Double = 3000
    /// Response rate by stratum (key 0 = any other stratum).
    var responseRate: [Int: Double] = [0: 0.4]
    /// Share of non-responses by Response code (returned blank vs not returned).
    var nonResponseShares: [Int: Double] = [:]
    /// Easy-read questionnaire use by stratum.
    var easyReadRate: [Int: Double] = [:]
    /// Mean of the latent wellbeing and health factors by stratum (positive = better).
    var wellbeingShift: [Int: Double] = [:]
    var healthShift: [Int: Double] = [:]
    /// Answer or code shares (field → code → share).
    var shares: [String: [Int: Double]] = [:]
    var easyReadShares: [String: [Int: Double]] = [:]
    var conditionalShares: [String: ConditionalShares] = [:]
    /// Codes outside a question's ordinal scale ("never tried", "don't need services"): drawn
    /// with their share, independently of wellbeing.
    var outsideScale: [String: Set<Int>] = [:]
    /// Questions driven by the health factor rather than wellbeing.
    var healthItems: Set<String> = []
    /// Tick-all options that exclude the others ("No", "I didn't have any help").
    var exclusiveOptions: Set<String> = []
    /// Questions asked only when all conditions hold (Q2c: community, not learning disability).
    var askedWhen: [String: [Condition]] = [:]
    /// Admin fields with a fixed value for non-respondents (OriginalReminder −9), and fields left
    /// blank for them.
    var nonRespondentValues: [String: Int] = [:]
    var respondentOnly: Set<String> = []
    /// Voluntary fields every council fills (the others are filled by about half of the councils).
    var alwaysFilled: Set<String> = []
    /// Share of "−9 not known" in admin fields.
    var missingRate: [String: Double] = [:]
    /// Ranges of number fields (budgets, pounds).
    var numberRanges: [String: ClosedRange<Int>] = [:]
    /// Serial numbers: prefix + council + "-" + 5 digits.
    var serialPrefix = ""
    /// Excel-only fields the workbook template computes: the primary key (council & row) and the
    /// stratum's population.
    var primaryKeyField: String?
    var stratumPopulationField: String?

    /// The hints for a codebook (generic ones for a survey this build has none for).
    static func profile(for codebook: Codebook) -> ExampleProfile {
        switch codebook.survey.uppercased() {
        case "ASCS":
            var profile = ascs
            if codebook.surveyYear == "2021-22" { profile.addASCS202122Answers() }
            return profile
        case "SACE":
            var profile = sace
            if codebook.surveyYear == "2021-22" { profile.addSACE202122Answers() }
            return profile
        default:
            return ExampleProfile()
        }
    }

    /// The generic shares for `count` codes: each code about half as likely as the one before.
    static func genericShares(count: Int) -> [Double] {
        if count == 2 { return [0.65, 0.35] }
        var shares: [Double] = []
        var share = 1.0
        for _ in 0..<count {
            shares.append(share)
            share *= 0.54
        }
        return shares
    }
}
