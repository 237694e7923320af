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
    public var codebook: Codebook { scored.table.codebook }
    public var errors: Int { loaded.summary.errors + populationDiagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { loaded.summary.warnings + populationDiagnostics.filter { $0.severity == .warning }.count }
}

extension Toolkit {
    /// Reads returns and populations and scores every respondent.
    /// `requirePopulations` false lets `scores` run without population files.
    public func prepare(returns paths: [String], populationFiles: [String], options: LoadOptions,
                        requirePopulations: Bool = true) throws(PipelineError) -> PreparedSurvey {
        let loaded = load(paths, options: options)
        guard let table = loaded.table else { throw .noReadableInput(loaded.files) }
        let scored: ScoredReturns
        do { scored = try score(table) } catch { throw .scoring(error) }
        var populations: Populations?
        var popDiagnostics: [Diagnostic] = []
        var notes: [String] = []
        do {
            let p = try PopulationInputs.load(files: populationFiles, workbookRows: loaded.workbookPopulations, codebook: table.codebook)
            populations = p.populations
            popDiagnostics = p.diagnostics
            notes = p.notes
        } catch {
            if requirePopulations { throw .populations(error) }
        }
        return PreparedSurvey(loaded: loaded, scored: scored, populations: populations, populationDiagnostics: popDiagnostics, notes: notes)
    }

    /// Every measure for every group.
    public func measures(_ survey: PreparedSurvey, options: EstimationOptions) throws(PipelineError) -> MeasuresReport {
        guard let populations = survey.populations else { throw .populations(.none) }
        do {
            return try MeasuresAnalysis.run(survey.scored, populations: populations, options: options,
                                            diagnostics: (survey.errors, survey.warnings), notes: survey.notes)
        } catch {
            throw .estimation(error)
        }
    }
}

extension Toolkit {
    /// Every question's answer distribution for every group.
    public func tables(_ survey: PreparedSurvey, options: EstimationOptions) throws(PipelineError) -> MeasuresReport {
        guard let populations = survey.populations else { throw .populations(.none) }
        do {
            return try TablesAnalysis.run(survey.scored, populations: populations, options: options,
                                          diagnostics: (survey.errors, survey.warnings), notes: survey.notes)
        } catch {
            throw .estimation(error)
        }
    }
}
