import Foundation
import SurveyFiles

/// A workbook of `ReportTable`s laid out as the official statistics publish them (the ASCS annex
/// tables): a Contents sheet linking to every sheet, a Notes sheet (method, interval, what the
/// markers mean), then one table per sheet — title in A1, a description in A2, the header row,
/// panes frozen below the header, no merged cells, widths that fit. Numbers are numeric cells
/// with their full value and a display format; markers (`[c]`, `[x]`, `[z]`) and all other text
/// are text cells, never formulas.
public enum ReportWorkbook {
    /// Builds the workbook's bytes. `notes` are numbered in order on the Notes sheet.
    public static func data(title: String, tables: [ReportTable], notes: [String]) throws(XLSXWriter.WriteError) -> Data {
        var taken: Set<String> = ["contents", "notes"]
        var names: [String] = []
        for table in tables {
            let name = safeSheetName(table.sheetName, taken: taken)
            taken.insert(name.lowercased())
            names.append(name)
        }
        var sheets = [contents(title: title, tables: tables, names: names), notesSheet(notes)]
        for (table, name) in zip(tables, names) { sheets.append(sheet(table, name: name)) }
        return try XLSXWriter.data(sheets: sheets)
    }

    /// Writes the workbook atomically, refusing to write over any of `inputs`.
    public static func write(title: String, tables: [ReportTable], notes: [String], to path: String,
                             inputs: [String]) throws -> Void {
        let bytes = try data(title: title, tables: tables, notes: notes)
        try OutputFile.write(bytes, to: path, inputs: inputs)
    }

