import SurveyModel

/// A `CellSink` that turns a return's rows into a `ResponseTable`: matches the header to a
/// codebook, parses each cell from bytes, validates each row (`RowValidator`) and keeps every
/// data row, with invalid cells made missing and a `Diagnostic` for each problem.
struct ReturnBuilder: CellSink {
    let file: String
    let sheet: String?
    let mode: HeaderMatcher.Mode
    let headerRow: Int
    /// Council code used when a row has none (Sign Off Sheet cell or `--council`).
    let fallbackCouncil: String?
    let candidates: [Codebook]

    private(set) var table: ResponseTable?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var summary = ReadSummary()
    private(set) var fatal: FileError?
    private(set) var mapping: HeaderMatcher.Result?
    private(set) var rowHasError: [Bool] = []

    private var header: [String] = []
    private var sourceIndex: Int32 = 0
    private var validator: RowValidator?
    // Row state, reused.
    private var rowNumber = 0
    private var inRow = false
    private var cellCount = 0
    private var hasInput = false
    private var values: [Int] = []
    private var present: [Bool] = []
    private var badCell: [Bool] = []
    private var councilText = ""
    private var serialText = ""
    private var numbers: [Int: Double] = [:]
    private var texts: [Int: String] = [:]
    private var councilField = -1
    private var serialField = -1

    init(file: String, sheet: String?, mode: HeaderMatcher.Mode, headerRow: Int, fallbackCouncil: String?, candidates: [Codebook]) {
        self.file = file
        self.sheet = sheet
        self.mode = mode
        self.headerRow = headerRow
        self.fallbackCouncil = fallbackCouncil
        self.candidates = candidates
    }

