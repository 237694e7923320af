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
    public func firstMatchingRules(columns: [[ResponseTable.Code]], count: Int) -> [Int32] {
        precondition(columns.count == fields.count && columns.allSatisfy { $0.count >= count }, "one column per bound variable")
        var slot = [Int](repeating: -1, count: (fields.max() ?? -1) + 1)
        for (k, f) in fields.enumerated() { slot[f] = k }
        // A first rule without conditions applies to every row.
        if let first = spans.first, first.allCount == 0, first.anyCount < 0, !first.never {
            return [Int32](repeating: 0, count: count)
        }
        var out = [Int32](repeating: -1, count: count)
        CompiledRules.withPointers(columns, [], 0) { pointers in
            pointers.withUnsafeBufferPointer { pointers in
                slot.withUnsafeBufferPointer { slot in
                    tests.withUnsafeBufferPointer { t in
                        codes.withUnsafeBufferPointer { c in
                            spans.withUnsafeBufferPointer { s in
                                out.withUnsafeMutableBufferPointer { result in
                                    CompiledRules.evaluate(rows: count, pointers: pointers, slot: slot, tests: t, codes: c, spans: s, into: result)
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The first matching rule of each row over column base pointers (`slot[field]` = the column).
    private static func evaluate(rows count: Int, pointers: UnsafeBufferPointer<UnsafePointer<ResponseTable.Code>>, slot: UnsafeBufferPointer<Int>,
                                 tests: UnsafeBufferPointer<Test>, codes: UnsafeBufferPointer<Int>, spans: UnsafeBufferPointer<Span>,
                                 into result: UnsafeMutableBufferPointer<Int32>) {
        for row in 0..<count {
            let value = { (f: Int) -> Int? in
                let v = pointers[slot[f]][row]
                return v == ResponseTable.missing ? nil : Int(v)
            }
            for r in 0..<spans.count where applies(spans[r], tests, codes, value) {
                result[row] = Int32(r)
                break
            }
        }
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
