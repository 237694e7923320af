/// Renders one worksheet's XML (`xl/worksheets/sheetN.xml`) as bytes, streamed into the zip entry
/// in pieces (the whole sheet is never held as XML).
enum XLSXSheetXML {
    /// How cells refer to strings and styles: the writer's own package uses the shared-string
    /// table and its own style sheet; a sheet added to another workbook uses inline strings (the
    /// workbook's shared strings stay untouched) and that workbook's style indexes.
    struct Options {
        var inlineStrings = false
        /// Style index per `XLSXWriter.Style.rawValue` (nil: the writer's own style sheet).
        var styleIDs: [Int]?
    }

    static func render(_ sheet: XLSXWriter.Sheet, strings: inout XLSXSharedStringTable,
                       into archive: inout ZipArchiveWriter) throws(ZipArchiveWriter.Failure) {
        try render(sheet, strings: &strings, options: Options()) { (bytes: [UInt8]) throws(ZipArchiveWriter.Failure) in
            try archive.append(bytes)
        }
    }

    /// A whole sheet's XML with inline strings and the given style indexes.
    static func bytes(_ sheet: XLSXWriter.Sheet, inlineStyles styleIDs: [Int]) throws(ZipArchiveWriter.Failure) -> [UInt8] {
        var strings = XLSXSharedStringTable()
        var out: [UInt8] = []
        try render(sheet, strings: &strings, options: Options(inlineStrings: true, styleIDs: styleIDs)) { (bytes: [UInt8]) throws(ZipArchiveWriter.Failure) in
            out.append(contentsOf: bytes)
        }
        return out
    }

