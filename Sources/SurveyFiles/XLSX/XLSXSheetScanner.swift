#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The streaming byte-level scanner of one worksheet's XML, driving a `CellSink`.
///
/// For each `<row>` it calls `beginRow`/`endRow` (rows without `r` count on from the previous
/// row), and for each `<c>` with a non-empty value one `cell` call: shared strings resolved,
/// inline strings (`<is>`, rich runs, no phonetic runs) concatenated, booleans as `0`/`1`, numbers
/// and formula results (`t="str"`) as written, error values (`t="e"`) skipped. Cells without `r`
/// follow the previous cell. Values pointing into the XML are delivered without copying; values
/// needing entity decoding go through one reused scratch buffer.
struct XLSXSheetScanner {
    let path: String
    let sheet: String
    let limits: XLSXLimits
    /// Rows after this one are not delivered (the scan stops there).
    var lastRow = Int.max

    private enum Value { case none, raw(Range<Int>), scratch }

    func scan<S: CellSink>(_ xml: UnsafeBufferPointer<UInt8>, strings: XLSXSharedStrings, into sink: inout S) throws(FileError) {
        var row = 0
        var inRow = false
        var column = -1
        var inCell = false
        do throws(XLSXXMLError) {
            try strings.bytes.withUnsafeBufferPointer { (sst: UnsafeBufferPointer<UInt8>) throws(XLSXXMLError) in
                try strings.ends.withUnsafeBufferPointer { (ends: UnsafeBufferPointer<Int>) throws(XLSXXMLError) in
                    try run(xml, sst, ends, &row, &inRow, &column, &inCell, &sink)
                }
            }
        } catch {
            let columnName = inCell && column >= 0 ? XLSXCellRef.columnName(column) : nil
            switch error {
            case .declaration(let what):
                throw .limitExceeded(file: path, limit: "no DTD or entity declarations",
                                     reason: "sheet \"\(sheet)\" contains \(what) (XML entity declarations are never processed)")
            case .malformed(let reason):
                throw .malformed(file: path, sheet: sheet, row: row > 0 ? row : nil, column: columnName, reason: reason)
            case .limit(let limit, let reason):
                throw .limitExceeded(file: path, limit: limit, reason: "sheet \"\(sheet)\": \(reason)")
            }
        }
    }

