/// `Reference/annex-measures.json`: which answers of the published ASCS annex tables make each ASCOF
/// survey measure (the percentages of the listed answers to one question add up to the measure), by
/// survey year, so that annex-table figures can be ranked like the ASCOF file's.
public struct AnnexMeasureMap: Sendable, Hashable, Codable {
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var status: Status
    public var source: String
    public var note: String?
    public var mappings: [Mapping]

    public struct Mapping: Sendable, Hashable, Codable {
        /// The catalogue id of the measure (`1D`, `3A`).
        public var measure: String
        /// First and last survey year the question and answers apply to (nil `to` = still).
        public var from: String
        public var to: String?
        /// The question heading's text before ` - ` (`Question 3a`).
        public var question: String
        /// The answer labels whose percentages add up to the measure.
        public var answers: [String]
        public var status: Status?

        public func applies(to year: String) -> Bool { year >= from && (to.map { year <= $0 } ?? true) }

        /// Whether a published question heading is this mapping's question: its text before ` - `,
        /// compared with spaces collapsed, case and curly quotes ignored.
        public func matches(heading: String) -> Bool {
            let head = heading.range(of: " - ").map { String(heading[..<$0.lowerBound]) } ?? heading
            return Self.key(head) == Self.key(question)
        }

        /// An answer label compared the same way.
        public func isAnswer(_ label: String) -> Bool { answers.contains { Self.key($0) == Self.key(label) } }

        static func key(_ s: String) -> String {
            s.lowercased().replacingOccurrences(of: "’", with: "'").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    public init(schemaVersion: Int = 1, status: Status, source: String, note: String? = nil, mappings: [Mapping]) {
        self.schemaVersion = schemaVersion
        self.status = status
        self.source = source
        self.note = note
        self.mappings = mappings
    }
}
