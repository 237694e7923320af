import Foundation
import SurveyModel
import SurveyFiles
import SurveyBenchmark

/// `caresurvey benchmark`: what to read and whom to benchmark.
public struct BenchmarkRequest: Sendable {
    public var inputs: [String]
    /// A CASSR code; nil = every council.
    public var focus: String?
    /// A peer file: `LaCode,Group` or `LaCode,NeighbourLaCode[,Rank]`.
    public var peersFile: String?
    /// A groups file (`LaCode,Group`): a council's peers are the other members of its group.
    public var groupsFile: String?
    /// Only this year; also the year of inputs whose year is in neither a column nor the file name.
    public var year: String?
    /// Measure ids or codes (in the year's numbering); nil = all.
    public var measures: [String]?
    public var draws: Int
    /// A targets file (`measure,target[,amber]` in the measures' published units), read by
    /// `Toolkit.targets(path:catalogue:)`; each result gets its RAG status.
    public var targetsFile: String?
    /// Refuse a focus council with no figures (the command); `report` shows every council instead.
    public var requireFocus = true

    public init(inputs: [String], focus: String? = nil, peersFile: String? = nil, groupsFile: String? = nil,
                year: String? = nil, measures: [String]? = nil, draws: Int = RankInterval.defaultDraws) {
        self.inputs = inputs
        self.focus = focus
        self.peersFile = peersFile
        self.groupsFile = groupsFile
        self.year = year
        self.measures = measures
        self.draws = draws
    }
}

extension Toolkit {
    public func benchmark(_ request: BenchmarkRequest) throws(PipelineError) -> BenchmarkReport {
        guard !request.inputs.isEmpty else { throw .invalidInput("benchmark needs at least one input file") }
        if let year = request.year, PublishedYear.parse(year) != year {
            throw .invalidInput("--year \(year): expected a survey year such as 2023-24")
        }
        if request.peersFile != nil && request.groupsFile != nil { throw .invalidInput("give --peers or --groups, not both") }
        let councils: Councils, catalogue: MeasureCatalogue
        do {
            councils = try data.councils()
            catalogue = try data.measureCatalogue()
        } catch { throw .data(error) }
        let targets = try request.targetsFile.map { path throws(PipelineError) in try self.targets(path: path, catalogue: catalogue) } ?? [:]
        var inputs = try readBenchmarkInputs(request.inputs, year: request.year, councils: councils, catalogue: catalogue)
        var notes = inputs.notes + inputs.own.flatMap(\.notes)
        if !inputs.annex.isEmpty { notes += try annexFigures(into: &inputs, catalogue: catalogue) }
        var measureIDs: Set<String>?
        if let wanted = request.measures, !wanted.isEmpty {
            var ids = Set<String>()
            for code in wanted {
                let years = request.year.map { [$0] } ?? (inputs.published.years + inputs.own.compactMap(\.surveyYear))
                // A code in the numbering of the years read first (1B in a 2022-23 file is control over
                // daily life), else a catalogue id (4B-safeguarding).
                let byCode = years.compactMap { catalogue.measure(code: code, year: $0) }
                let found = byCode.isEmpty ? catalogue.measure(id: code).map { [$0] } ?? [] : byCode
                guard !found.isEmpty else {
                    throw .invalidInput("--measures: \(code) is not an ASCOF measure (Reference/ascof-measures.json); known: \(catalogue.measures.map(\.id).joined(separator: ", "))")
                }
                ids.formUnion(found.map(\.id))
            }
            measureIDs = ids
        }
        let builder = BenchmarkSetBuilder(catalogue: catalogue, councils: councils, focus: request.focus)
        let (sets, setNotes) = builder.sets(inputs, years: request.year.map { [$0] }, measures: measureIDs)
        notes += setNotes
        guard !sets.isEmpty else { throw .invalidInput("nothing to benchmark: no figures for the measures and year asked for") }
        if request.requireFocus, let focus = request.focus, !sets.contains(where: { $0.councils.contains { $0.area == focus } }) {
            let named = councils.council(cassr: focus).map { " (\($0.name))" } ?? ""
            throw .invalidInput("--council \(focus)\(named): no figures for this council in the inputs; use the CASSR code (e.g. 716)")
        }
        var peers: PeerGroups?
        if let path = request.peersFile ?? request.groupsFile {
            do { peers = try PeerFile.read(path: path) } catch { throw .invalidInput(error.description) }
            if request.groupsFile != nil, peers?.form != .groups { throw .invalidInput("\(path): --groups needs LaCode,Group columns") }
            let known = Set(sets.flatMap { $0.councils.map(\.area) })
            let unknown = Set(peers!.peers.flatMap { [$0.key] + $0.value }).subtracting(known).sorted()
            if !unknown.isEmpty { notes.append("\(path): \(unknown.count) council codes with no figures in the inputs: \(unknown.prefix(10).joined(separator: ", "))") }
        }
        guard request.draws >= 1_000 else { throw .invalidInput("--draws must be at least 1000") }
        // Normals computed only for as many councils as the largest set has (the layout stays that of 200).
        let largest = sets.map(\.councils.count).max() ?? 0
        let simulation = RankInterval(draws: request.draws, capacity: max(200, largest), columns: largest)
        let benchmarker = Benchmarker(peers: peers, rankIntervals: simulation)
        var all = benchmarker.run(sets)
        if !targets.isEmpty {
            notes += Self.applyTargets(targets, to: &all, file: request.targetsFile ?? "")
        }
        return BenchmarkReport(focus: request.focus, all: all, sets: sets, files: inputs.published.files,
                               diagnostics: inputs.published.diagnostics + inputs.annex.flatMap(\.diagnostics), notes: notes,
                               seed: simulation.seed, draws: simulation.draws)
    }

