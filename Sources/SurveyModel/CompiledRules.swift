/// Ordered rules (`Rule`: strata, recodes, eligibility) compiled to plain values bound to variable
/// indices, so that a row — or a whole set of columns — is evaluated without strings,
/// dictionaries, closures per condition or reference counting. The conditions' `in` codes live
/// in one flat array shared by every condition.
///
/// Semantics are those of `Condition.holds(for:)` and `Array<Rule>.firstMatch`: the first rule
/// whose `when` conditions all hold and (if given) one of whose `whenAny` conditions holds.
public struct CompiledRules: Sendable {
    /// How a variable that `bind` does not know is evaluated.
    public enum Unbound: Sendable {
        /// As a missing value (the condition holds only for `"missing": true`).
        case missing
        /// The condition never holds.
        case fails
    }

    /// One condition. `field` ≥ 0 is a bound variable; −1 reads as missing; −2 never holds.
    @usableFromInline struct Test: Sendable {
        @usableFromInline let field: Int
        /// `in` codes: a range of `codes`; `codesCount` −1 = no `in`.
        @usableFromInline let codesStart: Int
        @usableFromInline let codesCount: Int
        @usableFromInline let min: Int
        @usableFromInline let max: Int
        /// `"missing": true`.
        @usableFromInline let wantsMissing: Bool
    }

    /// One rule: ranges of `tests`; `anyCount` −1 = no `whenAny`; `never` = an empty `whenAny`
    /// that cannot match.
    @usableFromInline struct Span: Sendable {
        @usableFromInline let allStart: Int
        @usableFromInline let allCount: Int
        @usableFromInline let anyStart: Int
        @usableFromInline let anyCount: Int
        @usableFromInline let never: Bool
        @usableFromInline let value: Int?
    }

    @usableFromInline let tests: [Test]
    @usableFromInline let codes: [Int]
    @usableFromInline let spans: [Span]
    /// The distinct bound variable indices the rules read, in first-use order.
    public let fields: [Int]

    /// - Parameters:
    ///   - rules: `(when, whenAny, value)` in order.
    ///   - emptyAnyMatches: whether an empty `whenAny` list lets its rule apply.
    ///   - unbound: how a variable that `bind` returns nil for is read.
    ///   - bind: the index of a variable by name.
    public init(_ rules: [(when: [Condition]?, whenAny: [Condition]?, value: Int?)], emptyAnyMatches: Bool,
                unbound: Unbound = .missing, bind: (String) -> Int?) {
        var tests: [Test] = []
        var codes: [Int] = []
        var spans: [Span] = []
        var fields: [Int] = []
        func add(_ list: [Condition]) -> (Int, Int) {
            let start = tests.count
            for c in list {
                let field = bind(c.field) ?? (unbound == .missing ? -1 : -2)
                if field >= 0, !fields.contains(field) { fields.append(field) }
                let codesStart = codes.count
                if let list = c.in { codes.append(contentsOf: list) }
                tests.append(Test(field: field, codesStart: codesStart, codesCount: c.in?.count ?? -1,
                                  min: c.min ?? .min, max: c.max ?? .max, wantsMissing: c.missing == true))
            }
            return (start, list.count)
        }
        for rule in rules {
            let (allStart, allCount) = add(rule.when ?? [])
            var never = false
            var any = (tests.count, -1)
            if let list = rule.whenAny {
                if list.isEmpty { never = !emptyAnyMatches } else { any = add(list) }
            }
            spans.append(Span(allStart: allStart, allCount: allCount, anyStart: any.0, anyCount: any.1, never: never, value: rule.value))
        }
        self.tests = tests
        self.codes = codes
        self.spans = spans
        self.fields = fields
    }

    /// The codebook's `Rule`s.
    public init(_ rules: [Rule], emptyAnyMatches: Bool, unbound: Unbound = .missing, bind: (String) -> Int?) {
        self.init(rules.map { ($0.when, $0.whenAny, $0.value) }, emptyAnyMatches: emptyAnyMatches, unbound: unbound, bind: bind)
    }

    public var isEmpty: Bool { spans.isEmpty }

    /// Whether condition `test` holds; `codes` is the storage of `self.codes`.
    @inlinable @inline(__always)
    static func holds(_ test: Test, _ codes: UnsafeBufferPointer<Int>, _ value: (Int) -> Int?) -> Bool {
        if test.field == -2 { return false }
        guard let v = test.field >= 0 ? value(test.field) : nil else { return test.wantsMissing }
        if test.wantsMissing { return false }
        if test.codesCount >= 0 {
            var found = false
            for k in test.codesStart..<(test.codesStart + test.codesCount) where codes[k] == v {
                found = true
                break
            }
            if !found { return false }
        }
        return v >= test.min && v <= test.max
    }

    /// Whether a rule applies (its `when` all hold and one of its `whenAny`, if given).
    @inlinable @inline(__always)
    static func applies(_ span: Span, _ tests: UnsafeBufferPointer<Test>, _ codes: UnsafeBufferPointer<Int>,
                        _ value: (Int) -> Int?) -> Bool {
        if span.never { return false }
        for i in span.allStart..<(span.allStart + span.allCount) where !holds(tests[i], codes, value) { return false }
        if span.anyCount >= 0 {
            for i in span.anyStart..<(span.anyStart + span.anyCount) where holds(tests[i], codes, value) { return true }
            return false
        }
        return true
    }

    /// Whether rule `index` applies. `value(field)` is a bound variable's value (nil = missing).
    @inlinable
    public func applies(rule index: Int, _ value: (Int) -> Int?) -> Bool {
        tests.withUnsafeBufferPointer { t in
            codes.withUnsafeBufferPointer { c in CompiledRules.applies(spans[index], t, c, value) }
        }
    }

