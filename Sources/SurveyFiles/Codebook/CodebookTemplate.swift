import SurveyModel

/// What an official blank data-return workbook says about its survey year: the data sheet's header
/// row, the codes sheet's blocks of codes and labels, and the shape of the eligible-population
/// tables. Read by `CodebookTemplateReader`; turned into a codebook by `CodebookImporter`.
public struct CodebookTemplate: Sendable, Hashable {
    /// One column of the data sheet's header row.
    public struct Column: Sendable, Hashable {
        /// Column letters (`AY`).
        public var letter: String
        /// The official header text, exactly as written.
        public var header: String
        /// The question id the header starts with (`q15a` for `Q15[a] - …`), nil for admin fields.
        public var questionID: String?
        /// The question text: the header after its first ` - `, line breaks as spaces.
        public var questionText: String?
        /// The header says "(Voluntary field)".
        public var voluntary: Bool
        /// The header says it is filled in by the workbook ("automatically generated", "NHS Digital use only").
        public var generated: Bool
    }

    /// One block of the codes sheet: a field title and its codes in printed order.
    public struct CodesBlock: Sendable, Hashable {
        public var title: String
        /// The sheet row of the title (for messages).
        public var row: Int
        public var codes: [CodeLabel]
        /// The question id the title names (`q14a` for `Q14 - … a. Pain …`), nil for admin fields.
        public var questionID: String?
        /// The block is the easy-read variant of its question.
        public var easyRead: Bool
    }

    /// One population table of the "Eligible Population" sheet: the label in column B of its
    /// first data row's block, the first and last data row, and the header texts of its columns.
    public struct PopulationTable: Sendable, Hashable {
        public var title: String
        public var firstRow: Int
        public var rowCount: Int
        public var columns: [String: String]
    }

    public var path: String
    public var sheetNames: [String]
    public var dataSheet: String
    public var codesSheet: String
    public var headerRow: Int
    /// Data-sheet columns in order, up to the last question column.
    public var columns: [Column]
    public var blocks: [CodesBlock]
    /// The survey year named by the workbook (`2021-22` from a "2021-22 Changes" sheet), if any.
    public var surveyYear: String?
    public var populationSheet: String?
    public var populationTables: [PopulationTable]
}
