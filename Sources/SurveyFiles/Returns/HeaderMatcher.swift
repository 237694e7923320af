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
        if let fast = normalisedSimple(header) { return fast }
        return normalisedByCharacters(header)
    }

    /// The definition: lower-cased, then the characters (grapheme clusters) of the set removed —
    /// a CR LF pair is one character of the set, so a lone CR or LF stays.
    static func normalisedByCharacters(_ header: String) -> String {
        var out = ""
        out.reserveCapacity(header.count)
        for ch in header.lowercased() where !" _[]()\r\n\t".contains(ch) { out.append(ch) }
        return out
    }

    /// The same result byte by byte, without grapheme breaking (which made matching 150
    /// workbooks' headers a quarter of `validate`'s time): only for headers whose scalars are
    /// ASCII, Latin-1 or general punctuation — none of which joins a neighbour into one grapheme
    /// (CR LF apart) or lower-cases to more than one scalar. Anything else: nil (use the definition).
    static func normalisedSimple(_ header: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(header.utf8.count)
        var pendingCR = false
        for scalar in header.unicodeScalars {
            let v = scalar.value
            if pendingCR {
                pendingCR = false
                if v == 0x0A { continue }  // CR LF: one character of the set, removed
                out.append(0x0D)
            }
            switch v {
            case 0x0D:
                pendingCR = true
            case 0x20, 0x5F, 0x5B, 0x5D, 0x28, 0x29, 0x09:  // space _ [ ] ( ) tab
                continue
            case 0x41...0x5A:
                out.append(UInt8(v + 0x20))
            case 0x00...0x7F:
                out.append(UInt8(v))
            case 0xC0...0xDE where v != 0xD7:  // Latin-1 capitals: one scalar lower case, 0x20 on
                out.append(contentsOf: Unicode.Scalar(v + 0x20)!.utf8)
            case 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x20AC:
                out.append(contentsOf: scalar.utf8)
            default:
                return nil
            }
        }
        if pendingCR { out.append(0x0D) }
        return String(decoding: out, as: UTF8.self)
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
