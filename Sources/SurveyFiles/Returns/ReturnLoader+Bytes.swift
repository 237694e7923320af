import Foundation
import SurveyModel

extension ReturnLoader {
    /// Reads one CSV return held in memory, exactly as `load` reads a CSV file (the same
    /// `ParallelCSV` → `CSVReader` → `ReturnBuilder` path, the same per-file error report and the
    /// same merge, duplicate-serial check included). `name` stands for the file in reports and diagnostics.
    /// Used by the fuzz targets (Fuzz/) and by callers that already hold the bytes.
    public static func loadCSV(bytes: [UInt8], name: String, codebooks: [Codebook],
                               options: LoadOptions = LoadOptions()) -> LoadedReturns {
        var options = options
        let candidates = options.candidates(from: codebooks)
        let read: FileRead
        do throws(FileError) {
            guard !candidates.isEmpty else {
                throw FileError.unreadable(file: name, reason: "no questionnaire matches --survey \(options.survey ?? "") --survey-year \(options.surveyYear ?? "")")
            }
            read = try ParallelCSV.read(Data(bytes), path: name, candidates: candidates, options: options)
        } catch {
            // The same report `readOne` makes for a file that cannot be read.
            read = unreadable(error, path: name, format: "csv")
        }
        return merge([read], files: [name])
    }
}
