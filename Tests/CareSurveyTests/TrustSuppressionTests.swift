import Foundation
import Testing
@testable import CareSurveyKit
import SurveyEstimation
import SurveyModel
import SurveyFiles

/// Issue 18, item 6 (second half): no suppressed value can be derived by subtraction from the
/// published figures and totals of its table (complementary suppression).
@Suite struct TrustSuppressionTests {
    /// A seeded generator (SplitMix64), so that a failing table can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    // MARK: An independent oracle

    /// One linear constraint of a table: the members add up to a known total (a share table to 1),
    /// or, with `total`, to that cell (a domain's categories to their parent).
    struct Constraint { var members: [Int]; var total: Int? }

    /// The rank of an integer matrix by fraction-free (Bareiss) elimination: exact (an overflow is
    /// a test failure, not a wrong answer).
    static func rank(_ matrix: [[Int]]) -> Int {
        var m = matrix
        guard let width = m.first?.count, width > 0 else { return 0 }
        var rank = 0
        var previous = 1
        for col in 0..<width where rank < m.count {
            guard let p = (rank..<m.count).first(where: { m[$0][col] != 0 }) else { continue }
            m.swapAt(rank, p)
            for r in (rank + 1)..<m.count {
                for k in 0..<width where k != col {
                    let a = m[rank][col].multipliedReportingOverflow(by: m[r][k])
                    let b = m[r][col].multipliedReportingOverflow(by: m[rank][k])
                    if a.overflow || b.overflow { Issue.record("overflow in the rank oracle"); return -1 }
                    m[r][k] = (a.partialValue - b.partialValue) / previous
                }
                m[r][col] = 0
            }
            previous = m[rank][col]
            rank += 1
        }
        return rank
    }

    /// The suppressed (`[c]`) cells whose value follows from the published ones: those whose
    /// column, when removed, lowers the rank of the constraint system in the unknowns (the unit
    /// vector of the cell is then in the row space, so the constraints fix its value).
    static func derivable(_ rows: [MeasureResult], _ constraints: [Constraint]) -> [Int] {
        let unknowns = rows.indices.filter { rows[$0].suppression == "[c]" }
        let matrix = constraints.map { c in
            unknowns.map { u in (c.members.contains(u) ? 1 : 0) - (c.total == u ? 1 : 0) }
        }
        let full = rank(matrix)
        return unknowns.indices.filter { i in
            rank(matrix.map { row in row.enumerated().filter { $0.offset != i }.map(\.element) }) < full
        }.map { unknowns[$0] }
    }

    /// An answer share for a group with `count` of `total` answers.
    static func cell(question: String = "q4a", code: Int, group: GroupKey, count: Int, total: Int) -> MeasureResult {
        let e = total == 0 ? nil : Estimate(estimate: Double(count) / Double(total), standardError: 0.01, respondents: total,
                                             population: 1000, cells: 1, singleRespondentCells: 0, designEffect: 1)
        return MeasureResult(measure: question, formerCode: nil, name: question, kind: .proportion, code: code, group: group,
                             estimate: e, lower: nil, upper: nil, disclosureCount: total == 0 ? 0 : count)
    }

    /// Primary disclosure control, then complementary suppression, as the pipeline does.
    static func protect(_ rows: inout [MeasureResult], threshold: Int = 3) -> Int {
        for i in rows.indices { rows[i].applyDisclosureControl(threshold: threshold) }
        return ComplementarySuppression.apply(&rows)
    }

    static func randomCount(_ g: inout Seeded) -> Int {
        Int.random(in: 0...(Int.random(in: 0..<3, using: &g) == 0 ? 60 : 5), using: &g)
    }

    // MARK: Properties

    @Test("one-way tables: after suppression no [c] share is 1 − the published shares; exactly the smallest other cell is added")
    func oneWayTables() {
        var g = Seeded(state: 18)
        var tables = 0
        var protected = 0
        for _ in 0..<4000 {
            let counts = (0..<Int.random(in: 2...7, using: &g)).map { _ in Self.randomCount(&g) }
            let total = counts.reduce(0, +)
            var rows = counts.enumerated().map { Self.cell(code: $0.offset + 1, group: .council("102"), count: $0.element, total: total) }
            let primary = counts.filter { (1..<3).contains($0) }.count
            let added = Self.protect(&rows)
            #expect(rows.count == counts.count)
            #expect(Self.derivable(rows, [Constraint(members: Array(rows.indices), total: nil)]).isEmpty, "counts \(counts)")
            if primary == 1 {
                #expect(added == 1, "counts \(counts)")
                // The smallest published count, or, when every other cell is zero, one of the zeros shown as [c].
                let smallest = counts.filter { $0 >= 3 }.min() ?? 0
                #expect(rows.indices.contains { rows[$0].isSuppressed && counts[$0] == smallest && rows[$0].suppression == "[c]" })
                #expect(rows.filter { !$0.isSuppressed && $0.estimate != nil }.allSatisfy { $0.notes.contains(ComplementarySuppression.note) })
                protected += 1
            } else {
                #expect(added == 0, "counts \(counts): nothing to protect")
            }
            tables += 1
        }
        #expect(tables == 4000)
        #expect(protected > 300, "the random tables exercise complementary suppression (\(protected))")
    }

