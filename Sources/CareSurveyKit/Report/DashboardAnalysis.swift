import Foundation
import SurveyModel
import SurveyFiles
import SurveyEstimation
import SurveyBenchmark
import SurveyReports

/// `caresurvey report --council C --published …`: the council dashboard from several years of
/// published figures (and CareSurvey's own results or returns for a year not yet published).
public struct DashboardRequest: Sendable {
    public var council: String
    /// Published ASCOF files and CareSurvey results JSON.
    public var inputs: [String]
    public var returns: [ReturnsInput] = []
    public var peersFile: String?
    public var targetsFile: String?
    public var year: String?
    public var change = ChangeTest.Options()
    public init(council: String, inputs: [String]) {
        self.council = council
        self.inputs = inputs
    }
}

extension Toolkit {
    /// The dashboard's rows, from the same `trend` and `benchmark` computations as those commands
    /// (so every number equals their JSON), with the trend run itself.
    public func dashboard(_ request: DashboardRequest) throws(PipelineError) -> (input: DashboardInput, trend: TrendRun, benchmark: BenchmarkReport) {
        let loaded = try trendInputs(request.inputs, returns: request.returns, year: request.year)
        var options = TrendOptions()
        options.councils = [request.council]
        options.change = request.change
        if let path = request.targetsFile { options.targets = try targets(path: path, catalogue: loaded.catalogue) }
        let run = try trend(loaded, options: options)
        let councilSeries = run.trends.filter { $0.series.level == .council && $0.series.area == request.council && $0.series.breakdown == "Total" }
        guard !councilSeries.isEmpty else { throw .invalidInput("--council \(request.council): no figures for this council in the inputs") }
        var benchmarkRequest = BenchmarkRequest(inputs: request.inputs, focus: request.council, peersFile: request.peersFile, year: nil)
        let bench = try benchmark(benchmarkRequest)
        var byKey: [String: BenchmarkResult] = [:]
        for r in bench.results where r.breakdown == "Total" { byKey["\(r.measure)|\(r.year)"] = r }
        let years = Array(Set(councilSeries.flatMap { $0.series.points.map(\.year) })).sorted().suffix(5)
        let rows = councilSeries.map { t -> DashboardInput.Row in
            let valued = t.series.points.filter { $0.estimate != nil }.map(\.year)
            let current = valued.last.flatMap { byKey["\(t.series.measure.id)|\($0)"] }
            let previous = valued.dropLast().last.flatMap { byKey["\(t.series.measure.id)|\($0)"] }
            return DashboardInput.Row(trend: t, current: current, previous: previous)
        }
        let council = loaded.councils.council(cassr: request.council)
        let input = DashboardInput(council: request.council, name: council?.name ?? councilSeries[0].series.name ?? request.council,
                                   regionName: council?.regionName, years: Array(years), rows: rows, adjust: request.change.adjust,
                                   alpha: request.change.alpha, peers: request.peersFile, sources: run.paths,
                                   notes: (run.notes + bench.notes).map(Self.hidePaths), diagnostics: run.diagnostics.count + bench.diagnostics.count,
                                   generatedBy: "caresurvey report --dashboard --council \(request.council)")
        return (input, run, bench)
    }
}
