import Foundation
import SurveyModel
import SurveyFiles
import SurveyScoring
import SurveyEstimation

/// Every question's weighted answer distribution (the published annex tables): for each code,
/// the weighted share of respondents who gave it among those with a valid answer, with the
/// same stratified estimator, per council, group and England.
public enum TablesAnalysis {
    public static func run(_ scored: ScoredReturns, populations: Populations, options: EstimationOptions,
                           diagnostics: (errors: Int, warnings: Int) = (0, 0), notes: [String] = []) throws(EstimationError) -> MeasuresReport {
        let table = scored.table
        let codebook = table.codebook
        let design = Design(councilCodes: table.councils, councilOfRow: table.council, stratumOfRow: scored.stratum,
                            isRespondent: scored.isRespondent)
        let groups = options.grouping.groups(design: design)
        var results: [MeasureResult] = []
        var issues: [DesignIssue] = []
        var allNotes = notes + AnalysisNotes.of(scored, design: design, options: options)
        var noCodes: [String] = []
        // The questions are independent, so they are estimated in parallel; their results, design
        // issues and errors are then taken in codebook order, as one after the other would give them.
        let specs = codebook.tables
        // N_h of each population set the tables use, found once (not once per question).
        var populationsOfSet: [String: [Double?]] = [:]
        for spec in specs where populationsOfSet[spec.populationSet] == nil {
            populationsOfSet[spec.populationSet] = design.populations(populations, set: spec.populationSet)
        }
        let cellPopulations = populationsOfSet
        let perQuestion = ParallelResults<Result<QuestionTables?, EstimationError>>(count: specs.count)
        DispatchQueue.concurrentPerform(iterations: specs.count) { k in
            perQuestion.set(k, Result { () throws(EstimationError) in
                try question(specs[k], scored: scored, design: design, populations: cellPopulations[specs[k].populationSet]!,
                             groups: groups, options: options)
            })
        }
        for (k, spec) in specs.enumerated() {
            guard let done = try perQuestion.take(k).get() else { noCodes.append(spec.question); continue }
            results += done.results
            issues += done.issues
        }
        if !noCodes.isEmpty {
            allNotes.append("no table for \(noCodes.joined(separator: ", ")): the codebook gives \(noCodes.count == 1 ? "it" : "them") no variable with valid codes")
        }
        results += try domainTables(scored, design: design, populations: populations, groups: groups, options: options)
        let unique = DesignIssue.unique(issues)
        if !unique.isEmpty { throw .badDesign(unique) }
        let protected = MeasuresAnalysis.complementarySuppression(&results, options: options, in: "answer tables")
        var report = MeasuresReport(survey: codebook.survey, surveyYear: codebook.surveyYear, interval: options.interval, level: options.level,
                                    results: results, errors: diagnostics.errors, warnings: diagnostics.warnings, notes: allNotes + protected)
        report.codebookID = codebook.id
        report.codebookStatus = codebook.status
        return report
    }

    /// One question's answer tables for every group, and the design issues met.
    struct QuestionTables: Sendable {
        var results: [MeasureResult] = []
        var issues: [DesignIssue] = []
    }

    /// One question's answer tables; nil when the codebook gives it no variable with valid codes.
    /// `N`: the cells' populations in the question's population set.
    static func question(_ spec: TableSpec, scored: ScoredReturns, design: Design, populations N: [Double?], groups: [GroupSpec],
                         options: EstimationOptions) throws(EstimationError) -> QuestionTables? {
        let codebook = scored.table.codebook
        let codes = scored.variables.validCodes[spec.sourceVariable] ?? []
        guard let column = scored.variables[spec.sourceVariable], !codes.isEmpty else { return nil }
        var out = QuestionTables()
        let counts = answerCounts(column: column, codes: codes, design: design)
        let name = codebook.field(spec.question)?.label ?? spec.question
        let labels = codes.map { codebook.answerLabel(question: spec.question, code: $0) }
        let statsByCode = codes.indices.map { ci in
            (0..<design.cells.count).map { h in CellStats.indicator(count: counts.byCode[ci][h], n: counts.n[h]) }
        }
        for group in groups {
            let n = group.cells.reduce(0) { $0 + counts.n[$1] }
            for (ci, code) in codes.enumerated() {
                let estimate = try StratifiedEstimator.estimate(
                    cells: group.cells, stats: statsByCode[ci], populations: N, policy: options.singleRespondent,
                    missingPopulationIsError: spec.populationSet == BatchEstimator.primarySet,
                    describe: { (design.cells[$0].council, design.cells[$0].stratum) },
                    populationSet: spec.populationSet, item: spec.question, issues: &out.issues)
                let answered = group.cells.reduce(0) { $0 + counts.byCode[ci][$1] }
                var interval: (Double?, Double?) = (nil, nil)
                var resultNotes: [String] = []
                if let estimate {
                    let bounds = options.interval.interval(for: estimate, isProportion: true, level: options.level)
                    interval = (bounds.lower, bounds.upper)
                    if let note = bounds.note { resultNotes.append(note) }
                    if let note = estimate.coverageNote { resultNotes.append(note) }
                }
                var result = MeasureResult(measure: spec.question, formerCode: nil, name: name, kind: .proportion, code: code,
                                           group: group.key, estimate: estimate, lower: interval.0, upper: interval.1,
                                           notes: resultNotes, disclosureCount: n == 0 ? 0 : answered)
                result.label = labels[ci]
                result.applyDisclosureControl(threshold: options.suppressBelow)
                out.results.append(result)
            }
        }
        return out
    }

