/// The published ASCS annex tables (benchmarking.md §2.2) as read: for every council (and the
/// published average row) × question × answer, the percentage (T1a, as a fraction), the weighted
/// count (T1b), the question's respondents (T1a) and the margin of error (T5, 95%, as a fraction).
public struct AnnexTables: Sendable {
    public var path: String
    public var year: String
    public var answers: [AnnexAnswer]
    /// The areas in the order of the tables: councils with CASSR and ONS codes, and average rows.
    public var areas: [AnnexArea]
    /// Missing-value markers by sheet and kind (`[x]` → 5,300).
    public var markers: [String: [String: Int]]
    /// Cells read per sheet (numbers and markers).
    public var cellsRead: [String: Int]
    public var diagnostics: [Diagnostic]

    public init(path: String, year: String, answers: [AnnexAnswer], areas: [AnnexArea], markers: [String: [String: Int]],
                cellsRead: [String: Int], diagnostics: [Diagnostic]) {
        self.path = path
        self.year = year
        self.answers = answers
        self.areas = areas
        self.markers = markers
        self.cellsRead = cellsRead
        self.diagnostics = diagnostics
    }

    /// The answer for an area (CASSR code, or the average row's name), question heading and answer label.
    public func answer(area: String, question: String, answer: String) -> AnnexAnswer? {
        answers.first { $0.area == area && $0.question == question && $0.answer == answer }
    }
}

public struct AnnexArea: Sendable, Hashable {
    /// CASSR code; for an average row (`18 CASSR Average`), its name.
    public var code: String
    public var ons: String?
    public var name: String
    public var isAverage: Bool

    public init(code: String, ons: String?, name: String, isAverage: Bool) {
        self.code = code
        self.ons = ons
        self.name = name
        self.isAverage = isAverage
    }
}

public struct AnnexAnswer: Sendable, Hashable {
    public var area: String
    /// The question heading as published (`Question 3a - Which of the following …`).
    public var question: String
    /// The answer column's label.
    public var answer: String
    /// T1a, as a fraction (31.9% → 0.319).
    public var percent: PublishedValue?
    /// T1b: weighted respondents giving this answer (rounded to 5 in the publication).
    public var weightedCount: PublishedValue?
    /// T1a: respondents to the question.
    public var respondents: PublishedValue?
    /// T5: margin of error at 95%, as a fraction (5.2 points → 0.052).
    public var marginOfError: PublishedValue?

    public init(area: String, question: String, answer: String, percent: PublishedValue? = nil,
                weightedCount: PublishedValue? = nil, respondents: PublishedValue? = nil, marginOfError: PublishedValue? = nil) {
        self.area = area
        self.question = question
        self.answer = answer
        self.percent = percent
        self.weightedCount = weightedCount
        self.respondents = respondents
        self.marginOfError = marginOfError
    }

    /// SE from the published margin of error (MoE / 1.96).
    public var standardError: Double? { marginOfError?.number.map { $0 / 1.96 } }
}
