import SurveyModel

/// Complementary (secondary) suppression (statistics.md §6, #18 item 6).
///
/// The published figures of a table are tied together by totals. In an answer table a question's
/// shares in one group add up to 1; in a domain breakdown the categories of a domain, weighted by
/// their population shares, add up to their parent group's figure (and their bases to its base).
/// A `[c]` alone in such a line is recovered by subtraction — council 102's Q4a code 4 was
/// 1 − (0.6645 + 0.3062 + 0.0261). So, whenever a `[c]` value is determined by the published
/// figures and these totals, the next smallest published cell of its line (smallest count; the
/// parent total is never chosen) is suppressed as well, and every cell of the table carries
/// `note`; this repeats until no `[c]` value is determined.
///
/// "Determined" is exact linear algebra, not only "the only `[c]` of its line": the lines of a
/// table (rows: a group's answers; columns: one answer across a domain's categories and their
/// parent) form a system `A·x = b` in the unknown `[c]` values `x`. A value `xᵢ` is determined
/// exactly when every solution of `A·x = 0` has `xᵢ = 0`, i.e. when in the reduced row echelon
/// form of `A` column `i` is a pivot whose row has no entry in a free column. Coefficients are
/// 1 for members and −1 for the parent (the categories' population weights are positive, so
/// scaling each unknown by its weight gives this pattern; what is determined is the same).
/// `[x]` (zero) cells and groups without an estimate are known values, not unknowns.
public enum ComplementarySuppression {
    public static let note = "complementary suppression: a further value of this table is shown as [c] as well "
        + "so that no [c] value can be derived by subtraction from the published figures and totals"

    /// A set of results whose figures add up to a known total: `members`, and `total` (the parent
    /// group's result, itself a figure of the system) when the line has one.
    public struct Line: Sendable, Hashable {
        public var members: [Int]
        public var total: Int?
        public init(members: [Int], total: Int? = nil) {
            self.members = members
            self.total = total
        }
        var cells: [Int] { members + (total.map { [$0] } ?? []) }
    }

    /// Applies the rule to `results` (answer tables and domain breakdowns; other results are in no
    /// line). Returns the number of results suppressed as well.
    @discardableResult
    public static func apply(_ results: inout [MeasureResult]) -> Int {
        // Without a `[c]` there is nothing to protect (and no line to build).
        guard results.contains(where: { $0.marker == .suppressed }) else { return 0 }
        return apply(&results, lines: lines(of: results))
    }

    /// Applies the rule over the given lines (indices into `results`).
    @discardableResult
    public static func apply(_ results: inout [MeasureResult], lines: [Line]) -> Int {
        var added = 0
        for component in components(lines, count: results.count) {
            added += protect(&results, lines: component)
        }
        return added
    }

    /// The `[c]` results of the lines whose value is determined by the published figures and
    /// totals (their indices). For tests and for `apply`.
    public static func determined(_ results: [MeasureResult], lines: [Line]) -> Set<Int> {
        determined(lines: lines) { results[$0].marker == .suppressed }
    }

    static func determined(lines: [Line], isUnknown: (Int) -> Bool) -> Set<Int> {
        let unknowns = Array(Set(lines.flatMap(\.cells)).filter(isUnknown)).sorted()
        guard !unknowns.isEmpty else { return [] }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var matrix: [[Double]] = []
        for line in lines {
            var row = [Double](repeating: 0, count: unknowns.count)
            var any = false
            for m in line.members { if let c = column[m] { row[c] += 1; any = true } }
            if let t = line.total, let c = column[t] { row[c] -= 1; any = true }
            if any { matrix.append(row) }
        }
        return Set(determinedColumns(matrix, columns: unknowns.count).map { unknowns[$0] })
    }

    /// The lines of a list of results: each group's answers to a question (`code` set), and each
    /// domain's categories of one measure or answer within one parent group, with that parent's
    /// result as the total.
    public static func lines(of results: [MeasureResult]) -> [Line] {
        // Measures and groups are numbered first (a result usually has the previous one's measure
        // and group, so most need no lookup), and the lines are keyed by those numbers: hashing
        // the strings of every result's group three times cost more than the rest of `tables`.
        struct AnswerKey: Hashable { var measure: Int; var group: Int }
        struct DomainKey: Hashable { var measure: Int; var code: Int?; var variable: String; var parent: Int }
        struct CellKey: Hashable { var measure: Int; var code: Int?; var group: Int }
        var measures = Numbering<String>()
        var groups = Numbering<GroupKey>()
        var answers: [AnswerKey: Int] = [:]
        var answerMembers: [[Int]] = []
        var domains: [DomainKey: Int] = [:]
        var domainMembers: [[Int]] = []
        var domainTotals: [CellKey] = []
        var cell: [CellKey: Int] = [:]
        cell.reserveCapacity(results.count)
        // Fields are read in place (copying each result for the loop cost a third of this).
        for i in results.indices {
            let measure = measures.number(results[i].measure)
            let group = groups.number(results[i].group)
            let code = results[i].code
            cell[CellKey(measure: measure, code: code, group: group)] = i
            if code != nil {
                let key = AnswerKey(measure: measure, group: group)
                if let k = answers[key] { answerMembers[k].append(i) } else {
                    answers[key] = answerMembers.count
                    answerMembers.append([i])
                }
            }
            if results[i].group.level == .domain, let variable = results[i].group.byVariable {
                let parent = groups.number(parent(of: results[i].group))
                let key = DomainKey(measure: measure, code: code, variable: variable, parent: parent)
                if let k = domains[key] { domainMembers[k].append(i) } else {
                    domains[key] = domainMembers.count
                    domainMembers.append([i])
                    domainTotals.append(CellKey(measure: measure, code: code, group: parent))
                }
            }
        }
        return answerMembers.map { Line(members: $0) }
            + zip(domainMembers, domainTotals).map { Line(members: $0, total: cell[$1]) }
    }

