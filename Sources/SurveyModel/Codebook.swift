/// A survey year's questionnaire as data: fields, validation rules, strata, derived variables,
/// population sets, measures and answer tables. Loaded from `Questionnaires/<survey>-<year>.json`.
/// A new survey year needs a new file, not new code.
public struct Codebook: Sendable, Hashable, Codable {
    /// The highest `schemaVersion` this build understands. 2 added `surveyName`, `councilField`,
    /// `serialField` and `peopleUnit` (required from 2; a version-1 file means the survey code,
    /// `LaCode`, `SerialNo` and "people").
    public static let supportedSchemaVersion = 2

    public var schemaVersion: Int
    /// The survey's code (`ASCS`, `SACE`): `--survey` takes it in any case.
    public var survey: String
    /// The survey's name for people (`Adult Social Care Survey`), shown in reports.
    public var surveyName: String?
    /// The tidy column that holds the council (CASSR) code (`LaCode`).
    public var councilField: String?
    /// The tidy column that holds the serial number (`SerialNo`).
    public var serialField: String?
    /// What the survey's people are called in counts (`people`, `carers`).
    public var peopleUnit: String?
    /// `2021-22`.
    public var surveyYear: String
    public var status: Status
    /// Where the content was checked, and what is provisional.
    public var source: String
    public var excel: ExcelLayout
    /// Codes that mean "no answer" anywhere (turned into blank before validation): `[-9]`.
    public var missingCodes: [Int]
    public var fields: [Field]
    public var multiTickGroups: [MultiTickGroup]?
    /// Who is a respondent (`Response` = 1).
    public var respondent: Condition
    /// Rules for non-respondents: all questions blank, and these conditions (e.g. Advocate = 2).
    public var nonRespondent: NonRespondentRules?
    /// When the easy-read questionnaire was used (`Questionnaire` = 3).
    public var easyRead: Condition?
    public var strata: Strata
    public var derived: [DerivedVariable]?
    public var populations: PopulationScheme
    public var measures: [Measure]
    public var tables: [TableSpec]
    /// Demographic domains for `--by`.
    public var domains: [DomainSpec]?
    /// How to recognise a file of this codebook from its columns.
    public var detect: Detection
    /// What a person must still settle (written by `codebook import`; a codebook with open points is provisional).
    public var openPoints: [String]? = nil

    public struct ExcelLayout: Sendable, Hashable, Codable {
        /// The data sheet's exact name (`Service User Data`).
        public var sheet: String
        public var headerRow: Int
        /// Where to find the council code when column A is empty (`Sign Off Sheet`!E2).
        public var councilCell: CellAddress?
        /// The population tables sheet, if the workbook has one.
        public var populationSheet: PopulationSheet?
    }

    public struct CellAddress: Sendable, Hashable, Codable {
        public var sheet: String
        public var cell: String
    }

    /// Population tables in the workbook: blocks of rows, one per (AgeBand, Gender, PSRGroup),
    /// and columns per Setting.
    public struct PopulationSheet: Sendable, Hashable, Codable {
        public var sheet: String
        public var tables: [Block]
        public struct Block: Sendable, Hashable, Codable {
            public var values: [String: String]
            /// First row; rows run over `rowOrder` (each a dictionary of dimension values).
            public var firstRow: Int
            public var rowOrder: [[String: String]]
            /// Column letter → dimension values (e.g. "D": {"Setting": "Community"}).
            public var columns: [String: [String: String]]
        }
    }

    public struct NonRespondentRules: Sendable, Hashable, Codable {
        public var questionsBlank: Bool
        public var conditions: [Condition]?
    }

    public struct Strata: Sendable, Hashable, Codable {
        /// The council's own stratum column, compared with the derived one.
        public var reportedField: String?
        /// First matching rule gives the stratum; null = unknown (excluded from weighted results).
        public var rules: [Rule]
        public var labels: [CodeLabel]?
    }

    public struct Detection: Sendable, Hashable, Codable {
        /// All of these tidy columns must be present.
        public var all: [String]
        /// None of these may be present.
        public var none: [String]?
    }

