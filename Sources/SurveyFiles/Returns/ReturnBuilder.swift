import Foundation
import SurveyModel

/// A `CellSink` that turns a return's rows into a `ResponseTable`: matches the header to a
/// codebook, parses each cell from bytes, validates each row (`RowValidator`) and keeps every
/// data row, with invalid cells made missing and a `Diagnostic` for each problem.
///
/// One pass per cell: the field's plain rule (`FieldRule`), the number parsed from the bytes,
/// the "no answer" and range checks (easy-read fields wait for the row's questionnaire), and the
/// code written straight into the row's slot of a block of rows (`RowBuffers`). Per row the
/// validator finishes the checks; per block of rows every column of the table grows once.
struct ReturnBuilder: CellSink {
    let file: String
    let sheet: String?
    let mode: HeaderMatcher.Mode
    let headerRow: Int
    /// Council code used when a row has none (Sign Off Sheet cell or `--council`).
    let fallbackCouncil: String?
    let candidates: [Codebook]
    /// Every codebook that could read this file (to name the one it fits when `candidates` do not).
    let alternatives: [Codebook]
    /// Read with the chosen codebook even when another fits better (`--force-codebook`).
    let force: Bool
    /// The number of data rows expected (0 = unknown): the table reserves room for them.
    var expectedRows = 0
    /// The columns the table holds (`LoadOptions.keepColumns`; nil = every coded field's). The
    /// others are still read and checked cell by cell; only their values are not stored.
    var keepColumns: (@Sendable (Codebook) -> [Bool])?

    var table: ResponseTable?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var summary = ReadSummary()
    var fatal: FileError?
    var mapping: HeaderMatcher.Result?
    var rowHasError: [Bool] = []

    var header: [String] = []
    var sourceIndex: Int32 = 0
    var validator: RowValidator?
    /// Row state and the pending block (plain pointers, owned by `storage`).
    var storage: RowStorage
    var buffers: RowBuffers
    /// Rows in the block not yet appended to the table.
    var pendingRows = 0
    var serials: [String] = []
    var rowTexts: [String] = []
    var blockTexts: [String] = []
    /// The codebook's "no answer" codes (see `RowValidator.missingMask`).
    var missingCodes: (low: Int, high: Int, mask: UInt64, list: [Int]?) = (0, .min, 0, nil)
    var councilField = -1
    var serialField = -1
    // Row state.
    private var rowNumber = 0
    private var anyCell = false
    private var hasInput = false
    private var flags = RowValidator.RowFlags()
    private var councilText = ""
    private var serialText = ""
    private var rowErrorsPending = 0
    private var rowDiagnostics: [Diagnostic] = []
    // The last council cell's bytes and code, and the last council's index in the table.
    private var lastCouncilBytes: [UInt8] = []
    private var lastCouncilCode = ""
    private var lastCouncil = (code: "", index: Int32(-1))

    init(file: String, sheet: String?, mode: HeaderMatcher.Mode, headerRow: Int, fallbackCouncil: String?, candidates: [Codebook],
         alternatives: [Codebook] = [], force: Bool = false) {
        self.alternatives = alternatives
        self.force = force
        self.file = file
        self.sheet = sheet
        self.mode = mode
        self.headerRow = headerRow
        self.fallbackCouncil = fallbackCouncil
        self.candidates = candidates
        storage = RowStorage(rules: FieldRules([]), columnField: [], numberFields: [], textFields: [])
        buffers = storage.buffers
    }

    mutating func beginRow(_ number: Int) {
        rowNumber = number
        anyCell = false
        hasInput = false
        guard table != nil else { return }
        buffers.resetRow(pendingRows)
        flags = RowValidator.RowFlags()
        councilText = ""
        serialText = ""
        for k in rowTexts.indices { rowTexts[k] = "" }
    }

