/// Writes JSON straight to UTF-8 bytes, byte for byte as `JSONValue.serialized()` lays the same
/// document out (two-space indentation, `"key": value`, `[]` and `{}` when empty, a final line
/// break), without building the tree first.
///
/// Why: the `tables` JSON of the national returns has ~22,000 entries (10 MB); building a
/// `JSONValue` for each and then walking it cost more than the estimation. Large documents are
/// streamed through this; small parts may still be `JSONValue`s (`value(_:)`).
import Foundation
import SurveyFiles

struct JSONStream {
    private(set) var bytes: [UInt8] = []
    /// One entry per open container: is it an array, and how many members it has so far.
    private var open: [(isArray: Bool, count: Int)] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Further members of an array that is open at `depth` in another stream and already has
    /// `members` members: written separately (in parallel), then added with `appendMembers`.
    init(membersAtDepth depth: Int, after members: Int, capacity: Int) {
        bytes.reserveCapacity(capacity)
        open = Array(repeating: (false, 0), count: depth - 1) + [(true, members)]
    }

    /// The members written by a `JSONStream(membersAtDepth:after:)` for this stream's open array.
    mutating func appendMembers(_ part: JSONStream) {
        bytes.append(contentsOf: part.bytes)
        open[open.count - 1].count += part.open[part.open.count - 1].count
    }

    /// The document, ending in a line break.
    mutating func finish() -> String {
        bytes.append(10)
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        open.append((false, 0))
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        open.append((true, 0))
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
        if let d, d.isFinite { JSONValue.append(JSONValue.format(d), to: &bytes) } else { JSONValue.append("null", to: &bytes) }
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
        v.write(into: &bytes, indent: open.count, pretty: true)
    }

    /// An array of strings (`[]` when empty).
    mutating func strings(_ items: [String]) {
        beginArray()
        for s in items { string(s) }
        endArray()
    }

    /// Inside an array a value starts a new member; after a key it does not.
    private mutating func beforeValue() {
        if let last = open.last, last.isArray { separate() }
    }

    private mutating func separate() {
        let n = open.count
        if open[n - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[n - 1].count += 1
        JSONValue.newline(n, into: &bytes)
    }

    private mutating func close(_ bracket: UInt8) {
        let last = open.removeLast()
        if last.count > 0 { JSONValue.newline(open.count, into: &bytes) }
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
        let depth = open.count
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