    /// The index of the first rule that applies, or −1. `value(field)` is a bound variable's value (nil = missing).
    @inlinable
    public func firstMatchingRule(_ value: (Int) -> Int?) -> Int {
        tests.withUnsafeBufferPointer { t in
            codes.withUnsafeBufferPointer { c in
                spans.withUnsafeBufferPointer { s in
                    for r in 0..<s.count where CompiledRules.applies(s[r], t, c, value) { return r }
                    return -1
                }
            }
        }
    }

    /// `.some(value)` of the first rule that applies (value nil = the rule's value is null); nil when none applies.
    @inlinable
    public func firstMatch(_ value: (Int) -> Int?) -> Int?? {
        let r = firstMatchingRule(value)
        return r < 0 ? nil : .some(spans[r].value)
    }

    /// The value of rule `index` (nil = null).
    public func value(ofRule index: Int) -> Int? { spans[index].value }

    /// The first matching rule of every row of `count` rows, or −1: `columns[k]` is the column of
    /// bound variable `fields[k]` (`ResponseTable.missing` = missing).
    ///
    /// Each condition is first made a table of 256 answers, one per cell code (`missing` reads as
    /// missing), filled by `holds`; a row then costs one lookup per condition tried. When the rules
    /// read one variable, every code's first matching rule is tabled and a row costs one lookup.
    public func firstMatchingRules(columns: [[ResponseTable.Code]], count: Int) -> [Int32] {
        precondition(columns.count == fields.count && columns.allSatisfy { $0.count >= count }, "one column per bound variable")
        var slot = [Int](repeating: -1, count: (fields.max() ?? -1) + 1)
        for (k, f) in fields.enumerated() { slot[f] = k }
        // A first rule without conditions applies to every row.
        if let first = spans.first, first.allCount == 0, first.anyCount < 0, !first.never {
            return [Int32](repeating: 0, count: count)
        }
        let table = conditionTable()
        // Per condition: the column it reads, or −1 (unbound: its table is constant, read at code 0).
        let testColumn = tests.map { $0.field >= 0 ? slot[$0.field] : -1 }
        var out = [Int32](repeating: -1, count: count)
        if fields.count == 1 {
            // One variable: the first matching rule of each of the 256 codes.
            var byCode = [Int32](repeating: -1, count: 256)
            spans.withUnsafeBufferPointer { spans in
                table.withUnsafeBufferPointer { table in
                    for code in 0..<256 { byCode[code] = CompiledRules.firstMatching(spans: spans, table: table) { _ in code } }
                }
            }
            columns[0].withUnsafeBufferPointer { column in
                byCode.withUnsafeBufferPointer { byCode in
                    out.withUnsafeMutableBufferPointer { result in
                        for row in 0..<count { result[row] = byCode[Int(column[row])] }
                    }
                }
            }
            return out
        }
        CompiledRules.withPointers(columns, [], 0) { pointers in
            pointers.withUnsafeBufferPointer { pointers in
                testColumn.withUnsafeBufferPointer { testColumn in
                    spans.withUnsafeBufferPointer { spans in
                        table.withUnsafeBufferPointer { table in
                            out.withUnsafeMutableBufferPointer { result in
                                for row in 0..<count {
                                    result[row] = CompiledRules.firstMatching(spans: spans, table: table) { t in
                                        let k = testColumn[t]
                                        return k >= 0 ? Int(pointers[k][row]) : 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Every condition's answer for every cell code: entry `test * 256 + code` is whether condition
    /// `test` holds for a variable holding `code` (`ResponseTable.missing` = missing), by `holds`.
    /// An unbound condition's entries are all the same.
    func conditionTable() -> [Bool] {
        var table = [Bool](repeating: false, count: tests.count * 256)
        codes.withUnsafeBufferPointer { c in
            for (t, test) in tests.enumerated() {
                for code in 0..<256 {
                    let value: Int? = code == Int(ResponseTable.missing) ? nil : code
                    table[t * 256 + code] = CompiledRules.holds(test, c, { _ in value })
                }
            }
        }
        return table
    }

    /// The first rule that applies, or −1, with the conditions answered from `conditionTable()`:
    /// `code(test)` is the cell code condition `test` reads.
    @inline(__always)
    private static func firstMatching(spans: UnsafeBufferPointer<Span>, table: UnsafeBufferPointer<Bool>, _ code: (Int) -> Int) -> Int32 {
        rules: for r in 0..<spans.count {
            let span = spans[r]
            if span.never { continue }
            for t in span.allStart..<(span.allStart + span.allCount) where !table[t &* 256 &+ code(t)] { continue rules }
            if span.anyCount >= 0 {
                var any = false
                for t in span.anyStart..<(span.anyStart + span.anyCount) where table[t &* 256 &+ code(t)] {
                    any = true
                    break
                }
                if !any { continue }
            }
            return Int32(r)
        }
        return -1
    }

    /// Base pointers of every column, valid inside `body` (nested `withUnsafeBufferPointer` calls).
    private static func withPointers(_ columns: [[ResponseTable.Code]], _ acc: [UnsafePointer<ResponseTable.Code>], _ k: Int,
                                     _ body: ([UnsafePointer<ResponseTable.Code>]) -> Void) {
        guard k < columns.count else { return body(acc) }
        columns[k].withUnsafeBufferPointer { buffer in
            // An empty column is never read (count is 0); any non-nil address will do.
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<ResponseTable.Code>.alignment)!
            withPointers(columns, acc + [base], k + 1, body)
        }
    }
}
