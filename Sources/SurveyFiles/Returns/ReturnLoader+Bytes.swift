import SurveyModel

extension ReturnLoader {
    /// Reads one CSV return held in memory, exactly as `load` reads a CSV file (the same
    /// `CSVReader` → `ReturnBuilder` path, the same per-file error report and the same merge,
    /// duplicate-serial check included). `name` stands for the file in reports and diagnostics.
    /// Used by the fuzz targets (Fuzz/) and by callers that already hold the bytes.
    public static func loadCSV(bytes: [UInt8], name: String, codebooks: [Codebook],
                               options: LoadOptions = LoadOptions()) -> LoadedReturns {
        let candidates = codebooks.filter { cb in
            (options.survey.map { $0.lowercased() == cb.survey.lowercased() } ?? true)
                && (options.surveyYear.map { $0 == cb.surveyYear } ?? true)
        }
        let read: FileRead
        do throws(FileError) {
            guard !candidates.isEmpty else {
                throw FileError.unreadable(file: name, reason: "no questionnaire matches --survey \(options.survey ?? "") --survey-year \(options.surveyYear ?? "")")
            }
            var builder = ReturnBuilder(file: name, sheet: nil, mode: .csv, headerRow: 1, fallbackCouncil: options.council,
                                        candidates: candidates)
            // `Array.withUnsafeBytes` only rethrows untyped errors: carry the typed one out.
            var failure: FileError?
            bytes.withUnsafeBytes { raw in
                do throws(FileError) { try CSVReader.read(raw, file: name, into: &builder) } catch { failure = error }
            }
            if let failure { throw failure }
            builder.finish()
            read = try builder.result(format: "csv", populations: [])
        } catch {
            // The same report `readOne` makes for a file that cannot be read.
            var summary = ReadSummary()
            summary.errors = 1
            var message = error.description
            if message.hasPrefix(name + ": ") { message.removeFirst(name.count + 2) }
            if message.hasPrefix(name + ", ") { message.removeFirst(name.count + 2) }
            let diagnostic = Diagnostic.error("unreadable-file", message, file: name, sheet: sheetOf(error), row: rowOf(error),
                                              column: columnOf(error))
            read = FileRead(report: FileReport(path: name, format: "csv", sheet: nil, codebook: nil, summary: summary, error: message),
                            table: nil, diagnostics: [diagnostic], populations: [], rowHasError: [])
        }
        return merge([read], files: [name])
    }
}
