/// Renders one worksheet's XML (`xl/worksheets/sheetN.xml`) straight into bytes.
enum XLSXSheetXML {
    static func render(_ sheet: XLSXWriter.Sheet, strings: inout XLSXSharedStringTable) -> [UInt8] {
        let widest = sheet.rows.map(\.count).max() ?? 0
        let letters = (0..<max(widest, 1)).map { Array(XLSXCellRef.columnName($0).utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(64 + sheet.rows.count * max(widest, 1) * 16)
        out.append(contentsOf: XLSXPackageParts.declaration)
        out.append(contentsOf: "<worksheet xmlns=\"\(XLSXPackageParts.mainNamespace)\" xmlns:r=\"\(XLSXPackageParts.relationshipNamespace)\">".utf8)
        let lastRow = sheet.rows.lastIndex { row in row.contains { $0 != nil } }.map { $0 + 1 } ?? 1
        out.append(contentsOf: "<dimension ref=\"A1:\(XLSXCellRef.columnName(max(widest, 1) - 1))\(lastRow)\"/>".utf8)
        if sheet.freezeHeaderRow {
            out.append(contentsOf: ("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>").utf8)
        }
        out.append(contentsOf: "<sheetData>".utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { $0 != nil }) {
            let rowNumber = rowIndex + 1
            decimal(rowNumber, into: &digits)
            let rowDigits = digits
            out.append(contentsOf: "<row r=\"".utf8)
            out.append(contentsOf: rowDigits)
            out.append(contentsOf: "\">".utf8)
            for (column, value) in row.enumerated() {
                guard let value else { continue }
                switch value {
                case let .integer(n):
                    openCell(letters[column], rowDigits, type: nil, to: &out)
                    decimal(n, into: &digits)
                    out.append(contentsOf: digits)
                case let .number(d):
                    guard d.isFinite else { continue }
                    openCell(letters[column], rowDigits, type: nil, to: &out)
                    if d == d.rounded(), abs(d) < 1e15 {
                        decimal(Int(d), into: &digits)
                        out.append(contentsOf: digits)
                    } else {
                        out.append(contentsOf: "\(d)".utf8)
                    }
                case let .text(s):
                    openCell(letters[column], rowDigits, type: "s", to: &out)
                    decimal(strings.index(of: s), into: &digits)
                    out.append(contentsOf: digits)
                }
                out.append(contentsOf: "</v></c>".utf8)
            }
            out.append(contentsOf: "</row>".utf8)
        }
        out.append(contentsOf: "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>".utf8)
        return out
    }

    @inline(__always)
    private static func openCell(_ letters: [UInt8], _ row: [UInt8], type: String?, to out: inout [UInt8]) {
        out.append(contentsOf: "<c r=\"".utf8)
        out.append(contentsOf: letters)
        out.append(contentsOf: row)
        if let type {
            out.append(contentsOf: "\" t=\"".utf8)
            out.append(contentsOf: type.utf8)
        }
        out.append(contentsOf: "\"><v>".utf8)
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