    /// A question's answers for a parent group and for the categories of one or two domains within
    /// it: rows (each group's shares add to 1) and columns (each answer's categories add up to the
    /// parent's figure, population-weighted).
    @Test("two- and three-way tables (answers × domain categories × parent): no [c] is derivable from rows and columns")
    func crossTables() {
        var g = Seeded(state: 2026)
        var protected = 0
        var count = 0
        for _ in 0..<1500 {
            let codes = Int.random(in: 2...5, using: &g)
            let variables = (0..<Int.random(in: 1...2, using: &g)).map { v in (name: ["gender", "age-band"][v], categories: Int.random(in: 2...4, using: &g)) }
            // Counts per category of the first variable; the second variable splits the same respondents another way.
            var byCategory: [[[Int]]] = []
            let first = (0..<variables[0].categories).map { _ in (0..<codes).map { _ in Self.randomCount(&g) } }
            byCategory.append(first)
            let parentCounts = (0..<codes).map { c in first.reduce(0) { $0 + $1[c] } }
            if variables.count == 2 {
                // Split each code's parent count at random over the second variable's categories.
                var split = [[Int]](repeating: [Int](repeating: 0, count: codes), count: variables[1].categories)
                for c in 0..<codes { for _ in 0..<parentCounts[c] { split[Int.random(in: 0..<variables[1].categories, using: &g)][c] += 1 } }
                byCategory.append(split)
            }
            var rows: [MeasureResult] = []
            var constraints: [Constraint] = []
            let parentTotal = parentCounts.reduce(0, +)
            let parentCells = (0..<codes).map { c -> Int in
                rows.append(Self.cell(code: c + 1, group: .council("102"), count: parentCounts[c], total: parentTotal))
                return rows.count - 1
            }
            constraints.append(Constraint(members: parentCells, total: nil))
            for (v, variable) in variables.enumerated() {
                var columnMembers = [[Int]](repeating: [], count: codes)
                for d in 0..<variable.categories {
                    let key = GroupKey(level: .domain, council: "102", byVariable: variable.name, byValue: "c\(d)")
                    let total = byCategory[v][d].reduce(0, +)
                    var members: [Int] = []
                    for c in 0..<codes {
                        rows.append(Self.cell(code: c + 1, group: key, count: byCategory[v][d][c], total: total))
                        members.append(rows.count - 1)
                        columnMembers[c].append(rows.count - 1)
                    }
                    constraints.append(Constraint(members: members, total: nil))
                }
                for c in 0..<codes { constraints.append(Constraint(members: columnMembers[c], total: parentCells[c])) }
            }
            let added = Self.protect(&rows)
            let left = Self.derivable(rows, constraints)
            #expect(left.isEmpty, "derivable \(left) in \(byCategory)")
            if added > 0 { protected += 1 }
            count += 1
        }
        #expect(count == 1500)
        #expect(protected > 200, "the random tables exercise complementary suppression (\(protected))")
    }

    @Test("a domain breakdown of a measure: the parent's base and figure are a total; the parent itself is never suppressed to protect")
    func domainLine() {
        let parent = MeasureResult(measure: "3A", formerCode: nil, name: "3A", kind: .proportion, group: .council("102"),
                                   estimate: Estimate(estimate: 0.7, standardError: 0.02, respondents: 40, population: 900, cells: 2,
                                                      singleRespondentCells: 0, designEffect: 1),
                                   lower: 0.66, upper: 0.74, disclosureCount: 40)
        var rows = [parent] + [2, 30, 8].enumerated().map { d, n in
            MeasureResult(measure: "3A", formerCode: nil, name: "3A", kind: .proportion,
                          group: GroupKey(level: .domain, council: "102", byVariable: "gender", byValue: "g\(d)"),
                          estimate: Estimate(estimate: 0.7, standardError: 0.05, respondents: n, population: 300, cells: 2,
                                             singleRespondentCells: 0, designEffect: 1),
                          lower: 0.6, upper: 0.8, disclosureCount: n)
        }
        #expect(Self.protect(&rows) == 1)
        #expect(!rows[0].isSuppressed)
        #expect(rows.map(\.isSuppressed) == [false, true, false, true], "the category with 8, not the one with 30")
        #expect(Self.derivable(rows, [Constraint(members: [1, 2, 3], total: 0)]).isEmpty)
        // A year-on-year comparison does not publish the protecting value either.
        #expect(rows[3].comparisonInput(surveyYear: nil)?.respondents == 0)
    }

