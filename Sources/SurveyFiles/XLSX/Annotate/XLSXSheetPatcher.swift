/// Gives cells of one worksheet a new style (`s`) without touching anything else: each target
/// cell's start tag gets its `s` attribute replaced (or added); a target cell that does not exist
/// is inserted empty in its place (and its row, if missing). All other bytes are copied unchanged.
enum XLSXSheetPatcher {
    /// A cell to restyle: 0-based column, 1-based row.
    struct Target: Hashable {
        var row: Int
        var column: Int
    }

    enum Failure: Error { case malformed(String) }

    /// `newStyle(cell, original)` gives the new `s` for a cell whose style was `original` (0 when none).
    static func patch(_ xml: [UInt8], targets: Set<Target>, newStyle: (Target, Int) -> Int) throws(Failure) -> [UInt8] {
        var byRow: [Int: [Int]] = [:]
        for t in targets { byRow[t.row, default: []].append(t.column) }
        for key in byRow.keys { byRow[key]!.sort() }
        let pendingRows = byRow.keys.sorted()
        var nextPending = 0
        var out: [UInt8] = []
        out.reserveCapacity(xml.count + targets.count * 24)
        guard let dataStart = XMLBytes.element("sheetData", in: xml), let dataTag = XMLBytes.tagEnd(xml, dataStart) else {
            throw .malformed("no sheetData")
        }
        func newRows(before limit: Int, into out: inout [UInt8]) {
            while nextPending < pendingRows.count, pendingRows[nextPending] < limit {
                let r = pendingRows[nextPending]
                out.append(contentsOf: "<row r=\"\(r)\">".utf8)
                for c in byRow[r]! { out.append(contentsOf: emptyCell(r, c, newStyle(Target(row: r, column: c), 0)).utf8) }
                out.append(contentsOf: "</row>".utf8)
                nextPending += 1
            }
        }
        if dataTag.selfClosing {
            out.append(contentsOf: xml[0..<dataStart])
            out.append(contentsOf: "<sheetData>".utf8)
            newRows(before: Int.max, into: &out)
            out.append(contentsOf: "</sheetData>".utf8)
            out.append(contentsOf: xml[dataTag.end...])
            return out
        }
        guard let dataEnd = XMLBytes.find("</sheetData>", in: xml, from: dataTag.end) else { throw .malformed("sheetData not closed") }
        out.append(contentsOf: xml[0..<dataTag.end])
        var p = dataTag.end
        var lastRow = 0
        while let rowStart = XMLBytes.element("row", in: xml, from: p, to: dataEnd) {
            guard let tag = XMLBytes.tagEnd(xml, rowStart) else { throw .malformed("unclosed row tag") }
            let r = XMLBytes.attribute("r", in: xml, tag: rowStart, end: tag.end).flatMap { Int($0.value) } ?? lastRow + 1
            out.append(contentsOf: xml[p..<rowStart])
            newRows(before: r, into: &out)
            let rowEnd: Int
            if tag.selfClosing {
                rowEnd = tag.end
            } else {
                guard let close = XMLBytes.find("</row>", in: xml, from: tag.end, to: dataEnd) else { throw .malformed("row \(r) not closed") }
                rowEnd = close + 6
            }
            if let columns = byRow[r] {
                if nextPending < pendingRows.count, pendingRows[nextPending] == r { nextPending += 1 }
                if tag.selfClosing {
                    out.append(contentsOf: xml[rowStart..<(tag.end - 2)])
                    out.append(UInt8(ascii: ">"))
                    for c in columns { out.append(contentsOf: emptyCell(r, c, newStyle(Target(row: r, column: c), 0)).utf8) }
                    out.append(contentsOf: "</row>".utf8)
                } else {
                    out.append(contentsOf: xml[rowStart..<tag.end])
                    try patchCells(xml, from: tag.end, to: rowEnd - 6, row: r, columns: columns, newStyle: newStyle, into: &out)
                    out.append(contentsOf: "</row>".utf8)
                }
            } else {
                out.append(contentsOf: xml[rowStart..<rowEnd])
            }
            lastRow = r
            p = rowEnd
        }
        out.append(contentsOf: xml[p..<dataEnd])
        newRows(before: Int.max, into: &out)
        out.append(contentsOf: xml[dataEnd...])
        return out
    }

    private static func patchCells(_ xml: [UInt8], from start: Int, to end: Int, row: Int, columns: [Int],
                                   newStyle: (Target, Int) -> Int, into out: inout [UInt8]) throws(Failure) {
        var pending = columns[...]
        var p = start
        var lastColumn = -1
        while let cellStart = XMLBytes.element("c", in: xml, from: p, to: end) {
            guard let tag = XMLBytes.tagEnd(xml, cellStart) else { throw .malformed("unclosed cell tag in row \(row)") }
            let column = XMLBytes.attribute("r", in: xml, tag: cellStart, end: tag.end)
                .flatMap { XLSXCellRef.columnIndex(String($0.value.prefix { $0.isLetter })) } ?? lastColumn + 1
            out.append(contentsOf: xml[p..<cellStart])
            while let c = pending.first, c < column {
                out.append(contentsOf: emptyCell(row, c, newStyle(Target(row: row, column: c), 0)).utf8)
                pending.removeFirst()
            }
            var cellEnd = tag.end
            if !tag.selfClosing {
                guard let close = XMLBytes.find("</c>", in: xml, from: tag.end, to: end) else { throw .malformed("cell not closed in row \(row)") }
                cellEnd = close + 4
            }
            if pending.first == column {
                pending.removeFirst()
                if let s = XMLBytes.attribute("s", in: xml, tag: cellStart, end: tag.end) {
                    out.append(contentsOf: xml[cellStart..<s.range.lowerBound])
                    out.append(contentsOf: String(newStyle(Target(row: row, column: column), Int(s.value) ?? 0)).utf8)
                    out.append(contentsOf: xml[s.range.upperBound..<cellEnd])
                } else {
                    out.append(contentsOf: "<c s=\"\(newStyle(Target(row: row, column: column), 0))\"".utf8)
                    out.append(contentsOf: xml[(cellStart + 2)..<cellEnd])
                }
            } else {
                out.append(contentsOf: xml[cellStart..<cellEnd])
            }
            lastColumn = column
            p = cellEnd
        }
        out.append(contentsOf: xml[p..<end])
        for c in pending { out.append(contentsOf: emptyCell(row, c, newStyle(Target(row: row, column: c), 0)).utf8) }
    }

    private static func emptyCell(_ row: Int, _ column: Int, _ style: Int) -> String {
        "<c r=\"\(XLSXCellRef.columnName(column))\(row)\" s=\"\(style)\"/>"
    }
}
