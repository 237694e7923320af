import Foundation
import SurveyModel

/// Reads the official Excel data return: the data sheet named in the codebook, the council code
/// from column A or the Sign Off Sheet (or `--council`), and the "Eligible Population" tables.
enum WorkbookReturn {
    static func read(_ path: String, candidates: [Codebook], options: LoadOptions) throws(FileError) -> ReturnLoader.FileRead {
        let workbook = try XLSXWorkbook(path: path, limits: options.limits)
        let names = workbook.sheetNames
        // The first candidate codebook whose data sheet exists decides the sheet.
        let withSheet = candidates.filter { names.contains($0.excel.sheet) }
        guard let first = withSheet.first else {
            let expected = (candidates.first ?? options.alternatives.first)?.excel.sheet ?? "the data sheet of a codebook"
            // The data sheet of another survey: the workbook fits that codebook, not the chosen one.
            if let other = options.alternatives.first(where: { names.contains($0.excel.sheet) }), let chosen = candidates.first {
                throw .codebookMismatch(file: path, sheet: nil, expected: chosen.id, fits: other.id,
                                        reason: "no sheet \"\(expected)\"; the workbook has the \(other.survey) data sheet \"\(other.excel.sheet)\"")
            }
            // Let the reader build the error with its near-match suggestion.
            var probe = ProbeSink()
            try workbook.readSheet(expected, into: &probe)
            throw .sheetNotFound(file: path, expected: expected, found: names, suggestion: nil)
        }
        let sheet = first.excel.sheet
        let sameSheet = withSheet.filter { $0.excel.sheet == sheet }
        var fallback: String?
        if let cell = first.excel.councilCell, names.contains(cell.sheet) {
            let values = try workbook.cellValues(sheet: cell.sheet, refs: [cell.cell])
            if let text = values[cell.cell].map({ ValueParser.councilCode($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
               !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber }), text.count <= 10 {
                fallback = text
            }
        }
        var builder = ReturnBuilder(file: path, sheet: sheet, mode: .excel, headerRow: first.excel.headerRow,
                                    fallbackCouncil: fallback ?? options.council, candidates: sameSheet,
                                    alternatives: options.alternatives.filter { $0.excel.sheet == sheet }, force: options.forceCodebook)
        try workbook.readSheet(sheet, into: &builder)
        builder.finish()
        var populations: [PopulationRow] = []
        var populationDiagnostics: [Diagnostic] = []
        if let table = builder.table, let layout = table.codebook.excel.populationSheet, names.contains(layout.sheet) {
            let council = table.councils.first { !$0.isEmpty } ?? fallback ?? options.council
            if let council {
                (populations, populationDiagnostics) = try readPopulations(workbook, layout: layout, council: council, path: path)
            }
        }
        var read = try builder.result(format: "xlsx", populations: populations)
        read.diagnostics += populationDiagnostics
        read.report.summary.errors += populationDiagnostics.count
        return read
    }

    /// The population tables as detailed rows; none when the tables are blank.
    /// A cell that is filled in but not a population is an `invalid-population` error (the cell is not used).
    static func readPopulations(_ workbook: XLSXWorkbook, layout: Codebook.PopulationSheet, council: String,
                                path: String) throws(FileError) -> ([PopulationRow], [Diagnostic]) {
        let grid = try workbook.readGrid(sheet: layout.sheet)
        var rows: [PopulationRow] = []
        var diagnostics: [Diagnostic] = []
        var anyValue = false
        for block in layout.tables {
            // Columns sorted and resolved once per table, the row's dimensions merged once per row.
            let columns = block.columns.sorted(by: { $0.key < $1.key }).compactMap { letters, dims in
                XLSXCellRef.columnIndex(letters).map { (letters, $0, dims) }
            }
            for (offset, rowDims) in block.rowOrder.enumerated() {
                let rowNumber = block.firstRow + offset
                var rowBase = block.values
                rowBase.merge(rowDims) { a, _ in a }
                let cells = grid[rowNumber]
                for (letters, column, colDims) in columns {
                    let text = trimmedSpaces(cells?[column] ?? "")
                    var value = 0.0
                    if !text.isEmpty {
                        anyValue = true
                        if let whole = wholeNumber(text) {
                            value = whole
                        } else {
                            switch PopulationNumber.parse(text) {
                            case let .success(number): value = number
                            case let .failure(refusal):
                                diagnostics.append(.error("invalid-population", "population \"\(text)\" is not a number of people (0 or more): \(refusal.reason); the cell is not used",
                                                          file: path, sheet: layout.sheet, row: rowNumber, column: letters, value: text))
                                continue
                            }
                        }
                    }
                    var dims = rowBase
                    dims.merge(colDims) { a, _ in a }
                    rows.append(PopulationRow(council: council, dimensions: dims, population: value))
                }
            }
        }
        return anyValue ? (rows, diagnostics) : ([], [])
    }
}

/// `text.trimmingCharacters(in: .whitespaces)`, without Foundation when nothing is to be trimmed
/// (the text starts and ends with a visible ASCII character, as a population cell does).
private func trimmedSpaces(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last else { return text }
    if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return text }
    return text.trimmingCharacters(in: .whitespaces)
}

/// A population written as plain digits: what `PopulationNumber.parse` reads it as (`Double` of
/// the digits), without its general path; nil for anything else.
private func wholeNumber(_ text: String) -> Double? {
    guard text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return Double(text)
}

/// A sink that ignores everything (used to provoke the reader's own sheet lookup error).
struct ProbeSink: CellSink {
    mutating func beginRow(_ number: Int) {}
    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {}
    mutating func endRow() {}
}
