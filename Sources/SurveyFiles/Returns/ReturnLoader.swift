import Foundation
import SurveyModel

/// Options for reading returns.
public struct LoadOptions: Sendable {
    /// `ascs` or `sace`; nil = detect from the columns.
    public var survey: String?
    /// `2021-22`; nil = detect.
    public var surveyYear: String?
    /// Council code for rows (or workbooks) that have none.
    public var council: String?
    public var limits: XLSXLimits
    /// Read a file with the chosen codebook even when its columns fit another one better
    /// (`--force-codebook`); the file then carries a `codebook-forced` warning.
    public var forceCodebook: Bool
    /// Use what could be read when some input files or population rows could not (`--allow-partial`).
    public var allowPartial: Bool
    /// Every codebook, also those outside the chosen survey and year: to name the one a file fits.
    var alternatives: [Codebook] = []
    /// Per field of a file's codebook, whether the command reads its column after loading (nil =
    /// every column is kept). Every cell is still read and checked; only the table holds less.
    /// With one input file the columns are left out as the file is read; with several, after
    /// the check for councils given twice (which compares the answers of every column).
    public var keepColumns: (@Sendable (Codebook) -> [Bool])?
    /// False: the per-row serial numbers and source rows are given up once read and checked
    /// (`ResponseTable.dropRowDetails()`), for a command that does not report rows.
    public var keepRowDetails = true
    /// Told the codebook a large CSV file's header line names, before the file is read (first
    /// file to get there first; may be told again for other files): work that needs only the
    /// codebook can start alongside the read. Only a guess: the loaded table's codebook decides.
    public var codebookFound: (@Sendable (Codebook) -> Void)?
    public init(survey: String? = nil, surveyYear: String? = nil, council: String? = nil, limits: XLSXLimits = .default,
                forceCodebook: Bool = false, allowPartial: Bool = false) {
        self.survey = survey
        self.surveyYear = surveyYear
        self.council = council
        self.limits = limits
        self.forceCodebook = forceCodebook
        self.allowPartial = allowPartial
    }

    /// The codebooks of the chosen survey and year (all of them when none is chosen); sets `alternatives`.
    mutating func candidates(from codebooks: [Codebook]) -> [Codebook] {
        alternatives = codebooks
        return codebooks.filter { cb in
            (survey.map { $0.lowercased() == cb.survey.lowercased() } ?? true)
                && (surveyYear.map { $0 == cb.surveyYear } ?? true)
        }
    }
}

/// Every input file read into one response table, with all diagnostics and counts.
public struct LoadedReturns: Sendable {
    /// nil when no file could be read.
    public var table: ResponseTable?
    public var diagnostics: [Diagnostic]
    public var summary: ReadSummary
    public var files: [FileReport]
    /// Populations read from workbooks' "Eligible Population" sheets.
    public var workbookPopulations: [PopulationRow]
    /// Per row of `table`: whether the row has at least one error.
    public var rowHasError: [Bool]
    public var unreadableFiles: Int { files.filter { $0.error != nil }.count }
}

