/// What changed between a previous codebook and one imported from a new data-return template:
/// questions added, removed, renumbered and reworded, code lists changed, measures re-pointed,
/// and the open points a person must settle (any open point makes the new codebook provisional).
public struct CodebookChangeReport: Sendable, Hashable, Codable {
    public struct FieldRef: Sendable, Hashable, Codable {
        public var name: String
        public var column: String?
        public var header: String
        public var mandatory: Bool
        public init(name: String, column: String?, header: String, mandatory: Bool) {
            self.name = name
            self.column = column
            self.header = header
            self.mandatory = mandatory
        }
    }

    public struct Renumbered: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public struct Reworded: Sendable, Hashable, Codable {
        public var field: String
        public var before: String
        public var after: String
        public init(field: String, before: String, after: String) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    public struct Relabelled: Sendable, Hashable, Codable {
        public var code: Int
        public var before: String
        public var after: String
        public init(code: Int, before: String, after: String) {
            self.code = code
            self.before = before
            self.after = after
        }
    }

    public struct Recoded: Sendable, Hashable, Codable {
        public var label: String
        public var before: Int
        public var after: Int
        public init(label: String, before: Int, after: Int) {
            self.label = label
            self.before = before
            self.after = after
        }
    }

    public struct CodeListChange: Sendable, Hashable, Codable {
        public var field: String
        public var added: [CodeLabel]
        public var removed: [CodeLabel]
        public var relabelled: [Relabelled]
        /// The same answer under a new code number.
        public var recoded: [Recoded]
        public init(field: String, added: [CodeLabel], removed: [CodeLabel], relabelled: [Relabelled], recoded: [Recoded]) {
            self.field = field
            self.added = added
            self.removed = removed
            self.relabelled = relabelled
            self.recoded = recoded
        }
    }

    public struct Flag: Sendable, Hashable, Codable {
        public var field: String
        public var before: Bool
        public var after: Bool
        public init(field: String, before: Bool, after: Bool) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    public struct Repointed: Sendable, Hashable, Codable {
        /// The measure code, or another part of the codebook (`strata`, `tables`, a score model).
        public var what: String
        /// `q7b → q7c`, `q12 code 2 → 3`.
        public var changes: [String]
        public init(what: String, changes: [String]) {
            self.what = what
            self.changes = changes
        }
    }

    public var survey: String
    public var surveyYear: String
    public var previous: String
    public var template: String
    public var added: [FieldRef] = []
    public var removed: [FieldRef] = []
    public var renumbered: [Renumbered] = []
    public var reworded: [Reworded] = []
    public var codeLists: [CodeListChange] = []
    public var mandatory: [Flag] = []
    public var repointed: [Repointed] = []
    /// Informational notes (template and codebook disagreements kept as before, layout checks).
    public var notes: [String] = []
    /// What could not be settled from the template: each makes the codebook provisional.
    public var openPoints: [String] = []

    public init(survey: String, surveyYear: String, previous: String, template: String) {
        self.survey = survey
        self.surveyYear = surveyYear
        self.previous = previous
        self.template = template
    }

    /// No question or code list changed and nothing is open.
    public var isUnchanged: Bool {
        added.isEmpty && removed.isEmpty && renumbered.isEmpty && reworded.isEmpty && codeLists.isEmpty
            && mandatory.isEmpty && repointed.isEmpty && openPoints.isEmpty
    }
}
