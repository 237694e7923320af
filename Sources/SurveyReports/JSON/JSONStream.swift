/// Writes JSON straight to UTF-8 bytes, byte for byte as `JSONValue.serialized()` lays the same
/// document out (two-space indentation, `"key": value`, `[]` and `{}` when empty, a final line
/// break), without building the tree first.
///
/// Why: the `tables` JSON of the national returns has ~22,000 entries (10 MB); building a
/// `JSONValue` for each and then walking it cost more than the estimation. Large documents are
/// streamed through this; small parts may still be `JSONValue`s (`value(_:)`).
import Foundation
import SurveyFiles
import SurveyModel

struct JSONStream {
    private(set) var bytes: [UInt8] = []
    /// How many containers are open.
    private var depth = 0
    /// The innermost open container (when `depth > 0`): is it an array, how many members it has so
    /// far. Kept apart from the outer ones, which every value would otherwise look up.
    private var topIsArray = false
    private var topCount = 0
    /// The containers open around the innermost one, outermost first.
    private var outer: [(isArray: Bool, count: Int)] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Further members of an array that is open at `depth` in another stream and already has
    /// `members` members: written separately (in parallel), then added with `appendMembers`.
    init(membersAtDepth depth: Int, after members: Int, capacity: Int) {
        bytes.reserveCapacity(capacity)
        outer = Array(repeating: (false, 0), count: depth - 1)
        self.depth = depth
        topIsArray = true
        topCount = members
    }

    /// The members written by a `JSONStream(membersAtDepth:after:)` for this stream's open array.
    mutating func appendMembers(_ part: JSONStream) {
        bytes.append(contentsOf: part.bytes)
        topCount += part.topCount
    }

    /// The document, ending in a line break.
    mutating func finish() -> String {
        bytes.append(10)
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        push(isArray: false)
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        push(isArray: true)
    }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next key of the open object; its value follows.
    mutating func key(_ k: String) {
        separate()
        JSONValue.escape(k, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// The next key of the open object, given as a literal that needs no escaping (letters, digits,
    /// no quote, backslash or control character): its bytes are copied as they are.
    mutating func key(plain k: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        JSONValue.append(k, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    mutating func string(_ s: String) {
        beforeValue()
        JSONValue.escape(s, into: &bytes)
    }

    /// A string, or null when it is nil (as `JSONValue.text`).
    mutating func text(_ s: String?) {
        beforeValue()
        if let s { JSONValue.escape(s, into: &bytes) } else { JSONValue.append("null", to: &bytes) }
    }

    mutating func int(_ i: Int) {
        beforeValue()
        JSONValue.append(i, to: &bytes)
    }

    /// A number, or null when it is missing or not finite (as `JSONValue.number`).
    mutating func number(_ d: Double?) {
        beforeValue()
        if let d, d.isFinite { JSONValue.append(number: d, to: &bytes) } else { JSONValue.append("null", to: &bytes) }
    }

    mutating func bool(_ b: Bool) {
        beforeValue()
        JSONValue.append(b ? "true" : "false", to: &bytes)
    }

    mutating func null() {
        beforeValue()
        JSONValue.append("null", to: &bytes)
    }

    /// A ready-made value (a small object), at the current depth.
    mutating func value(_ v: JSONValue) {
        beforeValue()
        v.write(into: &bytes, indent: depth, pretty: true)
    }

    /// An array of strings (`[]` when empty).
    mutating func strings(_ items: [String]) {
        beginArray()
        for s in items { string(s) }
        endArray()
    }

    /// Inside an array a value starts a new member; after a key it does not.
    private mutating func beforeValue() {
        if depth > 0, topIsArray { separate() }
    }

    private mutating func separate() {
        if topCount > 0 { bytes.append(UInt8(ascii: ",")) }
        topCount += 1
        JSONValue.newline(depth, into: &bytes)
    }

    private mutating func push(isArray: Bool) {
        if depth > 0 { outer.append((topIsArray, topCount)) }
        depth += 1
        topIsArray = isArray
        topCount = 0
    }

    private mutating func close(_ bracket: UInt8) {
        let count = topCount
        depth -= 1
        if depth > 0 { (topIsArray, topCount) = outer.removeLast() }
        if count > 0 { JSONValue.newline(depth, into: &bytes) }
        bytes.append(bracket)
    }
}

extension JSONStream {
    /// `count` members of the open array, written in up to `parts` parallel parts and joined in
    /// order: the same bytes as writing them one after the other. `write` gets a part's range of
    /// member indices and a stream positioned for it (each member it writes is one array member).
    mutating func parallelMembers(count: Int, parts: Int, capacityPerMember: Int,
                                  _ write: @Sendable (Range<Int>, inout JSONStream) -> Void) {
        let partCount = max(1, min(parts, count))
        let depth = self.depth
        let results = ParallelResults<JSONStream>(count: partCount)
        DispatchQueue.concurrentPerform(iterations: partCount) { p in
            let range = (count * p / partCount)..<(count * (p + 1) / partCount)
            var part = JSONStream(membersAtDepth: depth, after: range.lowerBound, capacity: capacityPerMember * range.count)
            write(range, &part)
            results.set(p, part)
        }
        for p in 0..<partCount { appendMembers(results.take(p)) }
    }
}
