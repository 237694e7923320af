import Foundation
import SurveyModel
import SurveyFiles
import SurveyEstimation
import SurveyBenchmark

/// What `trend` computes, for the renderers.
public struct TrendRun: Sendable {
    public var trends: [SeriesTrend]
    public var diagnostics: [Diagnostic]
    public var notes: [String]
    public var paths: [String]
    public var options: TrendOptions
}

public struct TrendOptions: Sendable {
    /// CASSR codes to show (with their regions and England); empty = every series.
    public var councils: [String] = []
    /// Measure ids or codes (either numbering); empty = every measure.
    public var measures: [String] = []
    /// Targets by stable measure id, already converted (see `Toolkit.targets`).
    public var targets: [String: Target] = [:]
    public var change = ChangeTest.Options()
    public init() {}
}

extension Toolkit {
    /// Series, tests and targets for the chosen councils and measures. The multiple-testing family is
    /// every consecutive pair of the series shown.
    public func trend(_ inputs: TrendInputs, options: TrendOptions) throws(PipelineError) -> TrendRun {
        let built = SeriesBuilder.build(inputs.observations, catalogue: inputs.catalogue)
        var series = built.series
        var notes = inputs.notes
        if !options.measures.isEmpty {
            var ids = Set<String>()
            for text in options.measures {
                guard let m = Self.resolveMeasure(text, catalogue: inputs.catalogue) else {
                    throw .invalidInput("--measures: \(text) is not an ASCOF measure in Reference/ascof-measures.json")
                }
                ids.insert(m.id)
            }
            series = series.filter { ids.contains($0.measure.id) }
        }
        if !options.councils.isEmpty {
            var regions = Set<String>()
            for code in options.councils {
                let known = inputs.councils.councils.first { $0.cassr == code }
                guard known != nil || series.contains(where: { $0.level == .council && $0.area == code }) else {
                    throw .invalidInput("--council: \(code) is not a CASSR code in Reference/councils.json or the inputs")
                }
                if let region = known?.region { regions.insert(region) }
            }
            let wanted = Set(options.councils)
            series = series.filter { s in
                switch s.level {
                case .council: return wanted.contains(s.area ?? "")
                case .region: return regions.contains(s.area ?? "")
                case .england: return true
                }
            }
            for code in options.councils where !series.contains(where: { $0.level == .council && $0.area == code }) {
                notes.append("council \(code) has no figures in the inputs")
            }
        }
        var analysis = TrendAnalysis.Options()
        analysis.change = options.change
        analysis.targets = options.targets
        let trends = TrendAnalysis.analyse(series, options: analysis)
        return TrendRun(trends: trends, diagnostics: inputs.diagnostics + built.diagnostics, notes: notes, paths: inputs.paths, options: options)
    }

    /// A measure by its stable id, else by its code in the newest numbering, else in any numbering.
    static func resolveMeasure(_ text: String, catalogue: MeasureCatalogue) -> AscofMeasure? {
        if let m = catalogue.measure(id: text) { return m }
        for framework in catalogue.frameworks.reversed() {
            if let m = catalogue.measure(code: text, year: framework.from) { return m }
        }
        return nil
    }

    /// Reads a targets file with the shipped measure catalogue (see `targets(path:catalogue:)`).
    public func targets(path: String) throws(PipelineError) -> [String: Target] {
        let catalogue: MeasureCatalogue
        do { catalogue = try data.measureCatalogue() } catch { throw .data(error) }
        return try targets(path: path, catalogue: catalogue)
    }

    /// Reads a targets file (`measure,target[,amber]`, in each measure's published unit: a percentage
    /// measure's target is a percentage) into targets in CareSurvey's units, keyed by stable id.
    /// Codes are read as in `--measures`. Any bad line fails the whole file, naming every problem.
    public func targets(path: String, catalogue: MeasureCatalogue) throws(PipelineError) -> [String: Target] {
        let read: (lines: [TargetsFile.Line], diagnostics: [Diagnostic])
        do { read = try TargetsFile.read(path: path) } catch { throw .invalidInput("--targets: \(error.description)") }
        var problems = read.diagnostics.map { "\($0.location): \($0.message)" }
        var out: [String: Target] = [:]
        for line in read.lines {
            guard let m = Self.resolveMeasure(line.measure, catalogue: catalogue) else {
                problems.append("\(path), row \(line.row): \(line.measure) is not an ASCOF measure in Reference/ascof-measures.json")
                continue
            }
            if out[m.id] != nil {
                problems.append("\(path), row \(line.row): \(line.measure) is measure \(m.id), which has a target already")
                continue
            }
            let scale = m.unit == .percent ? 0.01 : 1
            out[m.id] = Target(measure: m.id, value: line.target * scale, amber: line.amber.map { $0 * scale })
        }
        if !problems.isEmpty { throw .invalidInput("--targets: " + problems.joined(separator: "\n  ")) }
        return out
    }
}
