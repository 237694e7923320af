import Foundation
import SurveyModel
import SurveyFiles

/// Writes synthetic returns, populations and workbooks (`caresurvey example`).
public enum ExampleWriter {
    /// Generates and writes the examples of `options.surveys` (empty: each of `surveys`, the survey
    /// codes in use, that has a codebook for the year) with these codebooks and hints. Each
    /// file is written atomically (temporary file, then rename); nothing outside `options.output` is
    /// touched and nothing is deleted. Councils are generated in parallel with identical results.
    public static func write(_ options: ExampleOptions, codebooks: [Codebook], surveys: [String],
                             profiles: ExampleProfileFile) throws(ExampleError) -> [ExampleFileSummary] {
        guard (1...ExampleOptions.maxCouncils).contains(options.councils) else {
            throw .invalidOption("--councils must be between 1 and \(ExampleOptions.maxCouncils)")
        }
        if let n = options.workbookCouncils, n < 0 { throw .invalidOption("--xlsx-councils must be 0 or more") }
        var selected: [Codebook] = []
        // No survey given: every survey (in `surveys`' order) with a codebook for the year.
        let chosen = options.surveys.isEmpty
            ? surveys.filter { s in codebooks.contains { $0.survey.lowercased() == s && $0.surveyYear == options.surveyYear } }
            : options.surveys
        if chosen.isEmpty {
            throw .noCodebook(survey: "", year: options.surveyYear, available: codebooks.map { "\($0.survey) \($0.surveyYear)" })
        }
        for survey in chosen {
            guard let codebook = codebooks.first(where: { $0.survey.lowercased() == survey.lowercased() && $0.surveyYear == options.surveyYear }) else {
                let available = codebooks.filter { $0.survey.lowercased() == survey.lowercased() }.map { "\($0.survey) \($0.surveyYear)" }
                throw .noCodebook(survey: survey, year: options.surveyYear, available: available)
            }
            selected.append(codebook)
        }
        var summaries: [ExampleFileSummary] = []
        for codebook in selected {
            let generator = ExampleGenerator(codebook: codebook, profile: profiles.profile(for: codebook), seed: options.seed)
            summaries += try write(generator, options: options)
        }
        return summaries
    }

    struct CouncilOutput: Sendable {
        var csv: [UInt8]
        var population: String
        var rows: Int
        var respondents: Int
        var workbookBytes: Int
        var error: String?
    }

    static func write(_ generator: ExampleGenerator, options: ExampleOptions) throws(ExampleError) -> [ExampleFileSummary] {
        let survey = generator.codebook.survey.lowercased()
        let folder = URL(fileURLWithPath: options.output).appendingPathComponent(survey)
        let workbookFolder = folder.appendingPathComponent("xlsx")
        let codes = ExampleGenerator.councilCodes(count: options.councils)
        let workbookCount = options.writeWorkbooks && generator.canWriteWorkbooks ? min(options.workbookCouncils ?? codes.count, codes.count) : 0
        var isFolder: ObjCBool = false
        for path in [options.output, folder.path] where FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if !isFolder.boolValue { throw .write("\(path): exists and is not a folder") }
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if workbookCount > 0 { try FileManager.default.createDirectory(at: workbookFolder, withIntermediateDirectories: true) }
        } catch {
            throw .write("\(folder.path): cannot create the folder: \(error.localizedDescription)")
        }
        let slots = ParallelResults<CouncilOutput>(count: codes.count)
        DispatchQueue.concurrentPerform(iterations: codes.count) { index in
            let council = generator.council(index: index, code: codes[index])
            var output = CouncilOutput(csv: generator.csvRows(council), population: generator.populationRows(council),
                                       rows: council.rowCount, respondents: council.respondents, workbookBytes: 0)
            if index < workbookCount {
                let path = workbookFolder.appendingPathComponent("\(council.code).xlsx").path
                do {
                    let data = try XLSXWriter.data(sheets: ExampleWorkbook.sheets(council))
                    try OutputFile.write(data, to: path)
                    output.workbookBytes = data.count
                } catch {
                    output.error = "\(path): \(error)"
                }
            }
            slots.set(index, output)
        }
        let outputs = slots.values
        if let error = outputs.compactMap(\.error).first { throw .write(error) }
        var csv = Array(generator.csvHeader.utf8)
        csv.reserveCapacity(outputs.reduce(csv.count) { $0 + $1.csv.count })
        var population = generator.populationHeader
        for output in outputs {
            csv += output.csv
            population += output.population
        }
        let rows = outputs.reduce(0) { $0 + $1.rows }
        let respondents = outputs.reduce(0) { $0 + $1.respondents }
        let returnsPath = folder.appendingPathComponent("returns.csv").path
        let populationPath = folder.appendingPathComponent("population.csv").path
        do {
            try OutputFile.write(Data(csv), to: returnsPath)
            try OutputFile.write(population, to: populationPath)
        } catch {
            throw .write(error.description)
        }
        let name = generator.codebook.survey
        var summaries = [
            ExampleFileSummary(survey: name, kind: .returns, path: returnsPath, files: 1, rows: rows, respondents: respondents,
                               councils: codes.count, bytes: csv.count),
            ExampleFileSummary(survey: name, kind: .population, path: populationPath, files: 1,
                               rows: outputs.reduce(0) { $0 + $1.population.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } },
                               respondents: 0, councils: codes.count, bytes: population.utf8.count),
        ]
        if workbookCount > 0 {
            let written = outputs.prefix(workbookCount)
            summaries.append(ExampleFileSummary(survey: name, kind: .workbooks, path: workbookFolder.path, files: workbookCount,
                                                rows: written.reduce(0) { $0 + $1.rows }, respondents: written.reduce(0) { $0 + $1.respondents },
                                                councils: workbookCount, bytes: written.reduce(0) { $0 + $1.workbookBytes }))
        }
        return summaries
    }
}

