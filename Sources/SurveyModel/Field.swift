/// One code of a coded field, with its printed label.
public struct CodeLabel: Sendable, Hashable, Codable {
    public var code: Int
    public var label: String
    public init(code: Int, label: String) {
        self.code = code
        self.label = label
    }
}

/// One column of a return: an admin field or a question, as the codebook file describes it.
public struct Field: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A coded answer or admin code: a whole number from `codes`.
        case code
        /// A whole number in `min…max` (e.g. age in years).
        case integer
        /// A number (e.g. a budget in pounds); validated, not used in estimates.
        case number
        /// Identifying text (council code, serial number).
        case text
        /// Free text: read, never scored, never exported (it can hold personal data).
        case freeText = "free-text"
    }

    /// The tidy column name (`q3a`, `Gender`, `SerialNo`).
    public var name: String
    /// The key looked for in the normalised Excel header (`serialnumber`, `q3a-`).
    public var key: String?
    public var label: String
    public var kind: Kind
    public var codes: [CodeLabel]?
    public var min: Int?
    public var max: Int?
    /// Allowed codes when the easy-read questionnaire was used (Q1 and Q2a: 1–5).
    public var easyReadCodes: [Int]?
    /// `true` for questions: blank for non-respondents, tabulated, `-9` = no answer.
    public var question: Bool?
    /// The column must be present in the file (an error if it is not); otherwise a warning.
    public var mandatory: Bool?
    /// Every data row must have a value.
    public var valueRequired: Bool?
    /// Only in the Excel return (formula columns such as the primary key); never expected in CSV.
    public var excelOnly: Bool?
    /// The question text, for reports.
    public var text: String?
    /// The header text of the official Excel return, as written there (for writing workbooks).
    public var header: String?

    public init(name: String, key: String? = nil, label: String, kind: Kind, codes: [CodeLabel]? = nil,
                min: Int? = nil, max: Int? = nil, easyReadCodes: [Int]? = nil, question: Bool? = nil,
                mandatory: Bool? = nil, valueRequired: Bool? = nil, excelOnly: Bool? = nil, text: String? = nil) {
        self.name = name
        self.key = key
        self.label = label
        self.kind = kind
        self.codes = codes
        self.min = min
        self.max = max
        self.easyReadCodes = easyReadCodes
        self.question = question
        self.mandatory = mandatory
        self.valueRequired = valueRequired
        self.excelOnly = excelOnly
        self.text = text
    }

    public var isQuestion: Bool { question ?? false }
    public var isMandatory: Bool { mandatory ?? false }
    public var isValueRequired: Bool { valueRequired ?? false }
    public var isExcelOnly: Bool { excelOnly ?? false }
    /// Stored as a small-integer column (codes and whole numbers).
    public var isCoded: Bool { kind == .code || kind == .integer }

    /// The label of a code, if the field lists it.
    public func label(of code: Int) -> String? { codes?.first { $0.code == code }?.label }

    /// Whether `value` is valid for this field; `easyRead` applies `easyReadCodes`.
    public func accepts(_ value: Int, easyRead: Bool = false) -> Bool {
        if easyRead, let easy = easyReadCodes { return easy.contains(value) }
        if let codes { return codes.contains { $0.code == value } }
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }

    /// A short description of the valid values, for messages: "1–7", "18–120".
    public func validRange(easyRead: Bool = false) -> String {
        if easyRead, let easy = easyReadCodes { return Field.describe(easy) }
        if let codes { return Field.describe(codes.map(\.code)) }
        switch (min, max) {
        case let (lo?, hi?): return "\(lo)–\(hi)"
        case let (lo?, nil): return "at least \(lo)"
        case let (nil, hi?): return "at most \(hi)"
        default: return "any whole number"
        }
    }

    public static func describe(_ codes: [Int]) -> String {
        let sorted = codes.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "none" }
        if last - first + 1 == sorted.count, sorted.count > 2 { return "\(first)–\(last)" }
        return sorted.map(String.init).joined(separator: ", ")
    }
}

/// A tick-all-that-apply group: each option 1 ticked, 2 not ticked (another ticked), blank none.
/// Invalid when partly blank or all "not ticked".
public struct MultiTickGroup: Sendable, Hashable, Codable {
    public var name: String
    public var fields: [String]
    public var ticked: Int
    public var notTicked: Int
    public init(name: String, fields: [String], ticked: Int = 1, notTicked: Int = 2) {
        self.name = name
        self.fields = fields
        self.ticked = ticked
        self.notTicked = notTicked
    }
}