    // swiftlint:disable:next function_parameter_count function_body_length cyclomatic_complexity
    private func run<S: CellSink>(
        _ xml: UnsafeBufferPointer<UInt8>, _ sst: UnsafeBufferPointer<UInt8>, _ ends: UnsafeBufferPointer<Int>,
        _ row: inout Int, _ inRow: inout Bool, _ column: inout Int, _ inCell: inout Bool, _ sink: inout S
    ) throws(XLSXXMLError) {
        var c = XLSXXMLCursor(xml)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(1024)
        var inSheetData = false
        var rootName: Range<Int>?
        var rootClosed = false
        var cellType = XLSXCellType.number
        var isFormula = false
        var value = Value.none

        while true {
            // Inside a row, a plain cell is read without the general tokenizer (see `plainCell`).
            if inRow, !inCell, c.pos + 2 < c.count, c.byte(c.pos) == UInt8(ascii: "<"), c.byte(c.pos + 1) == UInt8(ascii: "c"),
               c.byte(c.pos + 2) == UInt8(ascii: " "), let cell = Self.plainCell(c, at: c.pos, limits: limits) {
                if let reference = cell.column {
                    column = reference
                } else {
                    column += 1
                }
                guard column < limits.maxColumns else { throw exceeded(column: column) }
                cellType = cell.type
                isFormula = false
                inCell = true
                guard deliver(column, cellType, .raw(cell.value), false, c, sst, ends, scratch, &sink) else {
                    throw .malformed("invalid shared string index (the workbook has \(ends.count) shared strings)")
                }
                inCell = false
                c.pos = cell.end
                continue
            }
            let tag = try c.nextTag()
            switch tag.kind {
            case .eof:
                if inSheetData { throw .malformed("the sheet XML ends inside <sheetData> (truncated or unterminated)") }
                if !rootClosed { throw .malformed("the sheet XML ends before its root element is closed (truncated)") }
                return
            case .start where inSheetData:
                let n = tag.nameEnd - tag.nameStart
                let first = c.byte(tag.nameStart)
                if n == 1, first == UInt8(ascii: "c") {
                    guard inRow else { throw .malformed("a cell outside a row") }
                    if inCell { throw .malformed("a cell is not closed before the next cell") }
                    let (r, t) = cellAttributes(c, tag)
                    if let r {
                        column = try cellColumn(c, r, row)
                    } else {
                        column += 1
                    }
                    guard column < limits.maxColumns else { throw exceeded(column: column) }
                    cellType = .number
                    if let t { cellType = Self.type(c, t) }
                    if !tag.selfClosing {
                        inCell = true
                        isFormula = false
                        value = .none
                    }
                } else if n == 1, first == UInt8(ascii: "v") {
                    guard inCell, !tag.selfClosing else { continue }
                    let start = c.pos
                    let decodeStrings = cellType == .string
                    if let lt = c.find(UInt8(ascii: "<"), from: start), lt + 1 < c.count, c.byte(lt + 1) == UInt8(ascii: "/") {
                        c.pos = lt
                        _ = try c.nextTag()
                        if XLSXText.needsDecoding(c.base, start..<lt, ooxmlEscapes: decodeStrings) {
                            scratch.removeAll(keepingCapacity: true)
                            XLSXText.appendDecoded(c.base, start..<lt, into: &scratch, ooxmlEscapes: decodeStrings)
                            value = .scratch
                        } else {
                            value = .raw(start..<lt)
                        }
                    } else {
                        scratch.removeAll(keepingCapacity: true)
                        try c.appendElementText(into: &scratch, ooxmlEscapes: decodeStrings)
                        value = .scratch
                    }
                } else if n == 1, first == UInt8(ascii: "f") {
                    if inCell { isFormula = true }
                } else if n == 2, c.nameIs(tag, "is") {
                    guard inCell, !tag.selfClosing else { continue }
                    scratch.removeAll(keepingCapacity: true)
                    try readInlineString(&c, into: &scratch)
                    value = .scratch
                } else if n == 3, c.nameIs(tag, "row") {
                    if inRow { throw .malformed("row \(row) is not closed before the next row") }
                    if let r = c.attribute("r", in: tag) {
                        guard let number = Self.number(c, r), number > 0 else {
                            throw .malformed("invalid row number \"\(Self.text(c, r))\"")
                        }
                        // Rows come in ascending order (ECMA-376): a repeated or earlier number
                        // would make a reader take a data row for the header, or count a row twice.
                        guard number > row else {
                            let previous = row
                            row = number
                            throw .malformed("row \(number) comes after row \(previous); the rows of a sheet must be in ascending order (is the file damaged?)")
                        }
                        row = number
                    } else {
                        row += 1
                    }
                    guard row <= limits.maxRows else { throw exceeded(row: row) }
                    if row > lastRow {
                        row = 0
                        return
                    }
                    sink.beginRow(row)
                    column = -1
                    if tag.selfClosing {
                        sink.endRow()
                    } else {
                        inRow = true
                    }
                }
            case .start:
                if rootName == nil { rootName = tag.nameStart..<tag.nameEnd }
                if c.nameIs(tag, "sheetData") {
                    if tag.selfClosing { return try c.refuseDeclarations(from: c.pos) }
                    inSheetData = true
                } else if c.nameIs(tag, "dimension"), let ref = c.attribute("ref", in: tag) {
                    try checkDimension(c, ref)
                }
            case .end where inSheetData:
                let n = tag.nameEnd - tag.nameStart
                if n == 1, c.byte(tag.nameStart) == UInt8(ascii: "c") {
                    guard inCell else { continue }
                    guard deliver(column, cellType, value, isFormula, c, sst, ends, scratch, &sink) else {
                        throw .malformed("invalid shared string index (the workbook has \(ends.count) shared strings)")
                    }
                    inCell = false
                } else if n == 3, c.nameIs(tag, "row") {
                    if inCell { throw .malformed("a cell is not closed before the end of its row") }
                    if inRow {
                        sink.endRow()
                        inRow = false
                    }
                } else if c.nameIs(tag, "sheetData") {
                    if inRow { throw .malformed("row \(row) is not closed before the end of the sheet data") }
                    return try c.refuseDeclarations(from: c.pos)
                }
            case .end:
                if let rootName, rootName.count == tag.nameEnd - tag.nameStart,
                   memcmp(c.base + rootName.lowerBound, c.base + tag.nameStart, rootName.count) == 0 {
                    rootClosed = true
                }
            }
        }
    }

