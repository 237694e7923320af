import SurveyModel

/// Realism hints for synthetic returns: how population cells become ages and codes, how large
/// councils are, response rates, and rough answer shares. The values are data
/// (`Examples/example-profiles.json`, read by `ExampleProfileFile`); this type is their model.
///
/// Hints never decide which columns exist or which codes are valid: that is the codebook's job.
/// A hint naming a field the codebook lacks is ignored, codes a field does not accept are dropped,
/// and every field without a hint follows the generic model (code 1 most likely, each later code
/// about half as likely). Answer shares are keyed by survey year because question numbers move
/// between survey years; a year without its own hints uses the generic answer model.
public struct ExampleProfile: Sendable, Codable {
    /// How a value of a population dimension fixes a field of the return.
    struct DimensionField: Sendable, Codable {
        var field: String
        /// Dimension value → codes with relative weights (PSRGroup "Physical" → PSR 1 or 2).
        var codes: [String: [Int: Double]] = [:]
        /// Dimension value → a range of whole numbers (AgeBand "65+" → age 65…100).
        var ranges: [String: ClosedRange<Int>] = [:]
    }

    /// Weights of a dimension's values, possibly depending on another dimension's value.
    struct DimensionWeights: Sendable, Codable {
        var dependsOn: String?
        /// Key: the other dimension's value ("" when independent) → value → weight.
        var weights: [String: [String: Double]]
    }

    /// A field's shares depending on another field's code (MechOfDelivery by SupportSetting).
    struct ConditionalShares: Sendable, Codable {
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

    /// The generic model: every field follows the generic answer model; a council of about 3,000
    /// eligible people, response 40%.
    public static let generic = ExampleProfile()

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

extension ExampleProfile {
    /// Every key optional: a key left out keeps the generic model's value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ExampleProfile.generic
        func v<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        dimensionFields = try v(.dimensionFields, d.dimensionFields)
        dimensionWeights = try v(.dimensionWeights, d.dimensionWeights)
        personCodes = try v(.personCodes, d.personCodes)
        personRanges = try v(.personRanges, d.personRanges)
        councilSize = try v(.councilSize, d.councilSize)
        responseRate = try v(.responseRate, d.responseRate)
        nonResponseShares = try v(.nonResponseShares, d.nonResponseShares)
        easyReadRate = try v(.easyReadRate, d.easyReadRate)
        wellbeingShift = try v(.wellbeingShift, d.wellbeingShift)
        healthShift = try v(.healthShift, d.healthShift)
        shares = try v(.shares, d.shares)
        easyReadShares = try v(.easyReadShares, d.easyReadShares)
        conditionalShares = try v(.conditionalShares, d.conditionalShares)
        outsideScale = try v(.outsideScale, d.outsideScale)
        healthItems = try v(.healthItems, d.healthItems)
        exclusiveOptions = try v(.exclusiveOptions, d.exclusiveOptions)
        askedWhen = try v(.askedWhen, d.askedWhen)
        nonRespondentValues = try v(.nonRespondentValues, d.nonRespondentValues)
        respondentOnly = try v(.respondentOnly, d.respondentOnly)
        alwaysFilled = try v(.alwaysFilled, d.alwaysFilled)
        missingRate = try v(.missingRate, d.missingRate)
        numberRanges = try v(.numberRanges, d.numberRanges)
        serialPrefix = try v(.serialPrefix, d.serialPrefix)
        primaryKeyField = try v(.primaryKeyField, d.primaryKeyField)
        stratumPopulationField = try v(.stratumPopulationField, d.stratumPopulationField)
    }
}

extension ExampleProfile.DimensionField {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        codes = try c.decodeIfPresent([String: [Int: Double]].self, forKey: .codes) ?? [:]
        ranges = try c.decodeIfPresent([String: ClosedRange<Int>].self, forKey: .ranges) ?? [:]
    }
}
