/// A titled table with typed columns: the one description of a command's tabular result, from
/// which both its CSV (`csv`) and its workbook sheet (`ReportWorkbook`) are made, so the two hold
/// the same values.
///
/// ```swift
/// var t = ReportTable(title: "Table 1: Measures", sheetName: "Measures",
///                     columns: [.init("measure"), .init("estimate", .percent)])
/// t.rows.append([.text("1A"), .number(0.62)])
/// print(t.csv)
/// ```
public struct ReportTable: Sendable {
    /// How a column's numbers are shown in a workbook (the stored value is always the full number;
    /// CSV ignores the format).
    public enum Format: Sendable, Hashable {
        case text
        /// `#,##0`.
        case count
        /// `0`: codes, row numbers.
        case whole
        /// `0.0%`: a fraction shown as a percentage (never multiplied by 100 in the cell).
        case percent
        /// `0.000`.
        case decimal
        /// `0.0000`.
        case pValue
        /// Excel's General format.
        case general
        /// `percent` on rows whose `isProportionRow` entry is true (or when it is empty), else `decimal`.
        case estimate
    }

    public struct Column: Sendable, Hashable {
        public var name: String
        public var format: Format
        public init(_ name: String, _ format: Format = .text) {
            self.name = name
            self.format = format
        }
    }

    /// Shown in A1 of the sheet ("Table 1: …").
    public var title: String
    /// At most 31 characters, none of `[ ] : * ? / \` (`ReportWorkbook` makes it safe anyway).
    public var sheetName: String
    /// One line under the title: what the table holds, which notes apply.
    public var description: String
    public var columns: [Column]
    public var rows: [[CSVWriter.Cell]]
    /// Per row: is it a proportion (for `.estimate` columns). Empty: every row is.
    public var isProportionRow: [Bool] = []
    /// Columns kept in view when scrolling right (row labels), in the workbook.
    public var frozenColumns = 0
    /// A row above the header with a heading over a group of columns (written in the group's first
    /// column only: no merged cells). Empty: none.
    public var groupHeadings: [String?] = []

    public init(title: String, sheetName: String, description: String = "", columns: [Column], rows: [[CSVWriter.Cell]] = []) {
        self.title = title
        self.sheetName = sheetName
        self.description = description
        self.columns = columns
        self.rows = rows
    }

    /// RFC 4180 CSV: the header, then every row (text that a spreadsheet would run as a formula
    /// neutralised, see `CSVWriter`).
    public var csv: String {
        var w = CSVWriter(header: columns.map(\.name))
        for row in rows { w.writeRow(row) }
        return w.output
    }

    /// The format of one cell.
    func format(row: Int, column: Int) -> Format {
        let format = columns[column].format
        guard format == .estimate else { return format }
        return isProportionRow.isEmpty || isProportionRow[row] ? .percent : .decimal
    }
}