    @inline(__always)
    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        if rowNumber <= headerRow {
            if rowNumber == headerRow {
                while header.count < column { header.append("") }
                header.append(String(decoding: bytes, as: UTF8.self))
            }
            return
        }
        let b = buffers
        guard column < b.columnCount else { return }
        let index = b.columnField[column]
        guard index >= 0 else { return }
        // The common cell: a small whole number in a coded field, decided by one table entry.
        if !isFormula, let v = ValueParser.smallCode(bytes) {
            let o = b.outcome[index &<< 8 | v]
            if o & RowBuffers.Outcome.none == 0 {
                anyCell = true
                hasInput = true
                b.values[index] = v
                b.state[index] = (b.state[index] & RowBuffers.State.bad) | (o & 0x0F)
                b.rowCodes(pendingRows)[index] = o & RowBuffers.Outcome.stored != 0 ? ResponseTable.Code(truncatingIfNeeded: v) : ResponseTable.missing
                if o & (RowBuffers.Outcome.question | RowBuffers.State.invalid | RowBuffers.State.pending) != 0 {
                    if o & RowBuffers.Outcome.question != 0 { flags.anyQuestion = true }
                    if o & RowBuffers.State.invalid != 0 { flags.anyInvalid = true }
                    if o & RowBuffers.State.pending != 0 { flags.anyPending = true }
                }
                return
            }
        }
        // The rule by pointer: its fields are read where used, never copied.
        let rule = UnsafePointer(b.rules + index)
        // Template formula columns (primary key, population in stratum) are the workbook's own work.
        if isFormula && rule.pointee.isExcelOnly { return }
        if rule.pointee.isCoded, let v = ValueParser.shortWhole(bytes) {
            anyCell = true
            if !isFormula { hasInput = true }
            setCode(index, v, rule)
        } else {
            otherCell(index, bytes, rule, isFormula: isFormula)
        }
    }

    /// Every cell but a coded field's short whole number: other numbers, identifiers, free text.
    @inline(never)
    private mutating func otherCell(_ index: Int, _ bytes: UnsafeRawBufferPointer, _ rule: UnsafePointer<FieldRule>, isFormula: Bool) {
        switch rule.pointee.kind {
        case .code, .integer, .number:
            number(index, bytes, rule, isFormula: isFormula)
        case .text:
            let code: String
            if index == councilField {
                code = councilCode(bytes)
                councilText = code
            } else if index == serialField {
                code = ValueParser.code(bytes)
                serialText = code
            } else {
                code = ValueParser.text(bytes)
            }
            // A code is empty exactly when its trimmed text is.
            if !code.isEmpty { anyCell = true; if !isFormula && index != councilField { hasInput = true } }
        case .freeText:
            let text = ValueParser.text(bytes)
            if !text.isEmpty { rowTexts[buffers.textSlot[index]] = text; anyCell = true; if !isFormula { hasInput = true } }
        }
    }

    /// A whole value of a coded field: "no answer" codes leave it blank; a value outside the
    /// field's codes is marked for the row's report (easy-read fields are decided with the row).
    @inline(__always)
    private mutating func setCode(_ index: Int, _ v: Int, _ rule: UnsafePointer<FieldRule>) {
        typealias State = RowBuffers.State
        let b = buffers
        b.values[index] = v
        let kept = b.state[index] & State.bad
        let codes = b.rowCodes(pendingRows)
        if isMissingCode(v) {
            b.state[index] = kept
            codes[index] = ResponseTable.missing
            return
        }
        if rule.pointee.isQuestion { flags.anyQuestion = true }
        if rule.pointee.easyCount >= 0 {
            b.state[index] = kept | State.present | State.pending
            codes[index] = ResponseTable.Code(truncatingIfNeeded: v)
            flags.anyPending = true
        } else if FieldRules.accepts(rule.pointee, v, easyRead: false, table: b.validTable) {
            b.state[index] = kept | State.present
            codes[index] = ResponseTable.Code(truncatingIfNeeded: v)
        } else {
            b.state[index] = kept | State.present | State.invalid
            codes[index] = ResponseTable.missing
            flags.anyInvalid = true
        }
    }

    /// Fills `buffers.outcome`: for every coded field and value 0…254, what `setCode` does with
    /// it (the same checks, made once).
    func fillOutcomes() {
        typealias State = RowBuffers.State
        typealias Outcome = RowBuffers.Outcome
        let b = buffers
        for index in 0..<b.fieldCount where b.rules[index].isCoded {
            let rule = b.rules[index]
            for v in 0...ResponseTable.maxCode {
                var o: UInt8
                if isMissingCode(v) {
                    o = 0
                } else {
                    if rule.easyCount >= 0 {
                        o = State.present | State.pending | Outcome.stored
                    } else if FieldRules.accepts(rule, v, easyRead: false, table: b.validTable) {
                        o = State.present | Outcome.stored
                    } else {
                        o = State.present | State.invalid
                    }
                    if rule.isQuestion { o |= Outcome.question }
                }
                b.outcome[index << 8 | v] = o
            }
        }
    }

    /// Whether `value` is a "no answer" code (−9), from the validator's bit mask.
    @inline(__always)
    private func isMissingCode(_ value: Int) -> Bool {
        // Valid answers are above the "no answer" codes: one comparison for them.
        if value > missingCodes.high { return false }
        if let list = missingCodes.list { return list.contains(value) }
        let k = value &- missingCodes.low
        return k >= 0 && k < 64 && (missingCodes.mask >> UInt64(k)) & 1 != 0
    }

    /// The general number path: blanks, fractions, exponents, text that is not a number.
    private mutating func number(_ index: Int, _ bytes: UnsafeRawBufferPointer, _ rule: UnsafePointer<FieldRule>, isFormula: Bool) {
        let b = buffers
        let parsed = ValueParser.parseInGeneral(bytes)
        if parsed != .blank {
            anyCell = true
            if !isFormula { hasInput = true }
        }
        switch parsed {
        case .blank:
            break
        case let .whole(v):
            if rule.pointee.kind == .number { b.numbers[pendingRows * b.numberCount + b.numberSlot[index]] = Double(v) } else { setCode(index, v, rule) }
        case let .fraction(d):
            if rule.pointee.kind == .number {
                b.numbers[pendingRows * b.numberCount + b.numberSlot[index]] = d
            } else {
                b.state[index] |= RowBuffers.State.bad
                let field = table!.codebook.fields[index]
                report(.error("not-whole-number", "\(field.label): \(ValueParser.text(bytes)) is not a whole number; codes are whole numbers (\(field.validRange()))",
                              column: field.name, value: ValueParser.text(bytes)))
            }
        case .notANumber:
            b.state[index] |= RowBuffers.State.bad
            let field = table!.codebook.fields[index]
            report(.error("not-a-number", "\(field.label): \"\(ValueParser.text(bytes))\" is not a number; expected \(field.validRange()) or blank",
                          column: field.name, value: ValueParser.text(bytes)))
        }
    }

    /// The council code of a cell, reusing the previous row's when the bytes are the same.
    @inline(never)
    private mutating func councilCode(_ bytes: UnsafeRawBufferPointer) -> String {
        let same = lastCouncilBytes.count == bytes.count && lastCouncilBytes.withUnsafeBytes { last in
            bytes.count == 0 || memcmp(last.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
        if same { return lastCouncilCode }
        lastCouncilBytes = Array(bytes)
        lastCouncilCode = ValueParser.code(bytes)
        return lastCouncilCode
    }

    mutating func endRow() {
        if rowNumber == headerRow {
            finishHeader()
            return
        }
        guard rowNumber > headerRow, table != nil, let validator else { return }
        if !anyCell && !hasInput {
            if mode == .excel { summary.templateRowsSkipped += 1 } else { summary.blankRowsSkipped += 1 }
            rowErrorsPending = 0
            return
        }
        if serialText.isEmpty && mode == .excel && !hasInput {
            summary.templateRowsSkipped += 1
            rowErrorsPending = 0
            return
        }
        var council = councilText
        if council.isEmpty, let fallbackCouncil { council = fallbackCouncil }
        rowDiagnostics.removeAll(keepingCapacity: true)
        let response = validator.validate(buffers, pending: pendingRows, flags: flags, hasCouncil: !council.isEmpty,
                                          hasSerial: !serialText.isEmpty, into: &rowDiagnostics)
        for diagnostic in rowDiagnostics { report(diagnostic) }
        switch response {
        case .respondent: summary.respondents += 1
        case .nonRespondent: summary.nonRespondents += 1
        case .unknown: summary.responseUnknown += 1
        }
        summary.rowsRead += 1
        if rowErrorsPending > 0 { summary.rowsWithErrors += 1 }
        rowHasError.append(rowErrorsPending > 0)
        rowErrorsPending = 0
        if lastCouncil.index < 0 || council != lastCouncil.code {
            lastCouncil = (council, table!.councilIndex(council))
        }
        buffers.councils[pendingRows] = lastCouncil.index
        buffers.sourceRows[pendingRows] = Int32(rowNumber)
        serials.append(serialText)
        for text in rowTexts { blockTexts.append(text) }
        pendingRows += 1
        if pendingRows == RowBuffers.blockCapacity { flush() }
    }

    /// Appends the pending block of rows to the table.
    private mutating func flush() {
        guard pendingRows > 0 else { return }
        let b = buffers
        let rows = pendingRows
        table!.append(rows: rows, codes: UnsafeBufferPointer(start: b.codes, count: rows * b.fieldCount), stride: b.fieldCount,
                      council: UnsafeBufferPointer(start: b.councils, count: rows), serial: serials[...], source: sourceIndex,
                      sourceRow: UnsafeBufferPointer(start: b.sourceRows, count: rows),
                      numbers: UnsafeBufferPointer(start: b.numbers, count: rows * b.numberCount), text: blockTexts[...])
        serials.removeAll(keepingCapacity: true)
        blockTexts.removeAll(keepingCapacity: true)
        pendingRows = 0
    }

    mutating func report(_ diagnostic: Diagnostic) {
        var d = diagnostic
        d.file = file
        d.sheet = sheet
        if d.row == nil { d.row = rowNumber }
        if d.severity == .error { summary.errors += 1; rowErrorsPending += 1 } else { summary.warnings += 1 }
        diagnostics.append(d)
    }

    /// Called by the reader after the last row.
    mutating func finish() {
        flush()
        if table == nil && fatal == nil {
            fatal = .malformed(file: file, sheet: sheet, row: headerRow, column: nil, reason: "no header row found (the file is empty)")
        }
    }
}