    /// A sheet name Excel accepts: forbidden characters (`[ ] : * ? / \`) become `-`, leading and
    /// trailing apostrophes are dropped, at most 31 characters, unique ignoring case (a number is
    /// appended when needed), never the reserved "History".
    public static func safeSheetName(_ proposed: String, taken: Set<String>) -> String {
        var name = String(proposed.map { "[]:*?/\\".contains($0) || $0.unicodeScalars.contains { $0.value < 0x20 } ? "-" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        if name.isEmpty || name.lowercased() == "history" { name = "Table" + name }
        name = String(name.prefix(31))
        var candidate = name
        var n = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = String(name.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        return candidate
    }

    // MARK: - Sheets

    static let freezeNote = "Freeze panes are on: the header row stays in view (View > Freeze Panes > Unfreeze Panes turns it off)."

    private static func contents(title: String, tables: [ReportTable], names: [String]) -> XLSXWriter.Sheet {
        var rows: [[XLSXWriter.Value?]] = [
            [.styled(title, .title)],
            [.text("This workbook contains \(tables.count) table\(tables.count == 1 ? "" : "s"), one per sheet. Select a sheet name to go to it; notes are on the Notes sheet.")],
            [.styled("Sheet name", .header), .styled("Table", .header)],
            [.styled("Notes", .link), .text("Notes: method, interval, and what the markers [c], [x] and [z] mean")],
        ]
        var links = [XLSXWriter.Link(row: 3, column: 0, location: location("Notes"))]
        for (table, name) in zip(tables, names) {
            links.append(XLSXWriter.Link(row: rows.count, column: 0, location: location(name)))
            rows.append([.styled(name, .link), .text(table.title)])
        }
        var sheet = XLSXWriter.Sheet(name: "Contents", rows: rows)
        sheet.frozenRows = 3
        sheet.columnWidths = [Double(max(12, names.map(\.count).max() ?? 0) + 2),
                              Double(min(100, max(20, tables.map(\.title.count).max() ?? 0) + 2))]
        sheet.links = links
        return sheet
    }

    private static func notesSheet(_ notes: [String]) -> XLSXWriter.Sheet {
        var rows: [[XLSXWriter.Value?]] = [
            [.styled("Notes", .title)],
            [.text("The notes referred to in the tables, to be read alongside the figures.")],
            [.styled("Note number", .header), .styled("Note text", .header)],
        ]
        for (i, note) in notes.enumerated() { rows.append([.formatted(Double(i + 1), .whole), .styled(note, .wrapped)]) }
        var sheet = XLSXWriter.Sheet(name: "Notes", rows: rows)
        sheet.frozenRows = 3
        sheet.columnWidths = [13, 100]
        return sheet
    }

    /// Title (A1), description (A2), optional group headings, header, data.
    static func sheet(_ table: ReportTable, name: String) -> XLSXWriter.Sheet {
        var rows: [[XLSXWriter.Value?]] = []
        rows.reserveCapacity(table.rows.count + 4)
        rows.append([.styled(table.title, .title)])
        rows.append([.text(table.description.isEmpty ? freezeNote : table.description + " " + freezeNote)])
        if !table.groupHeadings.isEmpty { rows.append(table.groupHeadings.map { $0.map { .styled($0, .header) } }) }
        rows.append(table.columns.map { .styled($0.name, .header) })
        var widths = table.columns.map { Double($0.name.count) }
        for (i, width) in table.groupHeadings.enumerated() where i < widths.count {
            // A heading spills over its group's columns; only a lone heading widens its column.
            if let width, i + 1 >= table.groupHeadings.count || table.groupHeadings[i + 1] != nil {
                widths[i] = max(widths[i], Double(min(width.count, 40)))
            }
        }
        for (r, row) in table.rows.enumerated() {
            var cells: [XLSXWriter.Value?] = []
            cells.reserveCapacity(row.count)
            for (c, cell) in row.enumerated() {
                let format = c < table.columns.count ? table.format(row: r, column: c) : .general
                let value = self.value(cell, format)
                if c < widths.count { widths[c] = max(widths[c], displayWidth(cell, format)) }
                cells.append(value)
            }
            rows.append(cells)
        }
        var sheet = XLSXWriter.Sheet(name: name, rows: rows)
        sheet.frozenRows = table.groupHeadings.isEmpty ? 3 : 4
        sheet.frozenColumns = table.frozenColumns
        sheet.columnWidths = widths.map { min($0 + 2, 60) }
        return sheet
    }

    @inline(__always)
    static func value(_ cell: CSVWriter.Cell, _ format: ReportTable.Format) -> XLSXWriter.Value? {
        switch cell {
        case .empty: return nil
        case let .text(s): return s.isEmpty ? nil : .text(s)
        case let .integer(n): return style(format).map { .formatted(Double(n), $0) } ?? .integer(n)
        case let .number(d): return d.isFinite ? (style(format).map { .formatted(d, $0) } ?? .number(d)) : nil
        }
    }

    private static func style(_ format: ReportTable.Format) -> XLSXWriter.Style? {
        switch format {
        case .text, .general: return nil
        case .count: return .count
        case .whole: return .whole
        case .percent, .estimate: return .percent
        case .decimal: return .decimal
        case .pValue: return .pValue
        }
    }

    /// About how many characters the cell shows.
    @inline(__always)
    private static func displayWidth(_ cell: CSVWriter.Cell, _ format: ReportTable.Format) -> Double {
        switch cell {
        case .empty: return 0
        case let .text(s): return Double(min(s.utf8.count, 60))
        case let .integer(n): return Double(String(n).count + (format == .count ? 2 : 0))
        case let .number(d):
            switch format {
            case .percent, .estimate: return 7
            case .decimal: return 8
            case .pValue: return 7
            case .count: return Double(String(Int(min(max(d, -1e15), 1e15))).count) * 1.4
            case .whole: return Double(String(Int(min(max(d, -1e15), 1e15))).count)
            case .text, .general: return 11
            }
        }
    }

    /// `'Sheet name'!A1`, apostrophes in the name doubled.
    static func location(_ sheet: String) -> String {
        "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!A1"
    }
}
