import SurveyModel

/// Turns an official blank data-return template into a codebook: fields, codes, labels and header
/// texts from the template; measures, strata, domains, derived variables, population sets and
/// score models carried over from the previous year's codebook by matching question text and
/// answer labels (not numbers), re-pointed at the new numbers. Everything that changed is in the
/// `CodebookChangeReport`; anything that could not be settled is an open point, listed in the
/// codebook, which is then provisional. References that cannot be re-pointed at all are refused.
public struct CodebookImporter: Sendable {
    public struct Options: Sendable {
        /// `ASCS` or `SACE` (default: the previous codebook's survey).
        public var survey: String?
        /// An explicit year wins over the template's.
        public var surveyYear: String?
        public init(survey: String? = nil, surveyYear: String? = nil) {
            self.survey = survey
            self.surveyYear = surveyYear
        }
    }

    public struct Result: Sendable {
        public var codebook: Codebook
        public var report: CodebookChangeReport
    }

    public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
        case template(CodebookTemplateReader.ReadError)
        case noSurveyYear(file: String)
        case surveyMismatch(previous: String, requested: String)
        /// References of the previous codebook that point at fields the template no longer has.
        case unresolved(file: String, previous: String, references: [String])

        public var description: String {
            switch self {
            case let .template(error): return error.description
            case let .noSurveyYear(file):
                return "\(file): the survey year is not named in the workbook (no \"YYYY-YY Changes\" sheet); give it with --survey-year"
            case let .surveyMismatch(previous, requested):
                return "the previous codebook is \(previous), not \(requested); give a \(requested) codebook with --from"
            case let .unresolved(file, previous, references):
                return "\(file): cannot carry \(previous) over: \(references.count) reference\(references.count == 1 ? "" : "s") to fields the template does not have; "
                    + "restore the columns or edit the previous codebook first:\n  " + references.joined(separator: "\n  ")
            }
        }
    }

    /// `2022-23`: four digits, a dash, the next year's last two digits.
    public static func isSurveyYear(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return false }
        return (a + 1) % 100 == b
    }

    /// The codebook a template carries over from when none is named: of the survey given, or else
    /// the one whose data sheet the workbook has; the latest year before the new one (given, or
    /// named by the workbook), or else the latest.
    public static func defaultPrevious(template path: String, survey: String?, surveyYear: String?,
                                       in codebooks: [Codebook]) -> Codebook? {
        let names = (try? XLSXWorkbook(path: path).sheetNames) ?? []
        let mine = codebooks.filter { cb in survey.map { $0.lowercased() == cb.survey.lowercased() } ?? names.contains(cb.excel.sheet) }
            .sorted { $0.surveyYear < $1.surveyYear }
        guard let year = surveyYear ?? CodebookTemplateReader.surveyYear(names) else { return mine.last }
        return mine.last { $0.surveyYear < year } ?? mine.last
    }

    public let previous: Codebook
    public let models: [String: ScoreModel]
    public let options: Options

    public init(previous: Codebook, models: [String: ScoreModel], options: Options = Options()) {
        self.previous = previous
        self.models = models
        self.options = options
    }

    /// Reads the template at `path` (its data sheet named as in the previous codebook) and imports it.
    public func importTemplate(path: String, codesSheet: String? = nil) throws(ImportError) -> Result {
        let template: CodebookTemplate
        do {
            template = try CodebookTemplateReader.read(path: path, dataSheet: previous.excel.sheet, codesSheet: codesSheet,
                                                       headerRow: previous.excel.headerRow,
                                                       populationSheet: previous.excel.populationSheet?.sheet ?? "Eligible Population")
        } catch { throw .template(error) }
        return try importTemplate(template)
    }

    public func importTemplate(_ template: CodebookTemplate) throws(ImportError) -> Result {
        let survey = options.survey?.uppercased() ?? previous.survey
        guard survey == previous.survey else { throw .surveyMismatch(previous: previous.id, requested: survey) }
        guard let year = options.surveyYear ?? template.surveyYear else { throw .noSurveyYear(file: template.path) }
        var report = CodebookChangeReport(survey: survey, surveyYear: year, previous: previous.id,
                                          template: template.path.split(separator: "/").last.map(String.init) ?? template.path)
        var fields = FieldImport(template: template, previous: previous)
        fields.run(into: &report)
        var carry = CodebookCarryOver(previous: previous, models: models, fields: fields.result, repointer: fields.repointer)
        let codebook = carry.run(into: &report)
        guard carry.repointer.unresolved.isEmpty else {
            throw .unresolved(file: template.path, previous: previous.id, references: carry.repointer.unresolved)
        }
        var out = codebook
        out.surveyYear = year
        out.survey = survey
        out.excel.sheet = template.dataSheet
        out.excel.headerRow = template.headerRow
        report.notes += Self.layoutNotes(template, out, &report.openPoints)
        out.openPoints = report.openPoints.isEmpty ? nil : report.openPoints
        out.status = report.openPoints.isEmpty ? previous.status : .provisional
        out.source = "Imported by caresurvey codebook import from \(report.template) (data sheet \"\(template.dataSheet)\", codes sheet \"\(template.codesSheet)\"): "
            + "fields, header texts, codes and labels. Validation rules, strata, derived variables, population sets, measures, tables and domains carried over from \(previous.id) (\(previous.status.rawValue)) by question text and answer labels."
            + (report.openPoints.isEmpty ? "" : " Provisional: \(report.openPoints.count) open point\(report.openPoints.count == 1 ? "" : "s") (see openPoints).")
        return Result(codebook: out, report: report)
    }

    /// The council cell and the population tables' shape, compared with the previous layout.
    static func layoutNotes(_ template: CodebookTemplate, _ codebook: Codebook, _ open: inout [String]) -> [String] {
        var notes: [String] = []
        if let cell = codebook.excel.councilCell, !template.sheetNames.contains(cell.sheet) {
            open.append("excel.councilCell: the template has no sheet \"\(cell.sheet)\"")
        }
        guard let layout = codebook.excel.populationSheet else { return notes }
        guard template.populationSheet != nil else {
            open.append("excel.populationSheet: the template has no sheet \"\(layout.sheet)\"")
            return notes
        }
        if template.populationTables.count != layout.tables.count {
            open.append("excel.populationSheet.tables: the template has \(template.populationTables.count) population tables, the previous layout \(layout.tables.count)")
            return notes
        }
        for (i, pair) in zip(layout.tables, template.populationTables).enumerated() {
            let (block, table) = pair
            if block.firstRow != table.firstRow || block.rowOrder.count != table.rowCount || Set(block.columns.keys) != Set(table.columns.keys) {
                open.append("excel.populationSheet.tables[\(i)]: the template's table starts in row \(table.firstRow) with \(table.rowCount) rows and columns \(table.columns.keys.sorted().joined(separator: ", ")); the previous layout has row \(block.firstRow), \(block.rowOrder.count) rows, columns \(block.columns.keys.sorted().joined(separator: ", "))")
            }
        }
        if open.isEmpty || !open.contains(where: { $0.hasPrefix("excel.populationSheet") }) {
            notes.append("population tables: \(template.populationTables.map { "row \($0.firstRow), \($0.rowCount) rows" }.joined(separator: "; ")) — as before")
        }
        return notes
    }
}
