import SurveyModel

/// The header row: choosing the codebook, mapping the columns and setting up the row buffers.
extension ReturnBuilder {
    /// Chooses the codebook and maps the columns.
    mutating func finishHeader() {
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
        guard checkFit(codebook, result: result, detected: detected, fileColumns: fileColumns) else { return }
        if !detected && candidates.count > 1 {
            report(.warning("survey-not-detected", "could not tell the survey and year from the columns; read as \(codebook.survey) \(codebook.surveyYear) (choose with --survey and --survey-year)", row: headerRow))
        }
        var missing: [String] = []
        for (index, field) in codebook.fields.enumerated() where result.fieldColumn[index] == nil {
            if mode == .csv && field.isExcelOnly { continue }
            if field.isValueRequired && !(field.name == codebook.councilFieldName && fallbackCouncil != nil) {
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
        var table = ResponseTable(codebook: codebook, keeping: keepColumns?(codebook))
        sourceIndex = table.addSource(SourceFile(path: file, sheet: sheet))
        if expectedRows > 0 {
            table.reserveCapacity(expectedRows)
            rowHasError.reserveCapacity(expectedRows)
        }
        mapping = result
        let validator = RowValidator(codebook: codebook)
        self.validator = validator
        missingCodes = (validator.missingLow, codebook.missingCodes.max() ?? .min, validator.missingMask, validator.missingList)
        storage = RowStorage(rules: validator.rules, columnField: result.columnField,
                             numberFields: table.numberFieldIndices, textFields: table.textFieldIndices)
        buffers = storage.buffers
        fillOutcomes()
        rowTexts = Array(repeating: "", count: buffers.textCount)
        // A repeated header row (a malformed workbook) starts a new table: rows pending for the old one go with it.
        pendingRows = 0
        serials.removeAll()
        blockTexts.removeAll()
        serials.reserveCapacity(RowBuffers.blockCapacity)
        councilField = codebook.fieldIndex(codebook.councilFieldName) ?? -1
        serialField = codebook.fieldIndex(codebook.serialFieldName) ?? -1
        self.table = table
    }
}
