import SurveyModel

/// The benchmark results with what was read and every diagnostic.
public struct BenchmarkReport: Sendable {
    public var focus: String?
    /// The focus council's results (every council's without a focus).
    public var results: [BenchmarkResult]
    /// Every council's results (for the charts).
    public var all: [BenchmarkResult]
    public var sets: [BenchmarkSet]
    public var files: [PublishedFileSummary]
    public var diagnostics: [Diagnostic]
    public var notes: [String]
    public var seed: UInt64
    public var draws: Int

    public init(focus: String?, all: [BenchmarkResult], sets: [BenchmarkSet], files: [PublishedFileSummary],
                diagnostics: [Diagnostic], notes: [String], seed: UInt64, draws: Int) {
        self.focus = focus
        self.all = all
        self.results = focus.map { f in all.filter { $0.council == f } } ?? all
        self.sets = sets
        self.files = files
        self.diagnostics = diagnostics
        self.notes = notes
        self.seed = seed
        self.draws = draws
    }
}
