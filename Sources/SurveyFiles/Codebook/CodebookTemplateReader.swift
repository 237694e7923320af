import Foundation
import SurveyModel

/// Reads an official blank data-return workbook into a `CodebookTemplate`: the data sheet's header
/// row (every column up to the last question), the codes sheet (blocks of Field / Code / Label,
/// found by the texts of its header row, not by position) and the eligible-population tables.
public enum CodebookTemplateReader {
    /// Why a template cannot be read as a codebook.
    public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
        case file(FileError)
        case noCodesSheet(file: String, expected: String, found: [String], suggestion: String?)
        case noCodesHeader(file: String, sheet: String)
        case noQuestions(file: String, sheet: String, row: Int)

        public var description: String {
            switch self {
            case let .file(error): return error.description
            case let .noCodesSheet(file, expected, found, suggestion):
                return "\(file): no codes sheet \"\(expected)\": the codebook's codes and labels are read from it; sheets found: \(found.map { "\"\($0)\"" }.joined(separator: ", "))"
                    + (suggestion.map { "; did you mean \"\($0)\"? (give it with --codes-sheet)" } ?? "; give the codes sheet with --codes-sheet")
            case let .noCodesHeader(file, sheet):
                return "\(file), sheet \"\(sheet)\": no header row with \"Field\", \"Code\" and \"Label\" in the first 20 rows"
            case let .noQuestions(file, sheet, row):
                return "\(file), sheet \"\(sheet)\", row \(row): no question columns (headers starting \"Q1 - \", \"Q2a - \", …)"
            }
        }
    }

    /// Reads `path`. `dataSheet` is the data sheet's exact name; the codes sheet is `codesSheet`
    /// or, by default, the data sheet's name followed by " - Codes" (any dash).
    public static func read(path: String, dataSheet: String, codesSheet: String? = nil, headerRow: Int = 1,
                            populationSheet: String? = "Eligible Population") throws(ReadError) -> CodebookTemplate {
        let workbook: XLSXWorkbook
        do { workbook = try XLSXWorkbook(path: path) } catch { throw .file(error) }
        let names = workbook.sheetNames
        guard names.contains(dataSheet) else {
            throw .file(.sheetNotFound(file: path, expected: dataSheet, found: names,
                                       suggestion: XLSXSheetSuggestion.nearest(to: dataSheet, in: names)))
        }
        let expectedCodes = codesSheet ?? "\(dataSheet) - Codes"
        let key = TemplateText.matchKey(expectedCodes)
        guard let codes = names.first(where: { $0 == expectedCodes }) ?? names.first(where: { TemplateText.matchKey($0) == key }) else {
            throw .noCodesSheet(file: path, expected: expectedCodes, found: names,
                                suggestion: XLSXSheetSuggestion.nearest(to: expectedCodes, in: names))
        }
        var sink = XLSXGridSink()
        do { try workbook.readSheet(dataSheet, upToRow: headerRow, into: &sink) } catch { throw .file(error) }
        let columns = Self.columns(sink.grid[headerRow] ?? [:])
        guard !columns.isEmpty else { throw .noQuestions(file: path, sheet: dataSheet, row: headerRow) }
        let grid: [Int: [Int: String]]
        do { grid = try workbook.readGrid(sheet: codes) } catch { throw .file(error) }
        let blocks = try Self.blocks(grid, file: path, sheet: codes)
        var tables: [CodebookTemplate.PopulationTable] = []
        var populationName: String?
        if let populationSheet, names.contains(populationSheet) {
            populationName = populationSheet
            do { tables = Self.populationTables(try workbook.readGrid(sheet: populationSheet)) } catch { throw .file(error) }
        }
        return CodebookTemplate(path: path, sheetNames: names, dataSheet: dataSheet, codesSheet: codes, headerRow: headerRow,
                                columns: columns, blocks: blocks, surveyYear: Self.surveyYear(names),
                                populationSheet: populationName, populationTables: tables)
    }

    /// Header cells in column order, up to the last question column (later ones are the template's helpers).
    static func columns(_ row: [Int: String]) -> [CodebookTemplate.Column] {
        let all = row.keys.sorted().compactMap { index -> CodebookTemplate.Column? in
            let header = row[index] ?? ""
            guard !header.templateTrimmed.isEmpty else { return nil }
            let lower = header.lowercased()
            let id = TemplateText.questionID(header)
            return CodebookTemplate.Column(letter: XLSXCellRef.columnName(index), header: header, questionID: id,
                                           questionText: id == nil ? nil : TemplateText.questionText(header),
                                           voluntary: lower.contains("voluntary"),
                                           generated: lower.contains("automatically generated") || lower.contains("nhs digital use only"))
        }
        guard let last = all.lastIndex(where: { $0.questionID != nil }) else { return [] }
        return Array(all[...last])
    }

    /// Blocks of the codes sheet: a title in the Field column starts a block; every row with a
    /// whole number in the Code column adds a code with the Label column's text (trimmed).
    static func blocks(_ grid: [Int: [Int: String]], file: String, sheet: String) throws(ReadError) -> [CodebookTemplate.CodesBlock] {
        var header: (row: Int, field: Int, code: Int, label: Int)?
        for r in grid.keys.sorted() where r <= 20 {
            let cells = grid[r] ?? [:]
            func find(_ text: String) -> Int? { cells.first { $0.value.templateTrimmed.lowercased() == text }?.key }
            if let f = find("field"), let c = find("code"), let l = find("label") { header = (r, f, c, l); break }
        }
        guard let header else { throw .noCodesHeader(file: file, sheet: sheet) }
        var blocks: [CodebookTemplate.CodesBlock] = []
        for r in grid.keys.sorted() where r > header.row {
            let cells = grid[r] ?? [:]
            if let title = cells[header.field], !title.templateTrimmed.isEmpty {
                let trimmed = title.templateTrimmed
                blocks.append(.init(title: trimmed, row: r, codes: [], questionID: TemplateText.blockQuestionID(trimmed),
                                    easyRead: trimmed.lowercased().contains("(easy-read questionnaire)")))
            }
            guard let text = cells[header.code], let value = Double(text.templateTrimmed), value == value.rounded(),
                  !blocks.isEmpty else { continue }
            blocks[blocks.count - 1].codes.append(CodeLabel(code: Int(value), label: (cells[header.label] ?? "").templateTrimmed))
        }
        return blocks
    }

    /// Tables of the population sheet: a row whose column B says "Gender" and whose later columns
    /// say "Support Setting: …" is a table header; its data rows follow while column C is filled.
    static func populationTables(_ grid: [Int: [Int: String]]) -> [CodebookTemplate.PopulationTable] {
        var tables: [CodebookTemplate.PopulationTable] = []
        var title = ""
        for r in grid.keys.sorted() {
            let cells = grid[r] ?? [:]
            if let b = cells[1], b.hasPrefix("Table ") { title = b }
            guard cells[1]?.templateTrimmed == "Gender" else { continue }
            var columns: [String: String] = [:]
            for (index, text) in cells where text.hasPrefix("Support Setting") { columns[XLSXCellRef.columnName(index)] = text }
            var count = 0
            while grid[r + 1 + count]?[2].map({ !$0.templateTrimmed.isEmpty }) == true { count += 1 }
            tables.append(.init(title: title, firstRow: r + 1, rowCount: count, columns: columns))
        }
        return tables
    }

    /// `2021-22` from a sheet named like "2021-22 Changes".
    static func surveyYear(_ names: [String]) -> String? {
        for name in names {
            guard let head = name.split(separator: " ").first.map(String.init), CodebookImporter.isSurveyYear(head) else { continue }
            return head
        }
        return nil
    }
}