    /// Reads `<is>…</is>` (cursor after `<is>`): the text of its `<t>` elements, without `<rPh>`.
    private func readInlineString(_ c: inout XLSXXMLCursor, into out: inout [UInt8]) throws(XLSXXMLError) {
        while true {
            let tag = try c.nextTag()
            switch tag.kind {
            case .eof:
                throw .malformed("an inline string (<is>) is not closed")
            case .start:
                if tag.selfClosing { continue }
                if c.nameIs(tag, "t") {
                    try c.appendElementText(into: &out, ooxmlEscapes: true)
                } else if c.nameIs(tag, "rPh") {
                    try c.skipElement()
                }
            case .end:
                if c.nameIs(tag, "is") { return }
            }
        }
    }

    // swiftlint:disable:next function_parameter_count
    @inline(__always)
    private func deliver<S: CellSink>(
        _ column: Int, _ type: XLSXCellType, _ value: Value, _ isFormula: Bool, _ c: XLSXXMLCursor,
        _ sst: UnsafeBufferPointer<UInt8>, _ ends: UnsafeBufferPointer<Int>, _ scratch: [UInt8], _ sink: inout S
    ) -> Bool {
        let bytes: UnsafeRawBufferPointer
        switch value {
        case .none:
            return true
        case .raw(let r):
            bytes = UnsafeRawBufferPointer(start: c.base + r.lowerBound, count: r.count)
        case .scratch:
            if type == .shared {
                let i = scratch.withUnsafeBytes { Self.number($0) }
                return deliverShared(i, column, isFormula, sst, ends, &sink)
            }
            if !scratch.isEmpty, type != .error {
                scratch.withUnsafeBytes { sink.cell(column, $0, isFormula: isFormula) }
            }
            return true
        }
        switch type {
        case .error:
            return true
        case .shared:
            return deliverShared(Self.number(bytes), column, isFormula, sst, ends, &sink)
        case .boolean:
            let trimmed = Self.trim(bytes)
            if trimmed.count == 1 || trimmed.isEmpty {
                if !trimmed.isEmpty { sink.cell(column, trimmed, isFormula: isFormula) }
            } else {
                let isTrue = trimmed.count == 4 && (trimmed[0] | 0x20) == UInt8(ascii: "t")
                withUnsafeBytes(of: isTrue ? UInt8(ascii: "1") : UInt8(ascii: "0")) {
                    sink.cell(column, $0, isFormula: isFormula)
                }
            }
        case .number, .string, .inline:
            if bytes.count > 0 { sink.cell(column, bytes, isFormula: isFormula) }
        }
        return true
    }

    @inline(__always)
    private func deliverShared<S: CellSink>(
        _ index: Int?, _ column: Int, _ isFormula: Bool,
        _ sst: UnsafeBufferPointer<UInt8>, _ ends: UnsafeBufferPointer<Int>, _ sink: inout S
    ) -> Bool {
        guard let i = index, i >= 0, i < ends.count else { return false }
        let start = i == 0 ? 0 : ends[i - 1]
        let count = ends[i] - start
        if count > 0, let base = sst.baseAddress {
            sink.cell(column, UnsafeRawBufferPointer(start: base + start, count: count), isFormula: isFormula)
        }
        return true
    }
}