    /// Answer tables by demographic domain (`--by gender,…`), by the published or design-based method.
    static func domainTables(_ scored: ScoredReturns, design: Design, populations: Populations, groups: [GroupSpec],
                             options: EstimationOptions) throws(EstimationError) -> [MeasureResult] {
        guard !options.domains.isEmpty else { return [] }
        let codebook = scored.table.codebook
        var results: [MeasureResult] = []
        for name in options.domains {
            // A domain this codebook lacks gives no tables and a note (AnalysisNotes).
            guard let found = AnalysisNotes.domain(named: name, in: scored) else { continue }
            let (spec, domainColumn) = (found.spec, found.column)
            let domainOfRow = domainColumn.map { v in Int32(spec.groupIndex(of: v == ResponseTable.missing ? nil : Int(v)) ?? -1) }
            var perDomainCell = [[Int]](repeating: [Int](repeating: 0, count: design.cells.count), count: spec.groups.count)
            for row in 0..<domainColumn.count where design.cellOfRow[row] >= 0 && domainOfRow[row] >= 0 {
                perDomainCell[Int(domainOfRow[row])][Int(design.cellOfRow[row])] += 1
            }
            for table in codebook.tables {
                // A table without a variable is named in the notes once, by `run`.
                guard let column = scored.variables[table.sourceVariable] else { continue }
                let codes = scored.variables.validCodes[table.sourceVariable] ?? []
                let N = design.populations(populations, set: table.populationSet)
                let label = codebook.field(table.question)?.label ?? table.question
                for (d, group) in spec.groups.enumerated() {
                    let Nd = DomainEstimator.publishedPopulations(populations: N, respondentsPerCell: design.respondentsPerCell,
                                                                  domainRespondentsPerCell: perDomainCell[d])
                    for code in codes {
                        let y = column.map { v -> Double in
                            v == ResponseTable.missing || !codes.contains(Int(v)) ? .nan : (Int(v) == code ? 1 : 0)
                        }
                        let include = domainOfRow.map { $0 == Int32(d) }
                        let stats = CellStats.accumulate(values: y, design: design, include: include)
                        for parent in groups {
                            let estimate = try DomainAnalysis.estimate(
                                options: options, values: y, stats: stats, splitPopulations: Nd, populations: N, design: design,
                                domainOfRow: domainOfRow, domain: Int32(d), parent: parent, populationSet: table.populationSet,
                                item: table.question)
                            let answered = parent.cells.reduce(0) { total, h in total + Int(stats[h].mean * Double(stats[h].n) + 0.5) }
                            let key = DomainAnalysis.domainKey(spec: spec, value: group.label, parent: parent.key)
                            var bounds: (Double?, Double?) = (nil, nil)
                            var notes: [String] = []
                            if let estimate {
                                let b = options.interval.interval(for: estimate, isProportion: true, level: options.level)
                                bounds = (b.lower, b.upper)
                                notes = [b.note, estimate.coverageNote].compactMap { $0 }
                            }
                            var result = MeasureResult(measure: table.question, formerCode: nil, name: label, kind: .proportion, code: code,
                                                       group: key, estimate: estimate, lower: bounds.0, upper: bounds.1, notes: notes,
                                                       disclosureCount: estimate == nil ? 0 : answered)
                            result.label = codebook.answerLabel(question: table.question, code: code)
                            result.applyDisclosureControl(threshold: options.suppressBelow)
                            results.append(result)
                        }
                    }
                }
            }
        }
        return results
    }

    /// Valid answers per cell, and per code per cell (counted in one flat table, one pass over
    /// the rows in the design).
    static func answerCounts(column: [ResponseTable.Code], codes: [Int], design: Design) -> (n: [Int], byCode: [[Int]]) {
        let cellCount = design.cells.count
        var n = [Int](repeating: 0, count: cellCount)
        var flat = [Int](repeating: 0, count: cellCount * codes.count)
        let maxCode = (codes.max() ?? 0)
        var codeIndex = [Int](repeating: -1, count: maxCode + 1)
        for (i, c) in codes.enumerated() where c >= 0 { codeIndex[c] = i }
        let count = min(column.count, design.cellOfRow.count)
        column.withUnsafeBufferPointer { column in
            design.cellOfRow.withUnsafeBufferPointer { cellOfRow in
                design.rowsInDesign.withUnsafeBufferPointer { rows in
                    n.withUnsafeMutableBufferPointer { n in
                        flat.withUnsafeMutableBufferPointer { flat in
                            for k in 0..<rows.count {
                                let row = Int(rows[k])
                                guard row < count else { break }
                                let h = Int(cellOfRow[row])
                                let v = Int(column[row])
                                guard v <= maxCode else { continue }
                                let ci = codeIndex[v]
                                guard ci >= 0 else { continue }
                                n[h] += 1
                                flat[ci * cellCount + h] += 1
                            }
                        }
                    }
                }
            }
        }
        let byCode = codes.indices.map { Array(flat[($0 * cellCount)..<(($0 + 1) * cellCount)]) }
        return (n, byCode)
    }
}