    // MARK: The example data (the issue's regression)

    static func exampleTables(domains: [String] = [], measures: Bool = false) throws -> MeasuresReport {
        let prepared = try Fixtures.toolkit.prepare(returns: [TrustInputTests.returns], populationFiles: [TrustInputTests.population],
                                                    options: LoadOptions())
        var options = EstimationOptions()
        options.domains = domains
        return measures ? try Fixtures.toolkit.measures(prepared, options: options) : try Fixtures.toolkit.tables(prepared, options: options)
    }

    /// The constraints of a report, built here from the keys (not by the library), table by table:
    /// a question's answers (or a measure) within one parent group with its domain categories.
    static func tablesOf(_ results: [MeasureResult]) -> [(rows: [MeasureResult], constraints: [Constraint])] {
        func parent(_ g: GroupKey) -> String { g.level == .domain ? (g.council.map { "council \($0)" } ?? "England") : g.label }
        var tables: [String: [Int]] = [:]
        for (i, r) in results.enumerated() where r.code != nil || r.group.level == .domain {
            tables["\(r.measure)|\(parent(r.group))", default: []].append(i)
        }
        // Measures' parents come before their domains in the results: add them when a domain table exists.
        for (i, r) in results.enumerated() where r.code == nil && r.group.level != .domain {
            if let t = tables["\(r.measure)|\(parent(r.group))"], !t.contains(i) { tables["\(r.measure)|\(parent(r.group))"]!.append(i) }
        }
        return tables.values.map { indices in
            let rows = indices.map { results[$0] }
            var answers: [String: [Int]] = [:]
            var cell: [String: Int] = [:]
            for (i, r) in rows.enumerated() {
                if r.code != nil { answers[r.group.label, default: []].append(i) }
                cell["\(r.code ?? -1)|\(r.group.label)"] = i
            }
            var domains: [String: [Int]] = [:]
            for (i, r) in rows.enumerated() where r.group.level == .domain {
                domains["\(r.code ?? -1)|\(r.group.byVariable ?? "")|\(parent(r.group))", default: []].append(i)
            }
            let constraints = answers.values.map { Constraint(members: $0, total: nil) } + domains.map { key, members in
                let code = key.split(separator: "|")[0]
                return Constraint(members: members, total: cell["\(code)|\(parent(rows[members[0]].group))"])
            }
            return (rows, constraints)
        }
    }

    @Test("council 102, Q4a code 4 of the example is no longer 1 − (0.6645 + 0.3062 + 0.0261)")
    func issueExample() throws {
        let report = try Self.exampleTables()
        let q4a = report.results.filter { $0.measure == "q4a" && $0.group == .council("102") }.sorted { ($0.code ?? 0) < ($1.code ?? 0) }
        try #require(q4a.count == 4)
        #expect(q4a[3].suppression == "[c]")
        #expect(q4a.filter(\.isSuppressed).count == 2, "code 4 and the next smallest (code 3) are [c]")
        #expect(q4a[2].isSuppressed)
        #expect(q4a[0].notes.contains(ComplementarySuppression.note) && q4a[1].notes.contains(ComplementarySuppression.note))
        #expect(report.notes.contains { $0.hasPrefix("complementary suppression in the answer tables") })
        // Every table of the example: nothing derivable.
        let tables = Self.tablesOf(report.results)
        #expect(tables.count > 100)
        for table in tables { #expect(Self.derivable(table.rows, table.constraints).isEmpty) }
    }

    @Test("domain breakdowns of the example (answers and measures by ethnicity): nothing derivable", arguments: [false, true])
    func exampleDomains(measures: Bool) throws {
        let report = try Self.exampleTables(domains: ["ethnicity"], measures: measures)
        let tables = Self.tablesOf(report.results)
        #expect(tables.count > 50)
        #expect(report.results.contains { $0.group.level == .domain && $0.isSuppressed })
        for table in tables {
            let left = Self.derivable(table.rows, table.constraints)
            #expect(left.isEmpty, "\(left.map { "\(table.rows[$0].measure) \(table.rows[$0].code ?? -1) \(table.rows[$0].group.label)" })")
        }
    }

    @Test("every output format says so: text, CSV and JSON notes", arguments: ["text", "csv", "json"])
    func outputsSaySo(format: String) throws {
        let run = try CLIRunner.run(["tables", TrustInputTests.returns, "--population", TrustInputTests.population, "--format", format])
        try #require(run.status == 0, "\(run.stderr)")
        let text = run.stdoutText
        #expect(text.contains(ComplementarySuppression.note) || (format == "text" && text.contains("complementary suppression in this table")))
        if format != "csv" { #expect(text.contains("complementary suppression in the answer tables")) }
        if format == "text" {
            #expect(text.contains("4 I don’t feel at all clean or presentable") && text.contains("[c] (complementary suppression in this table)"))
        }
    }
}
