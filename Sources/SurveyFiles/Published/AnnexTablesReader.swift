import Foundation
import SurveyModel

/// Reads the ASCS annex tables workbook (benchmarking.md §2.2): sheets "T1a" (percentages and
/// respondents by council), "T1b" (weighted counts) and "T5" (margins of error), each found by the
/// start of its name. In each sheet the header row is the one whose first cell starts with
/// "CASSR Code"; the row above holds the question headings, each spanning its answer columns up
/// to the next heading. Data rows follow until the first empty row. Percentages and margins are
/// divided by 100; markers are typed missing values, counted by kind.
public enum AnnexTablesReader {
    enum Table: String, CaseIterable { case percent = "T1a", count = "T1b", margin = "T5" }

    public static func read(path: String, year: String? = nil) throws(FileError) -> AnnexTables {
        guard let year = PublishedYear.fromFileName(path) ?? year else {
            throw .malformed(file: path, sheet: nil, row: nil, column: nil,
                             reason: "cannot tell the survey year from the file name (such as 2020-21); give it with --year")
        }
        let workbook = try XLSXWorkbook(path: path)
        var answers: [AnswerKey: AnnexAnswer] = [:]
        var order: [AnswerKey] = []
        var areas: [AnnexArea] = []
        var markers: [String: [String: Int]] = [:]
        var cellsRead: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for table in Table.allCases {
            guard let sheet = workbook.sheetNames.first(where: { $0.hasPrefix(table.rawValue + " ") || $0 == table.rawValue }) else {
                throw .sheetNotFound(file: path, expected: table.rawValue, found: workbook.sheetNames, suggestion: nil)
            }
            let grid = try workbook.readGrid(sheet: sheet)
            guard let headerRow = grid.keys.sorted().first(where: { key(grid[$0]?[0]).hasPrefix("cassrcode") }) else {
                throw .malformed(file: path, sheet: sheet, row: nil, column: nil, reason: "no header row starting with \"CASSR Code\"")
            }
            let header = grid[headerRow] ?? [:]
            let headings = grid[headerRow - 1] ?? [:]
            let columns = header.keys.sorted()
            guard let onsColumn = columns.first(where: { key(header[$0]).hasPrefix("onsareacode") }),
                  let nameColumn = columns.first(where: { key(header[$0]).hasPrefix("cassrname") }) else {
                throw .missingColumns(file: path, sheet: sheet, columns: ["ONS area code", "CASSR name"])
            }
            // Answer columns: question = the last heading at or left of the column.
            var questionOf: [Int: String] = [:]
            var current: String?
            for column in 0...(columns.last ?? 0) where column > nameColumn {
                if let heading = headings[column].map(trimmedSpaces), !heading.isEmpty { current = heading }
                guard let label = header[column].map(trimmedSpaces), !label.isEmpty else { continue }
                guard let current else {
                    diagnostics.append(Diagnostic(severity: .warning, file: path, sheet: sheet, row: headerRow, column: columnName(column),
                                                  value: label, rule: "no-question", message: "answer column without a question heading; not read"))
                    continue
                }
                questionOf[column] = current
            }
            var row = headerRow + 1
            var sheetMarkers: [String: Int] = [:]
            while let cells = grid[row], !cells.isEmpty {
                let name = trimmedSpaces(cells[nameColumn] ?? "")
                let code = trimmedSpaces(cells[0] ?? "")
                if code.isEmpty && name.isEmpty { break }
                let isAverage = code.isEmpty
                let area = isAverage ? name : code
                if table == .percent { areas.append(AnnexArea(code: area, ons: cells[onsColumn].map(trimmedSpaces), name: name, isAverage: isAverage)) }
                var occurrence: [String: Int] = [:]
                var keysOfQuestion: [String: [AnswerKey]] = [:]
                for (column, question) in questionOf.sorted(by: { $0.key < $1.key }) {
                    let label = trimmedSpaces(header[column] ?? "")
                    guard let text = cells[column], let value = PublishedValue.parse(text) else { continue }
                    cellsRead[sheet, default: 0] += 1
                    if let marker = value.marker {
                        sheetMarkers[marker.rawValue, default: 0] += 1
                        if marker == .unrecognised {
                            diagnostics.append(Diagnostic(severity: .warning, file: path, sheet: sheet, row: row, column: columnName(column),
                                                          value: text, rule: "not-a-number", message: "neither a number nor a marker; kept as missing"))
                        }
                    }
                    let isRespondents = key(label).hasSuffix("respondents")
                    if isRespondents {
                        // The question's respondents: set on every answer of the question.
                        if table == .percent { for k in keysOfQuestion[question] ?? [] { answers[k]?.respondents = value } }
                        continue
                    }
                    let n = occurrence[question + "\u{1}" + label, default: 0]
                    occurrence[question + "\u{1}" + label] = n + 1
                    let k = AnswerKey(area: area, question: question, answer: label, occurrence: n)
                    keysOfQuestion[question, default: []].append(k)
                    if answers[k] == nil {
                        answers[k] = AnnexAnswer(area: area, question: question, answer: label)
                        order.append(k)
                    }
                    let scaled = value.number.map { PublishedValue.number($0 / 100) } ?? value
                    switch table {
                    case .percent: answers[k]?.percent = scaled
                    case .count: answers[k]?.weightedCount = value
                    case .margin: answers[k]?.marginOfError = scaled
                    }
                }
                row += 1
            }
            markers[sheet] = sheetMarkers
        }
        return AnnexTables(path: path, year: year, answers: order.compactMap { answers[$0] }, areas: areas, markers: markers,
                           cellsRead: cellsRead, diagnostics: diagnostics)
    }

    struct AnswerKey: Hashable { var area, question, answer: String; var occurrence: Int }

    static func key(_ text: String?) -> String { String((text ?? "").lowercased().filter { $0.isLetter || $0.isNumber }) }

    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