    /// Each result with a value gets its status against its measure's target (benchmarking.md §6,
    /// `TargetStatus.evaluate`: by polarity, the amber band, and whether the target lies outside the
    /// 95% interval). Returns a note for each target whose measure has no figures in the inputs.
    static func applyTargets(_ targets: [String: Target], to results: inout [BenchmarkResult], file: String) -> [String] {
        var used = Set<String>()
        for i in results.indices {
            guard let target = targets[results[i].measure] else { continue }
            used.insert(target.measure)
            guard let estimate = results[i].estimate else { continue }
            let r = results[i]
            results[i].target = TargetStatus.evaluate(estimate: estimate, lower: r.lower, upper: r.upper, target: target,
                                                      polarity: r.higherIsBetter ? .higherIsBetter : .lowerIsBetter)
        }
        return targets.keys.sorted().filter { !used.contains($0) }.map { "\(file): the target for \($0) was not used: no figures for it in the inputs" }
    }

    /// The annex tables' answers as ASCOF measures (`Reference/annex-measures.json`), added to the
    /// published figures for the measures and years the ASCOF files do not already give.
    func annexFigures(into inputs: inout BenchmarkInputs, catalogue: MeasureCatalogue) throws(PipelineError) -> [String] {
        let map: AnnexMeasureMap
        do { map = try data.annexMeasures() } catch { throw .data(error) }
        let published = Set(inputs.published.figures.map { "\($0.measure)\u{1}\($0.year)" })
        var notes: [String] = []
        for annex in inputs.annex {
            let made = AnnexMeasures.figures(annex, map: map, catalogue: catalogue)
            let fresh = made.figures.filter { !published.contains("\($0.measure)\u{1}\($0.year)") }
            if fresh.count < made.figures.count {
                notes.append("\(annex.path): \(made.figures.count - fresh.count) annex figures not used: the ASCOF file gives those measures for \(annex.year)")
            }
            inputs.published.figures += fresh
            notes += made.notes
            notes.append("\(annex.path): \(annex.answers.count) answers read (\(annex.year)); answers not mapped to a measure are not ranked")
        }
        return notes
    }
}
