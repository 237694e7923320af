import SurveyModel

/// Finds councils given by more than one file (two workbooks, or a CSV and a workbook), so no
/// respondent is counted twice. For each later file's rows of a council:
/// - no serial number in common with the earlier files: a return split over files, combined
///   (`council-split-over-files` warning);
/// - every row repeats an earlier row exactly (same serial, same answers): counted once
///   (`duplicate-council-rows` warning);
/// - otherwise a `council-in-two-files` error naming both files, and the later file's rows of that
///   council are left out.
/// Rows left out are counted in `ReadSummary.rowsNotUsed` of their file.
enum DuplicateCouncils {
    struct Outcome {
        var keep: [Bool]
        var diagnostics: [Diagnostic]
        /// Rows left out, per source file index of the table.
        var notUsed: [Int: Int]
    }

    static func check(_ table: ResponseTable) -> Outcome? {
        // The common case first: every council's rows come from one source (nothing repeated).
        guard hasCouncilInTwoSources(table) else { return nil }
        // (council, source) → rows, in row order.
        var rowsOf: [Int32: [Int32: [Int]]] = [:]
        for row in 0..<table.count { rowsOf[table.council[row], default: [:]][table.source[row], default: []].append(row) }
        let repeated = rowsOf.filter { $0.value.count > 1 }
        guard !repeated.isEmpty else { return nil }
        // Fields both kinds of file carry (the workbook-only ones are blank in a CSV).
        let fields = table.codebook.fields.indices.filter { table.codebook.fields[$0].isCoded && !table.codebook.fields[$0].isExcelOnly }
        var keep = [Bool](repeating: true, count: table.count)
        var diagnostics: [Diagnostic] = []
        var notUsed: [Int: Int] = [:]
        for (council, bySource) in repeated.sorted(by: { $0.key < $1.key }) {
            let code = table.councils[Int(council)]
            let sources = bySource.keys.sorted()
            // Serial → row of the rows kept so far for this council.
            var kept: [String: Int] = [:]
            for row in bySource[sources[0]]! where !table.serial[row].isEmpty { kept[table.serial[row]] = row }
            var keptFiles = [table.sources[Int(sources[0])]]
            for source in sources.dropFirst() {
                let rows = bySource[source]!
                let file = table.sources[Int(source)]
                let earlier = keptFiles.map(describe).joined(separator: " and ")
                let overlapping = rows.filter { kept[table.serial[$0]] != nil }
                if overlapping.isEmpty {
                    // A council's return split over files (no serial in common): combined.
                    diagnostics.append(.warning("council-split-over-files", "council \(code) is also in \(earlier); no serial number is in both, so the rows are combined as one return",
                                                file: file.path, sheet: file.sheet, column: table.codebook.councilFieldName, value: code))
                    for row in rows where !table.serial[row].isEmpty { kept[table.serial[row]] = row }
                    keptFiles.append(file)
                    continue
                }
                let identical = overlapping.count == rows.count && rows.allSatisfy { row in
                    let other = kept[table.serial[row]]!
                    return fields.allSatisfy { table.columns[$0][row] == table.columns[$0][other] }
                }
                for row in rows { keep[row] = false }
                notUsed[Int(source), default: 0] += rows.count
                if identical {
                    diagnostics.append(.warning("duplicate-council-rows", "the \(rows.count) rows of council \(code) repeat rows of \(earlier) exactly (same serial numbers and answers); they are counted once",
                                                file: file.path, sheet: file.sheet, column: table.codebook.councilFieldName, value: code))
                    // Each row left out, traceable to the row it repeats.
                    for row in rows {
                        let other = kept[table.serial[row]]!
                        let src = table.sources[Int(table.source[other])]
                        diagnostics.append(.warning("duplicate-serial", "serial number \(table.serial[row]) of council \(code) repeats \(src.path)\(src.sheet.map { ", sheet \"\($0)\"" } ?? ""), row \(table.sourceRow[other]) exactly; counted once",
                                                    file: file.path, sheet: file.sheet, row: Int(table.sourceRow[row]), column: table.codebook.serialFieldName, value: table.serial[row]))
                    }
                } else {
                    let differing = overlapping.count < rows.count ? "\(rows.count - overlapping.count) of its \(rows.count) rows are not there" : "rows with the same serial numbers have different answers"
                    diagnostics.append(.error("council-in-two-files", "council \(code) is also in \(earlier), with \(overlapping.count) of the same serial numbers, but the files differ (\(differing)); this file's \(rows.count) rows of council \(code) are left out so no respondent is counted twice. Give each council once",
                                              file: file.path, sheet: file.sheet, column: table.codebook.councilFieldName, value: code))
                }
            }
        }
        return Outcome(keep: keep, diagnostics: diagnostics, notUsed: notUsed)
    }

    /// Whether some council has rows from more than one source (what makes `check` look further).
    static func hasCouncilInTwoSources(_ table: ResponseTable) -> Bool {
        var firstSource = [Int32](repeating: -1, count: table.councils.count)
        for row in 0..<table.count {
            let c = Int(table.council[row])
            let s = table.source[row]
            if firstSource[c] < 0 { firstSource[c] = s } else if firstSource[c] != s { return true }
        }
        return false
    }

    static func describe(_ file: SourceFile) -> String { file.path + (file.sheet.map { " [\($0)]" } ?? "") }
}
