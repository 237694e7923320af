/// Sampled people, respondents and the response rate of one council and stratum (or a council's total).
public struct ResponseRate: Sendable, Hashable, Codable {
    public var council: String
    /// nil for the council's total.
    public var stratum: Int?
    public var sampled: Int
    public var respondents: Int
    public var rate: Double { sampled > 0 ? Double(respondents) / Double(sampled) : 0 }

    public init(council: String, stratum: Int?, sampled: Int, respondents: Int) {
        self.council = council
        self.stratum = stratum
        self.sampled = sampled
        self.respondents = respondents
    }
}
