import Foundation
import SurveyModel
import SurveyFiles
import SurveyEstimation
import SurveyBenchmark

/// Everything read for `trend`, `report --council` and the dashboard: observations of any number of
/// years from any mix of inputs, with the reference data that places them.
public struct TrendInputs: Sendable {
    public var observations: [TrendObservation] = []
    public var diagnostics: [Diagnostic] = []
    public var notes: [String] = []
    /// Every file read (never written over).
    public var paths: [String] = []
    public var catalogue: MeasureCatalogue
    public var councils: Councils
    public init(catalogue: MeasureCatalogue, councils: Councils) {
        self.catalogue = catalogue
        self.councils = councils
    }
}

/// A set of returns of one year with their populations.
public struct ReturnsInput: Sendable {
    public var paths: [String]
    public var populations: [String]
    public init(paths: [String], populations: [String]) {
        self.paths = paths
        self.populations = populations
    }
}

extension Toolkit {
    /// Reads every input. Published ASCOF data files (recognised by their `Measure type` column) come
    /// first whatever the order given, so that a published value is the one kept when CareSurvey's own
    /// results give the same year too. CareSurvey results JSON, published-figures CSV
    /// (`measure,council,estimate,marginOfError[,surveyYear]`) and returns with populations carry the
    /// stable measure codes.
    public func trendInputs(_ paths: [String], returns: [ReturnsInput] = [], year: String? = nil,
                            options: LoadOptions = LoadOptions()) throws(PipelineError) -> TrendInputs {
        let catalogue: MeasureCatalogue
        let councils: Councils
        do {
            catalogue = try data.measureCatalogue()
            councils = try data.councils()
        } catch { throw .data(error) }
        var inputs = TrendInputs(catalogue: catalogue, councils: councils)
        let kinds = paths.map { ($0, Self.sniffTrendInput($0)) }
        let ascofPaths = kinds.filter { $0.1 == .ascof }.map(\.0)
        let read = AscofDataFile(catalogue: catalogue, councils: councils).readEach(paths: ascofPaths, year: year)
        // Each file's figures made into observations in parallel (independent of one another), then
        // added in the files' order: the same observations, in the same order, as adding them one by one.
        let placed = ParallelResults<TrendInputs.PlacedFigures?>(count: read.count)
        DispatchQueue.concurrentPerform(iterations: read.count) { i in
            placed.set(i, (try? read[i].get()).map { TrendInputs.observations(of: $0, catalogue: catalogue) })
        }
        for (i, (path, result)) in zip(ascofPaths, read).enumerated() {
            let figures: PublishedFigures
            do { figures = try result.get() } catch {
                throw .invalidInput(error.description)
            }
            inputs.add(figures, placed: placed.take(i)!)
            inputs.paths.append(path)
        }
        for (path, kind) in kinds where kind != .ascof {
            let figures: YearFigures
            switch kind {
            case .resultsJSON: figures = try Self.readResultsJSON(path)
            case .published: figures = try readPublished(path, surveyYear: year)
            case .ascof: continue
            case .other:
                throw .invalidInput("\(path): not a results JSON, a published ASCOF data file or a published-figures CSV; "
                    + "give returns with --returns PATH --population FILE")
            }
            inputs.add(figures)
            inputs.paths.append(path)
        }
        for r in returns {
            var estimation = EstimationOptions()
            estimation.suppressBelow = 0
            let figures = try yearFigures(paths: r.paths, populations: r.populations, options: options, estimation: estimation)
            inputs.add(figures)
            inputs.paths += ReturnLoader.expand(r.paths) + r.populations
        }
        return inputs
    }

    enum TrendInputKind { case ascof, resultsJSON, published, other }