    public init(schemaVersion: Int, survey: String, surveyYear: String, status: Status, source: String,
                excel: ExcelLayout, missingCodes: [Int], fields: [Field], multiTickGroups: [MultiTickGroup]?,
                respondent: Condition, nonRespondent: NonRespondentRules?, easyRead: Condition?, strata: Strata,
                derived: [DerivedVariable]?, populations: PopulationScheme, measures: [Measure],
                tables: [TableSpec], detect: Detection) {
        self.schemaVersion = schemaVersion
        self.survey = survey
        self.surveyYear = surveyYear
        self.status = status
        self.source = source
        self.excel = excel
        self.missingCodes = missingCodes
        self.fields = fields
        self.multiTickGroups = multiTickGroups
        self.respondent = respondent
        self.nonRespondent = nonRespondent
        self.easyRead = easyRead
        self.strata = strata
        self.derived = derived
        self.populations = populations
        self.measures = measures
        self.tables = tables
        self.detect = detect
    }

    /// `ascs-2021-22`.
    public var id: String { "\(survey.lowercased())-\(surveyYear)" }
    /// `surveyName`, or the survey code (schema 1).
    public var displayName: String { surveyName ?? survey }
    /// `councilField`, or `LaCode` (schema 1).
    public var councilFieldName: String { councilField ?? "LaCode" }
    /// `serialField`, or `SerialNo` (schema 1).
    public var serialFieldName: String { serialField ?? "SerialNo" }
    /// `peopleUnit`, or "people" (schema 1).
    public var peopleName: String { peopleUnit ?? "people" }

    public func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }
    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The label of an answer code of a question's table (`q1` on its derived scale), from the
    /// codebook's derived variables or the question's own codes.
    public func answerLabel(question: String, code: Int) -> String? {
        let variable = tables.first { $0.question == question }?.sourceVariable ?? question
        return derived?.first { $0.name == variable }?.codes?.first { $0.code == code }?.label ?? field(question)?.label(of: code)
    }
    public func measure(_ code: String) -> Measure? { measures.first { $0.code == code } }

    /// Whether a file with these tidy columns belongs to this codebook.
    /// `fileColumns`: every column of the file, lower-cased (also those outside this codebook), for `none`.
    public func matches(columns: Set<String>, fileColumns: Set<String>? = nil) -> Bool {
        let present = fileColumns ?? Set(columns.map { $0.lowercased() })
        return detect.all.allSatisfy(columns.contains) && !(detect.none ?? []).contains { present.contains($0.lowercased()) }
    }
}

/// A variable computed from others: a recode (combined Q1) or a rule list (the stratum).
public struct DerivedVariable: Sendable, Hashable, Codable {
    public var name: String
    public var label: String
    /// Recode: the source field, and ordered recodes (first whose `when` holds; `map` null = unchanged).
    public var source: String?
    public var recodes: [Recode]?
    /// Rules: the first matching rule's value.
    public var rules: [Rule]?
    public var codes: [CodeLabel]?

    public struct Recode: Sendable, Hashable, Codable {
        public var when: [Condition]?
        public var map: [String: Int]?
    }
}

/// How eligible-population rows map to the cells of each population set.
/// `stratum` is the default set; `adjusted` (1B) and `q2c` are finer ones.
public struct PopulationScheme: Sendable, Hashable, Codable {
    /// Columns of the detailed population file besides `LaCode` and `Population`.
    public var dimensions: [String]
    /// Allowed values of each dimension.
    public var values: [String: [String]]
    public var sets: [PopulationSet]

    public struct PopulationSet: Sendable, Hashable, Codable {
        public var name: String
        /// First matching rule gives the row's stratum; null = the row is not in this set.
        public var rules: [PopulationRule]
        public var note: String?
    }

    public struct PopulationRule: Sendable, Hashable, Codable {
        public var when: [String: [String]]?
        public var stratum: Int?
        public func holds(_ row: [String: String]) -> Bool {
            (when ?? [:]).allSatisfy { key, allowed in row[key].map(allowed.contains) ?? false }
        }
    }

    public func set(_ name: String) -> PopulationSet? { sets.first { $0.name == name } }

    /// The stratum of a detailed row in a set, or nil when the row is outside it.
    public func stratum(of row: [String: String], in set: PopulationSet) -> Int? {
        for rule in set.rules where rule.holds(row) { return rule.stratum }
        return nil
    }
}

/// One published answer table: a question (or derived variable) and the population set it uses.
public struct TableSpec: Sendable, Hashable, Codable {
    /// The name shown (`q1`).
    public var question: String
    /// The variable tabulated, when it differs (`q1Combined`).
    public var variable: String?
    public var population: String?
    public init(question: String, variable: String? = nil, population: String? = nil) {
        self.question = question
        self.variable = variable
        self.population = population
    }
    public var sourceVariable: String { variable ?? question }
    public var populationSet: String { population ?? "stratum" }
}
