import SurveyModel

/// The first sheet of an annotated return: every problem, with a link to its cell.
enum XLSXAnnotationList {
    static let header = ["Cell", "Severity", "Sheet", "Row", "Column", "Value", "Rule", "Message"]

    static func sheet(name: String, file: String, diagnostics: [Diagnostic], cells: [XLSXSheetPatcher.Target: Bool],
                      dataSheet: String, columns: [String: Int]) -> XLSXWriter.Sheet {
        let errors = diagnostics.filter { $0.severity == .error }.count
        var rows: [[XLSXWriter.Value?]] = [
            [.styled("Problems found by caresurvey validate", .title)],
            [.text("\(diagnostics.count) problems (\(errors) errors, \(diagnostics.count - errors) warnings) in \(file). "
                   + "Problem cells are highlighted (red: error, amber: warning) and carry a note; select a cell reference to go to it.")],
            header.map { .styled($0, .header) },
        ]
        var links: [XLSXWriter.Link] = []
        for d in diagnostics {
            var cell: XLSXWriter.Value?
            if let target = XLSXAnnotator.cell(of: d, sheet: dataSheet, columns: columns), cells[target] != nil {
                let ref = "\(XLSXCellRef.columnName(target.column))\(target.row)"
                cell = .styled(ref, .link)
                links.append(XLSXWriter.Link(row: rows.count, column: 0,
                                             location: "'\(dataSheet.replacingOccurrences(of: "'", with: "''"))'!\(ref)"))
            }
            rows.append([cell, .text(d.severity.rawValue), d.sheet.map { .text($0) }, d.row.map { .formatted(Double($0), .whole) },
                         d.column.map { .text($0) }, d.value.map { .text($0) }, .text(d.rule), .text(d.message)])
        }
        var sheet = XLSXWriter.Sheet(name: name, rows: rows)
        sheet.frozenRows = 3
        sheet.columnWidths = [8, 9, max(10, Double(dataSheet.count) + 2), 7, 12, 14, 24, 90]
        sheet.links = links
        return sheet
    }
}