    mutating func beginRow(_ number: Int) {
        rowNumber = number
        inRow = true
        cellCount = 0
        hasInput = false
        guard table != nil else { return }
        for i in values.indices {
            present[i] = false
            badCell[i] = false
        }
        councilText = ""
        serialText = ""
        numbers.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }

    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        if rowNumber == headerRow {
            while header.count < column { header.append("") }
            header.append(String(decoding: bytes, as: UTF8.self))
            return
        }
        guard rowNumber > headerRow, column < columnField.count else { return }
        let index = columnField[column]
        guard index >= 0 else { return }
        let rule = fieldRules[index]
        // Template formula columns (primary key, population in stratum) are the workbook's own work.
        if isFormula && rule.isExcelOnly { return }
        switch rule.kind {
        case .text:
            let text = ValueParser.text(bytes)
            if index == councilField { councilText = ValueParser.councilCode(text) } else if index == serialField { serialText = ValueParser.councilCode(text) }
            if !text.isEmpty { cellCount += 1; if !isFormula && index != councilField { hasInput = true } }
        case .freeText:
            let text = ValueParser.text(bytes)
            if !text.isEmpty { texts[index] = text; cellCount += 1; if !isFormula { hasInput = true } }
        case .code, .integer, .number:
            let parsed = ValueParser.parse(bytes)
            if parsed != .blank {
                cellCount += 1
                if !isFormula { hasInput = true }
            }
            switch parsed {
            case .blank:
                break
            case let .whole(v):
                if rule.kind == .number { numbers[index] = Double(v) } else { values[index] = v; present[index] = true }
            case let .fraction(d):
                if rule.kind == .number {
                    numbers[index] = d
                } else {
                    badCell[index] = true
                    let field = table!.codebook.fields[index]
                    report(.error("not-whole-number", "\(field.label): \(ValueParser.text(bytes)) is not a whole number; codes are whole numbers (\(field.validRange()))",
                                  column: field.name, value: ValueParser.text(bytes)))
                }
            case .notANumber:
                badCell[index] = true
                let field = table!.codebook.fields[index]
                report(.error("not-a-number", "\(field.label): \"\(ValueParser.text(bytes))\" is not a number; expected \(field.validRange()) or blank",
                              column: field.name, value: ValueParser.text(bytes)))
            }
        }
    }

    mutating func endRow() {
        inRow = false
        if rowNumber == headerRow {
            finishHeader()
            return
        }
        guard rowNumber > headerRow, table != nil, let validator else { return }
        if cellCount == 0 && !hasInput {
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
        let outcome = validator.validate(row: rowNumber, values: &values, present: &present, badCell: badCell,
                                         council: council, serial: serialText)
        for diagnostic in outcome.diagnostics { report(diagnostic) }
        switch outcome.response {
        case .respondent: summary.respondents += 1
        case .nonRespondent: summary.nonRespondents += 1
        case .unknown: summary.responseUnknown += 1
        }
        summary.rowsRead += 1
        if rowErrorsPending > 0 { summary.rowsWithErrors += 1 }
        rowHasError.append(rowErrorsPending > 0)
        rowErrorsPending = 0
        for i in values.indices { codes[i] = present[i] ? Int16(clamping: values[i]) : ResponseTable.missing }
        let councilIndex = table!.councilIndex(council)
        codes.withUnsafeBufferPointer {
            table!.append(council: councilIndex, serial: serialText, source: sourceIndex, row: Int32(rowNumber),
                         codes: $0, numbers: numbers, text: texts)
        }
    }

    private var rowErrorsPending = 0
    private var codes: [Int16] = []
    private var fieldRules: [FieldRule] = []
    /// Source column → field index (−1 = ignored); empty until the header is read.
    private var columnField: [Int] = []

    private mutating func report(_ diagnostic: Diagnostic) {
        var d = diagnostic
        d.file = file
        d.sheet = sheet
        if d.row == nil { d.row = rowNumber }
        if d.severity == .error { summary.errors += 1; rowErrorsPending += 1 } else { summary.warnings += 1 }
        diagnostics.append(d)
    }

    /// Chooses the codebook and maps the columns.
    private mutating func finishHeader() {
        var best: (Codebook, HeaderMatcher.Result)?
        var detected = false
        // Every column of the file, also those the codebook does not know (detect.none names columns
        // of other years, such as q19 of SACE 2023-24): CSV names, or for Excel the text before the
        // first "-" of the normalised header ("q19-thinking…" → "q19"), lower-cased.
        let fileColumns = Set(header.map { h in
            mode == .csv ? h.trimmingCharacters(in: .whitespaces).lowercased()
                         : String(HeaderMatcher.normalise(h).prefix { $0 != "-" })
        })
        for codebook in candidates {
            let result = HeaderMatcher.match(header: header, codebook: codebook, mode: mode)
            if codebook.matches(columns: result.tidyNames, fileColumns: fileColumns) {
                best = (codebook, result)
                detected = true
                break
            }
            if best == nil || result.matched > best!.1.matched { best = (codebook, result) }
        }
        guard let (codebook, result) = best else {
            fatal = .notAWorkbook(file: file, reason: "no questionnaire is available to read it")
            return
        }
        if !detected && candidates.count > 1 {
            report(.warning("survey-not-detected", "could not tell the survey and year from the columns; read as \(codebook.survey) \(codebook.surveyYear) (choose with --survey and --survey-year)", row: headerRow))
        }
        var missing: [String] = []
        for (index, field) in codebook.fields.enumerated() where result.fieldColumn[index] == nil {
            if mode == .csv && field.isExcelOnly { continue }
            if field.isValueRequired && !(field.name == "LaCode" && fallbackCouncil != nil) {
                missing.append(field.name)
            } else if field.isMandatory {
                report(.error("missing-column", "the mandatory column \(field.name) (\(field.label)) is missing" + (mode == .excel ? "; expected a header containing \"\(field.key ?? field.name)\"" : ""),
                              row: headerRow, column: field.name))
            } else if mode == .excel {
                report(.warning("missing-column", "the voluntary column \(field.name) (\(field.label)) is missing; it is left blank", row: headerRow, column: field.name))
            }
        }
        if !missing.isEmpty {
            fatal = .missingColumns(file: file, sheet: sheet, columns: missing)
            return
        }
        for (column, name) in result.ignoredColumns {
            report(.warning("ignored-column", "column \(CSVReader.columnLabel(column)) \"\(name.prefix(60))\" is not in the \(codebook.survey) \(codebook.surveyYear) codebook and is ignored",
                            row: headerRow, column: name))
        }
        for (column, name) in result.duplicateColumns {
            report(.warning("duplicate-column", "column \(CSVReader.columnLabel(column)) \"\(name)\" repeats an earlier column and is ignored", row: headerRow, column: name))
        }
        var table = ResponseTable(codebook: codebook)
        sourceIndex = table.addSource(SourceFile(path: file, sheet: sheet))
        self.table = table
        mapping = result
        columnField = result.columnField
        validator = RowValidator(codebook: codebook)
        values = Array(repeating: 0, count: codebook.fields.count)
        codes = Array(repeating: ResponseTable.missing, count: codebook.fields.count)
        fieldRules = codebook.fields.map(FieldRule.init)
        present = Array(repeating: false, count: codebook.fields.count)
        badCell = Array(repeating: false, count: codebook.fields.count)
        councilField = codebook.fieldIndex("LaCode") ?? -1
        serialField = codebook.fieldIndex("SerialNo") ?? -1
    }

    /// Called by the reader after the last row.
    mutating func finish() {
        if table == nil && fatal == nil {
            fatal = .malformed(file: file, sheet: sheet, row: headerRow, column: nil, reason: "no header row found (the file is empty)")
        }
    }
}