/// Reads several files and folders of returns (CSV and the official .xlsx, recognised by
/// content), in parallel, and merges them. A file that cannot be read is reported and the others
/// are still read; rows are never dropped silently.
public enum ReturnLoader {
    public static func load(paths: [String], codebooks: [Codebook], options: LoadOptions = LoadOptions()) -> LoadedReturns {
        var chosen = options
        let candidates = chosen.candidates(from: codebooks)
        let options = chosen
        let files = expand(paths)
        let results = ParallelResults<FileRead>(count: files.count)
        let keepWhileReading = files.count == 1 ? options.keepColumns : nil
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            results.set(i, readOne(files[i], candidates: candidates, options: options, keepColumns: keepWhileReading))
        }
        var loaded = merge(results.values, files: files)
        if var table = loaded.table, options.keepColumns != nil || !options.keepRowDetails {
            loaded.table = nil
            if let keep = options.keepColumns { table.keepColumns(keep(table.codebook)) }
            if !options.keepRowDetails { table.dropRowDetails() }
            loaded.table = table
        }
        return loaded
    }

    /// Files given, plus the `.csv`, `.xlsx`, `.xlsm` and `.xls` files inside folders (recursively, sorted).
    public static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let found = (fm.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                    .filter { name in
                        let last = (name as NSString).lastPathComponent
                        return !last.hasPrefix(".") && !last.hasPrefix("~$")
                            && ["csv", "xlsx", "xlsm", "xls"].contains((name as NSString).pathExtension.lowercased())
                    }
                    .sorted()
                out.append(contentsOf: found.map { (path as NSString).appendingPathComponent($0) })
            } else {
                out.append(path)
            }
        }
        return out
    }

    struct FileRead: Sendable {
        var report: FileReport
        var table: ResponseTable?
        var diagnostics: [Diagnostic]
        var populations: [PopulationRow]
        var rowHasError: [Bool]
    }

    /// `keepColumns`: the columns to hold while reading (one input file only; see `LoadOptions.keepColumns`).
    static func readOne(_ path: String, candidates: [Codebook], options: LoadOptions,
                        keepColumns: (@Sendable (Codebook) -> [Bool])? = nil) -> FileRead {
        var format = "csv"
        do {
            guard !candidates.isEmpty else {
                throw FileError.unreadable(file: path, reason: "no questionnaire matches --survey \(options.survey ?? "") --survey-year \(options.surveyYear ?? "")")
            }
            let handle = FileHandle(forReadingAtPath: path)
            let magic = (try? handle?.read(upToCount: 8)) ?? nil
            try? handle?.close()
            guard handle != nil else { throw FileError.unreadable(file: path, reason: "no such file, or it cannot be opened") }
            let bytes = [UInt8](magic ?? Data())
            if bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                format = "xlsx"
                return try WorkbookReturn.read(path, candidates: candidates, options: options)
            }
            let file = try MappedFile.read(path)
            return try ParallelCSV.read(file.data, path: path, candidates: candidates, options: options, mapped: file.mapped,
                                        keepColumns: keepColumns)
        } catch {
            let fileError = (error as? FileError) ?? .unreadable(file: path, reason: "\(error)")
            return unreadable(fileError, path: path, format: format)
        }
    }

    /// The report for a file that could not be read at all: one `unreadable-file` error naming
    /// the file (and the sheet, row and column where the reader knows them).
    static func unreadable(_ error: FileError, path: String, format: String) -> FileRead {
        var summary = ReadSummary()
        summary.errors = 1
        var message = error.description
        if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
        if message.hasPrefix(path + ", ") { message.removeFirst(path.count + 2) }
        let rule: String
        if case .codebookMismatch = error { rule = "codebook-mismatch" } else { rule = "unreadable-file" }
        let diagnostic = Diagnostic.error(rule, message, file: path, sheet: sheetOf(error), row: rowOf(error),
                                          column: columnOf(error))
        return FileRead(report: FileReport(path: path, format: format, sheet: nil, codebook: nil, summary: summary, error: message),
                        table: nil, diagnostics: [diagnostic], populations: [], rowHasError: [])
    }

    static func rowOf(_ error: FileError) -> Int? {
        if case let .malformed(_, _, row, _, _) = error { return row }
        return nil
    }

    static func columnOf(_ error: FileError) -> String? {
        if case let .malformed(_, _, _, column, _) = error { return column }
        return nil
    }

    static func sheetOf(_ error: FileError) -> String? {
        if case let .malformed(_, sheet, _, _, _) = error { return sheet }
        if case let .missingColumns(_, sheet, _) = error { return sheet }
        if case let .codebookMismatch(_, sheet, _, _, _) = error { return sheet }
        return nil
    }

    static func merge(_ reads: [FileRead], files: [String]) -> LoadedReturns {
        var table: ResponseTable?
        var diagnostics: [Diagnostic] = []
        var summary = ReadSummary()
        var reports: [FileReport] = []
        var populations: [PopulationRow] = []
        var rowHasError: [Bool] = []
        var reservedFor: String?
        for var read in reads {
            if let part = read.table {
                if table == nil {
                    table = part
                    rowHasError = read.rowHasError
                } else if table!.codebook.id == part.codebook.id {
                    if reservedFor != part.codebook.id {
                        // One allocation for every later table of this codebook, not one per doubling.
                        reservedFor = part.codebook.id
                        let more = reads.reduce(0) { $0 + ($1.table?.codebook.id == part.codebook.id ? $1.table!.count : 0) } - table!.count
                        table!.reserveCapacity(more)
                        rowHasError.reserveCapacity(rowHasError.count + more)
                    }
                    table!.append(contentsOf: part)
                    rowHasError.append(contentsOf: read.rowHasError)
                } else {
                    let message = "this file is \(part.codebook.survey) \(part.codebook.surveyYear) but earlier files are \(table!.codebook.survey) \(table!.codebook.surveyYear); it is not combined with them (read surveys and years separately)"
                    read.diagnostics.append(.error("mixed-surveys", message, file: read.report.path))
                    read.report.error = message
                    read.report.summary.errors += 1
                }
            }
            diagnostics.append(contentsOf: read.diagnostics)
            summary = summary + read.report.summary
            reports.append(read.report)
            populations.append(contentsOf: read.populations)
        }
        if var merged = table, let duplicates = DuplicateCouncils.check(merged) {
            // Councils given twice: left out before the serial check, so repeats are not reported again.
            merged = merged.filtered(duplicates.keep)
            rowHasError = rowHasError.indices.filter { duplicates.keep[$0] }.map { rowHasError[$0] }
            for d in duplicates.diagnostics {
                diagnostics.append(d)
                let i = reports.firstIndex { $0.path == d.file && $0.error == nil }
                if d.severity == .error { summary.errors += 1; i.map { reports[$0].summary.errors += 1 } } else {
                    summary.warnings += 1
                    i.map { reports[$0].summary.warnings += 1 }
                }
            }
            for (source, rows) in duplicates.notUsed {
                summary.rowsNotUsed += rows
                if let i = reports.firstIndex(where: { $0.path == merged.sources[source].path && $0.error == nil }) { reports[i].summary.rowsNotUsed += rows }
            }
            table = merged
        }
        if var merged = table {
            let before = rowHasError
            let extra = DuplicateSerials.check(&merged, rowHasError: &rowHasError)
            for d in extra.diagnostics {
                diagnostics.append(d)
                if let i = reports.firstIndex(where: { $0.path == d.file && $0.error == nil }) { reports[i].summary.errors += 1 }
            }
            for row in rowHasError.indices where rowHasError[row] && !before[row] {
                let path = merged.sources[Int(merged.source[row])].path
                if let i = reports.firstIndex(where: { $0.path == path && $0.error == nil }) { reports[i].summary.rowsWithErrors += 1 }
            }
            summary.errors += extra.diagnostics.count
            summary.rowsWithErrors += extra.newErrorRows
            table = merged
        }
        return LoadedReturns(table: table, diagnostics: diagnostics, summary: summary, files: reports,
                             workbookPopulations: populations, rowHasError: rowHasError)
    }
}


extension ReturnBuilder {
    func result(format: String, populations: [PopulationRow]) throws(FileError) -> ReturnLoader.FileRead {
        if let fatal { throw fatal }
        precondition(pendingRows == 0, "ReturnBuilder.finish() must be called before result(format:populations:)")
        guard let table else { throw .malformed(file: file, sheet: sheet, row: headerRow, column: nil, reason: "no header row") }
        var report = FileReport(path: file, format: format, sheet: sheet, codebook: table.codebook.id, summary: summary, error: nil)
        report.codebookStatus = table.codebook.status
        return ReturnLoader.FileRead(report: report, table: table, diagnostics: diagnostics, populations: populations,
                                     rowHasError: rowHasError)
    }
}