    static func sniffTrendInput(_ path: String) -> TrendInputKind {
        switch sniffFigures(path) {
        case .resultsJSON: return .resultsJSON
        case .published: return .published
        case nil: break
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
        // The first non-empty line (what `split(whereSeparator: \.isNewline).first` gives), found
        // without splitting the whole head into lines.
        guard let start = head.firstIndex(where: { !$0.isNewline }) else { return .other }
        let rest = head[start...]
        let line = rest[..<(rest.firstIndex(where: \.isNewline) ?? rest.endIndex)]
        let firstLine = line.lowercased().filter { $0.isLetter || $0 == "," }
        return firstLine.contains("measuretype") ? .ascof : .other
    }
}

extension TrendInputs {
    /// Published figures: councils, regions and England as published (council types are not series).
    mutating func add(_ published: PublishedFigures) {
        add(published, placed: Self.observations(of: published, catalogue: catalogue))
    }

    /// Published figures with their observations (`observations(of:catalogue:)`).
    mutating func add(_ published: PublishedFigures, placed: PlacedFigures) {
        diagnostics += published.diagnostics
        observations += placed.observations
        if placed.councilTypes > 0 { notes.append("\(placed.councilTypes) council-type rows of the published files are not shown as series") }
    }

    /// The observations of published figures, and how many council-type figures were left out.
    static func observations(of published: PublishedFigures, catalogue: MeasureCatalogue) -> PlacedFigures {
        var observations: [TrendObservation] = []
        observations.reserveCapacity(published.figures.count)
        var councilTypes = 0
        // A catalogue scan once per measure, not per figure: an index into `known` (−1: not in the
        // catalogue), the last one kept at hand (a file's figures come measure by measure).
        var measures: [String: Int] = [:]
        var known: [AscofMeasure] = []
        var last: (id: String, at: Int)?
        for f in published.figures {
            let level: TrendLevel
            switch f.level {
            case .council: level = .council
            case .region: level = .region
            case .england: level = .england
            case .councilType: councilTypes += 1; continue
            }
            let at: Int
            if let last, last.id == f.measure {
                at = last.at
            } else if let memo = measures[f.measure] {
                at = memo
                last = (f.measure, memo)
            } else {
                if let m = catalogue.measure(id: f.measure) { at = known.count; known.append(m) } else { at = -1 }
                measures[f.measure] = at
                last = (f.measure, at)
            }
            guard at >= 0 else { continue }
            let point = PublishedPoint.make(f, measure: known[at])
            observations.append(TrendObservation(code: f.measure, scheme: .stable, level: level, area: level == .england ? nil : f.area,
                                                 name: f.areaName, breakdown: f.breakdown, point: point))
        }
        return PlacedFigures(observations: observations, councilTypes: councilTypes)
    }

    /// Published figures as observations, and how many council-type figures were left out.
    struct PlacedFigures: Sendable {
        var observations: [TrendObservation]
        var councilTypes: Int
    }

    /// CareSurvey's own figures: councils, England (all councils loaded) and domains as breakdowns.
    mutating func add(_ figures: YearFigures) {
        notes += figures.notes
        guard let year = figures.surveyYear else {
            diagnostics.append(.error("unknown-year", "\(figures.source): the survey year is not known; its figures are not used (give --year)",
                                      file: figures.source))
            return
        }
        var groups = 0
        for input in figures.inputs {
            let level: TrendLevel
            var breakdown = "Total"
            switch input.group.level {
            case .council: level = .council
            case .england: level = .england
            case .domain:
                level = input.group.council == nil ? .england : .council
                breakdown = "\(input.group.byVariable ?? "") = \(input.group.byValue ?? "")"
            case .group: groups += 1; continue
            }
            let area = level == .council ? input.group.council : nil
            let name = area.flatMap { councils.council(cassr: $0, year: year)?.name } ?? (level == .england ? "England" : nil)
            let point = TrendPoint(year: input.surveyYear ?? year, estimate: input.estimate, standardError: input.standardError,
                                   respondents: input.respondents, source: figures.source, seSource: "computed")
            observations.append(TrendObservation(code: input.measure, scheme: .stable, level: level, area: area, name: name,
                                                 breakdown: breakdown, point: point))
        }
        if groups > 0 { notes.append("\(figures.source): \(groups) results for --by groups are not shown as series") }
    }
}
