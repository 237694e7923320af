import SurveyModel

/// Maps a file's header row to codebook fields.
///
/// - CSV (our tidy form): exact column names, case-insensitive.
/// - Excel (the official return): the header is normalised (lower case; spaces, line breaks,
///   `_`, `[`, `]`, `(` and `)` removed) and each field's `key` is looked for as a substring,
///   fields in codebook order, each column claimed once, only up to the last question column
///   (the template's helper formulas after it are ignored).
struct HeaderMatcher {
    enum Mode { case csv, excel }

    struct Result {
        /// Source column → field index (or -1 = ignored).
        var columnField: [Int]
        /// Field index → source column (or nil = absent).
        var fieldColumn: [Int?]
        var ignoredColumns: [(column: Int, name: String)]
        var duplicateColumns: [(column: Int, name: String)]
        var tidyNames: Set<String> {
            Set(fieldColumn.enumerated().compactMap { $0.element == nil ? nil : fields[$0.offset].name })
        }
        let fields: [Field]
        /// Number of fields found.
        var matched: Int { fieldColumn.lazy.filter { $0 != nil }.count }
    }

    static func normalise(_ header: String) -> String {
        var out = ""
        out.reserveCapacity(header.count)
        for ch in header.lowercased() where !" _[]()\r\n\t".contains(ch) { out.append(ch) }
        return out
    }

    static func match(header: [String], codebook: Codebook, mode: Mode) -> Result {
        let fields = codebook.fields
        var columnField = Array(repeating: -1, count: header.count)
        var fieldColumn = [Int?](repeating: nil, count: fields.count)
        var ignored: [(Int, String)] = []
        var duplicates: [(Int, String)] = []
        switch mode {
        case .csv:
            var byName: [String: Int] = [:]
            for (index, field) in fields.enumerated() { byName[field.name.lowercased()] = index }
            for (column, raw) in header.enumerated() {
                let name = raw.trimmingCharacters(in: .whitespaces)
                if name.isEmpty { continue }
                if let index = byName[name.lowercased()] {
                    if fieldColumn[index] == nil {
                        fieldColumn[index] = column
                        columnField[column] = index
                    } else {
                        duplicates.append((column, name))
                    }
                } else {
                    ignored.append((column, name))
                }
            }
        case .excel:
            let normalised = header.map(normalise)
            let questionKeys = fields.filter(\.isQuestion).compactMap(\.key)
            let lastQuestion = normalised.lastIndex { h in questionKeys.contains { h.hasPrefix($0) } } ?? (normalised.count - 1)
            var claimed = Array(repeating: false, count: header.count)
            for (index, field) in fields.enumerated() {
                guard let key = field.key else { continue }
                let isQuestionKey = field.isQuestion
                for column in 0...max(0, min(lastQuestion, normalised.count - 1)) where column < normalised.count && !claimed[column] {
                    let h = normalised[column]
                    if isQuestionKey ? h.hasPrefix(key) : h.contains(key) {
                        claimed[column] = true
                        fieldColumn[index] = column
                        columnField[column] = index
                        break
                    }
                }
            }
            for column in 0..<header.count where !claimed[column] && column <= lastQuestion {
                let name = header[column].trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty { ignored.append((column, name)) }
            }
        }
        return Result(columnField: columnField, fieldColumn: fieldColumn, ignoredColumns: ignored,
                      duplicateColumns: duplicates, fields: fields)
    }
}

import Foundation