    static func render(_ sheet: XLSXWriter.Sheet, strings: inout XLSXSharedStringTable, options: Options,
                       flush: ([UInt8]) throws(ZipArchiveWriter.Failure) -> Void) throws(ZipArchiveWriter.Failure) {
        let widest = max(sheet.rows.map(\.count).max() ?? 0, 1)
        let letters = (0..<widest).map { Array(XLSXCellRef.columnName($0).utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 18)
        out.append(contentsOf: XLSXPackageParts.declaration)
        out.append(contentsOf: "<worksheet xmlns=\"\(XLSXPackageParts.mainNamespace)\" xmlns:r=\"\(XLSXPackageParts.relationshipNamespace)\">".utf8)
        let lastRow = sheet.rows.lastIndex { row in row.contains { $0 != nil } }.map { $0 + 1 } ?? 1
        out.append(contentsOf: "<dimension ref=\"A1:\(XLSXCellRef.columnName(widest - 1))\(lastRow)\"/>".utf8)
        out.append(contentsOf: sheetViews(rows: sheet.frozenRows, columns: sheet.frozenColumns).utf8)
        out.append(contentsOf: columns(sheet.columnWidths).utf8)
        out.append(contentsOf: "<sheetData>".utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { $0 != nil }) {
            decimal(rowIndex + 1, into: &digits)
            let rowDigits = digits
            out.append(contentsOf: "<row r=\"".utf8)
            out.append(contentsOf: rowDigits)
            out.append(contentsOf: "\">".utf8)
            for (column, value) in row.enumerated() {
                guard let value else { continue }
                cell(value, letters[column], rowDigits, strings: &strings, options: options, digits: &digits, to: &out)
            }
            out.append(contentsOf: "</row>".utf8)
            if out.count >= 1 << 18 {
                try flush(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.append(contentsOf: "</sheetData>".utf8)
        out.append(contentsOf: hyperlinks(sheet.links).utf8)
        out.append(contentsOf: "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>".utf8)
        try flush(out)
    }

    @inline(__always)
    private static func cell(_ value: XLSXWriter.Value, _ letters: [UInt8], _ rowDigits: [UInt8], strings: inout XLSXSharedStringTable,
                             options: Options, digits: inout [UInt8], to out: inout [UInt8]) {
        func style(_ s: XLSXWriter.Style) -> Int { options.styleIDs?[s.rawValue] ?? s.rawValue }
        func text(_ s: String, _ st: XLSXWriter.Style) {
            if options.inlineStrings {
                openCell(letters, rowDigits, type: "inlineStr", style: style(st), to: &out, value: false)
                out.append(contentsOf: "<is><t xml:space=\"preserve\">".utf8)
                XLSXEscape.appendText(s, to: &out)
                out.append(contentsOf: "</t></is></c>".utf8)
                return
            }
            openCell(letters, rowDigits, type: "s", style: style(st), to: &out)
            decimal(strings.index(of: s), into: &digits)
            out.append(contentsOf: digits)
            out.append(contentsOf: "</v></c>".utf8)
        }
        switch value {
        case let .integer(n):
            openCell(letters, rowDigits, type: nil, style: style(.normal), to: &out)
            decimal(n, into: &digits)
            out.append(contentsOf: digits)
        case let .number(d):
            guard d.isFinite else { return }
            openCell(letters, rowDigits, type: nil, style: style(.normal), to: &out)
            number(d, into: &digits, out: &out)
        case let .formatted(d, st):
            guard d.isFinite else { return }
            openCell(letters, rowDigits, type: nil, style: style(st), to: &out)
            number(d, into: &digits, out: &out)
        case let .text(s):
            text(s, .normal)
            return
        case let .styled(s, st):
            text(s, st)
            return
        }
        out.append(contentsOf: "</v></c>".utf8)
    }

    /// Whole numbers as integers; others in Swift's shortest round-trip form (full precision).
    @inline(__always)
    private static func number(_ d: Double, into digits: inout [UInt8], out: inout [UInt8]) {
        if d == d.rounded(), abs(d) < 1e15 {
            decimal(Int(d), into: &digits)
            out.append(contentsOf: digits)
        } else {
            out.append(contentsOf: "\(d)".utf8)
        }
    }

    private static func sheetViews(rows: Int, columns: Int) -> String {
        guard rows > 0 || columns > 0 else { return "" }
        let topLeft = XLSXCellRef.columnName(columns) + String(rows + 1)
        let pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
        var attributes = ""
        if columns > 0 { attributes += " xSplit=\"\(columns)\"" }
        if rows > 0 { attributes += " ySplit=\"\(rows)\"" }
        return "<sheetViews><sheetView workbookViewId=\"0\"><pane\(attributes) topLeftCell=\"\(topLeft)\" "
            + "activePane=\"\(pane)\" state=\"frozen\"/><selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
            + "</sheetView></sheetViews>"
    }

    private static func columns(_ widths: [Double?]) -> String {
        let set = widths.enumerated().compactMap { index, width in width.map { (index, $0) } }
        guard !set.isEmpty else { return "" }
        var xml = "<cols>"
        for (index, width) in set {
            let w = (min(max(width, 1), 255) * 100).rounded() / 100
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
        }
        return xml + "</cols>"
    }

    private static func hyperlinks(_ links: [XLSXWriter.Link]) -> String {
        guard !links.isEmpty else { return "" }
        var xml = "<hyperlinks>"
        for link in links {
            xml += "<hyperlink ref=\"\(XLSXCellRef.columnName(link.column))\(link.row + 1)\" location=\"\(XLSXEscape.attribute(link.location))\"/>"
        }
        return xml + "</hyperlinks>"
    }

    @inline(__always)
    private static func openCell(_ letters: [UInt8], _ row: [UInt8], type: String?, style: Int, to out: inout [UInt8], value: Bool = true) {
        out.append(contentsOf: "<c r=\"".utf8)
        out.append(contentsOf: letters)
        out.append(contentsOf: row)
        if style != 0 {
            out.append(contentsOf: "\" s=\"".utf8)
            out.append(contentsOf: String(style).utf8)
        }
        if let type {
            out.append(contentsOf: "\" t=\"".utf8)
            out.append(contentsOf: type.utf8)
        }
        out.append(contentsOf: value ? "\"><v>".utf8 : "\">".utf8)
    }

    /// Decimal digits of `n` into `scratch` (replacing its content).
    @inline(__always)
    static func decimal(_ n: Int, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var value = n.magnitude
        repeat {
            scratch.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
        } while value > 0
        if n < 0 { scratch.append(UInt8(ascii: "-")) }
        scratch.reverse()
    }
}