    /// Numbers values in order of first appearance; the last value asked for needs no lookup.
    struct Numbering<Value: Hashable> {
        private var numbers: [Value: Int] = [:]
        private var last: (value: Value, number: Int)?

        mutating func number(_ value: Value) -> Int {
            if let last, last.value == value { return last.number }
            let n: Int
            if let found = numbers[value] { n = found } else {
                n = numbers.count
                numbers[value] = n
            }
            last = (value, n)
            return n
        }
    }

    /// The group a domain breaks down: its council, its `--by GROUPFILE` group, or England.
    static func parent(of key: GroupKey) -> GroupKey {
        if let council = key.council { return .council(council) }
        if let group = key.group { return GroupKey(level: .group, group: group) }
        return .england
    }

    /// Lines that share a result belong to one table (union–find over the results).
    static func components(_ lines: [Line], count: Int) -> [[Line]] {
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for line in lines {
            let cells = line.cells
            guard let first = cells.first else { continue }
            for c in cells.dropFirst() { parent[find(c)] = find(first) }
        }
        var byRoot: [Int: Int] = [:]
        var out: [[Line]] = []
        for line in lines {
            guard let first = line.cells.first else { continue }
            let root = find(first)
            if let k = byRoot[root] { out[k].append(line) } else { byRoot[root] = out.count; out.append([line]) }
        }
        return out
    }

    /// Protects one table: suppresses further cells until no `[c]` is determined.
    static func protect(_ results: inout [MeasureResult], lines: [Line]) -> Int {
        // Most tables have no `[c]`: nothing to protect, and no set to build.
        func isC(_ i: Int) -> Bool { results[i].marker == .suppressed }
        guard lines.contains(where: { $0.members.contains(where: isC) || $0.total.map(isC) == true }) else { return 0 }
        let cells = Set(lines.flatMap(\.cells))
        var unknown = Set(cells.filter { results[$0].marker == .suppressed })
        guard !unknown.isEmpty else { return 0 }
        var added = 0
        var hopeless: Set<Int> = []
        while let target = determined(lines: lines, isUnknown: unknown.contains).sorted().first(where: { !hopeless.contains($0) }) {
            let own = lines.filter { $0.cells.contains(target) }
            var choice: Int?
            // The only unknown of a line: the smallest published member of that line (failing one, a zero shown as [c]).
            if let single = own.first(where: { $0.cells.filter(unknown.contains).count == 1 }) {
                choice = candidates(results, [single], unknown: unknown).first ?? candidates(results, [single], unknown: unknown, zeros: true).first
            }
            if choice == nil {
                // Determined through several lines: the smallest cell whose suppression leaves the target undetermined.
                let near = candidates(results, own, unknown: unknown)
                let far = candidates(results, lines, unknown: unknown).filter { !near.contains($0) }
                let zeros = candidates(results, own, unknown: unknown, zeros: true) + candidates(results, lines, unknown: unknown, zeros: true)
                choice = (near + far + zeros).first { j in
                    var trial = unknown
                    trial.insert(j)
                    return !determined(lines: lines, isUnknown: trial.contains).contains(target)
                } ?? near.first ?? zeros.first
            }
            guard let j = choice else { hopeless.insert(target); continue }
            unknown.insert(j)
            results[j].suppression = MissingMarker.suppressed.rawValue
            added += 1
        }
        if added > 0 {
            for c in cells where !results[c].tableNotes.contains(note) { results[c].tableNotes.append(note) }
        }
        return added
    }

    /// Published members with an estimate, smallest count first (ties in result order); with
    /// `zeros`, the `[x]` members instead.
    static func candidates(_ results: [MeasureResult], _ lines: [Line], unknown: Set<Int>, zeros: Bool = false) -> [Int] {
        Array(Set(lines.flatMap(\.members))).filter { j in
            !unknown.contains(j) && (zeros ? results[j].marker == .notAvailable && results[j].figures.estimate != nil : !results[j].isSuppressed && results[j].estimate != nil)
        }.sorted { (results[$0].disclosureCount, $0) < (results[$1].disclosureCount, $1) }
    }

    /// Columns of `matrix` whose unknown is determined: pivots of the reduced row echelon form
    /// whose row has no entry in a free column.
    static func determinedColumns(_ matrix: [[Double]], columns: Int) -> [Int] {
        var m = matrix
        var pivots: [(row: Int, column: Int)] = []
        var row = 0
        let epsilon = 1e-9
        for col in 0..<columns where row < m.count {
            guard let p = (row..<m.count).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }), abs(m[p][col]) > epsilon else { continue }
            m.swapAt(row, p)
            let scale = m[row][col]
            for k in 0..<columns { m[row][k] /= scale }
            for r in 0..<m.count where r != row && abs(m[r][col]) > epsilon {
                let f = m[r][col]
                for k in 0..<columns { m[r][k] -= f * m[row][k] }
            }
            pivots.append((row, col))
            row += 1
        }
        let pivotColumns = Set(pivots.map(\.column))
        return pivots.filter { p in
            (0..<columns).allSatisfy { k in pivotColumns.contains(k) || abs(m[p.row][k]) <= epsilon }
        }.map(\.column)
    }
}
