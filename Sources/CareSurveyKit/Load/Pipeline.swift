import Foundation
import SurveyModel
import SurveyFiles
import SurveyScoring
import SurveyEstimation

/// Why a pipeline step could not produce a result. Data problems inside readable files are
/// diagnostics, not these.
public enum PipelineError: Error, CustomStringConvertible {
    case data(DataDirectory.LoadError)
    /// No input file could be read.
    case noReadableInput([FileReport])
    case populations(PopulationInputs.Failure)
    case scoring(ScoringError)
    case estimation(EstimationError)
    case invalidInput(String)
    /// A return's columns do not fit the chosen or detected codebook (and `--force-codebook` was not given).
    case codebookDoesNotFit([Diagnostic])
    /// Some input could not be used (unreadable files, rejected population rows, a council given
    /// twice) and `--allow-partial` was not given.
    case partialInput([Diagnostic])

    public var description: String {
        switch self {
        case let .data(e): return e.description
        case let .noReadableInput(files):
            return files.isEmpty ? "no input files (give files or folders of returns)"
                : "no input file could be read:\n" + files.compactMap { $0.error.map { "  - \($0)" } }.joined(separator: "\n")
        case let .populations(e): return e.description
        case let .scoring(e): return e.description
        case let .estimation(e): return e.description
        case let .invalidInput(message): return message
        case let .codebookDoesNotFit(problems):
            return "the returns do not fit the codebook; nothing was estimated:\n" + InputProblems.lines(problems)
                + "\n(give the right --survey/--survey-year, fix the file, or read it anyway with --force-codebook: every output then carries a warning)"
        case let .partialInput(problems):
            return "some input could not be used; nothing was estimated:\n" + InputProblems.lines(problems)
                + "\n(fix the input, or use what could be read with --allow-partial: the outputs then say what was left out)"
        }
    }

    /// The exit status convention of cli.md: 1 data errors, 3 unreadable input.
    public var exitCode: Int32 {
        switch self {
        case .noReadableInput, .data: return 3
        case let .populations(failure):
            if case .file = failure { return 3 }
            return 1
        case .invalidInput: return 2
        case let .partialInput(problems):
            return problems.contains { $0.rule == "unreadable-file" } ? 3 : 1
        default: return 1
        }
    }
}

/// Loaded, scored returns with their populations: the common start of `measures`, `tables`,
/// `scores`, `compare` and `report`.
public struct PreparedSurvey: Sendable {
    public let loaded: LoadedReturns
    public let scored: ScoredReturns
    public let populations: Populations?
    public let populationDiagnostics: [Diagnostic]
    public let notes: [String]
    /// What was left out or forced (accepted by `--allow-partial` / `--force-codebook`).
    public let problems: InputProblems
    public var codebook: Codebook { scored.table.codebook }
    public var errors: Int { loaded.summary.errors + populationDiagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { loaded.summary.warnings + populationDiagnostics.filter { $0.severity == .warning }.count }
}

extension Toolkit {
    /// Reads returns and populations and scores every respondent.
    /// `requirePopulations` false lets `scores` run without population files.
    public func prepare(returns paths: [String], populationFiles: [String], options: LoadOptions,
                        requirePopulations: Bool = true) throws(PipelineError) -> PreparedSurvey {
        // The population files are read alongside the returns once their codebook is known.
        let prefetch = PopulationPrefetch(files: populationFiles)
        var loadOptions = options
        if !populationFiles.isEmpty { loadOptions.codebookFound = { prefetch.start($0) } }
        let loaded = load(paths, options: loadOptions)
        let early = InputProblems(loaded: loaded, populationDiagnostics: [])
        if !early.codebook.isEmpty && !options.forceCodebook { throw .codebookDoesNotFit(early.codebook) }
        guard let table = loaded.table else { throw .noReadableInput(loaded.files) }
        // Scoring and reading the population files need only the table, so they run side by side
        // (the national population file takes as long as scoring); scoring's error comes first.
        let scoring = ParallelResults<Result<ScoredReturns, ScoringError>>(count: 1)
        let populationRead = ParallelResults<Result<PopulationInputs.Loaded, PopulationInputs.Failure>>(count: 1)
        let workbookRows = loaded.workbookPopulations
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                scoring.set(0, Result { () throws(ScoringError) in try score(table) })
            } else {
                populationRead.set(0, Result { () throws(PopulationInputs.Failure) in
                    try PopulationInputs.load(files: populationFiles, workbookRows: workbookRows, codebook: table.codebook,
                                              prefetched: prefetch.take(scheme: table.codebook.populations))
                })
            }
        }
        let scored: ScoredReturns
        do { scored = try scoring.take(0).get() } catch { throw .scoring(error) }
        var populations: Populations?
        var popDiagnostics: [Diagnostic] = []
        var notes: [String] = []
        do {
            let p = try populationRead.take(0).get()
            populations = p.populations
            popDiagnostics = p.diagnostics
            notes = p.notes
        } catch {
            if requirePopulations { throw .populations(error) }
        }
        let problems = InputProblems(loaded: loaded, populationDiagnostics: popDiagnostics)
        if !problems.partial.isEmpty && !options.allowPartial { throw .partialInput(problems.partial) }
        notes = problems.notes(loaded: loaded) + notes
        return PreparedSurvey(loaded: loaded, scored: scored, populations: populations, populationDiagnostics: popDiagnostics,
                              notes: notes, problems: problems)
    }

    /// Every measure for every group.
    public func measures(_ survey: PreparedSurvey, options: EstimationOptions) throws(PipelineError) -> MeasuresReport {
        try estimate(survey) { (populations) throws(EstimationError) in
            try MeasuresAnalysis.run(survey.scored, populations: populations, options: options,
                                     diagnostics: (survey.errors, survey.warnings), notes: survey.notes)
        }
    }

    /// Every question's answer distribution for every group.
    public func tables(_ survey: PreparedSurvey, options: EstimationOptions) throws(PipelineError) -> MeasuresReport {
        try estimate(survey) { (populations) throws(EstimationError) in
            try TablesAnalysis.run(survey.scored, populations: populations, options: options,
                                   diagnostics: (survey.errors, survey.warnings), notes: survey.notes)
        }
    }

    /// Runs one analysis on the prepared survey's populations, then names the aggregate and carries
    /// the input warnings (forced codebook, partial input) into the report.
    private func estimate(_ survey: PreparedSurvey,
                          _ analysis: (Populations) throws(EstimationError) -> MeasuresReport) throws(PipelineError) -> MeasuresReport {
        guard let populations = survey.populations else { throw .populations(.none) }
        do {
            var report = try analysis(populations)
            report.aggregate = aggregateName(survey)
            report.inputWarnings = survey.problems.notes(loaded: survey.loaded)
            return report
        } catch {
            throw .estimation(error)
        }
    }
}

extension Toolkit {
    /// England only when every council of the year (Reference/councils.json) is loaded; otherwise
    /// "all councils loaded (n)". Without the reference list the aggregate is never called England.
    public func aggregateName(_ survey: PreparedSurvey) -> AggregateName {
        let loaded = Set(survey.scored.table.councils.filter { !$0.isEmpty })
        let year = survey.codebook.surveyYear
        guard let reference = try? data.councils() else { return AggregateName(councils: loaded.count, isEngland: false) }
        let ofYear = reference.councils.filter { $0.isValid(in: year) }.map(\.cassr)
        let complete = !ofYear.isEmpty && ofYear.allSatisfy(loaded.contains)
        return AggregateName(councils: loaded.count, isEngland: complete)
    }
}
