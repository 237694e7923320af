/// Writes JSON straight to UTF-8 bytes, byte for byte as `JSONValue.serialized()` lays the same
/// document out (two-space indentation, `"key": value`, `[]` and `{}` when empty, a final line
/// break), without building the tree first.
///
/// Why: the `tables` JSON of the national returns has ~22,000 entries (10 MB); building a
/// `JSONValue` for each and then walking it cost more than the estimation. Large documents are
/// streamed through this; small parts may still be `JSONValue`s (`value(_:)`).
///
/// The bytes go to a raw buffer (`Storage`) written through a pointer: each call checks the
/// capacity once for everything it writes (separator, line break, indentation, key or value),
/// instead of an array append (with its own uniqueness and capacity checks) per piece.
import Foundation
import SurveyFiles
import SurveyModel

struct JSONStream {
    /// The bytes written so far (a copy; the stream keeps its own).
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(earlier.reduce(storage.count) { $0 + $1.count })
        for segment in earlier + [storage] { out.append(contentsOf: UnsafeBufferPointer(start: segment.base, count: segment.count)) }
        return out
    }
    /// Where the next bytes go (after every segment of `earlier`).
    private var storage: Storage
    /// The bytes before `storage`, in order: the stream's own up to an `appendMembers` and the
    /// parts it added, kept as they are (not copied) and never written again.
    private var earlier: [Storage] = []
    /// How many containers are open.
    private var depth = 0
    /// The innermost open container (when `depth > 0`): is it an array, how many members it has so
    /// far. Kept apart from the outer ones, which every value would otherwise look up.
    private var topIsArray = false
    private var topCount = 0
    /// The containers open around the innermost one, outermost first.
    private var outer: [(isArray: Bool, count: Int)] = []

    init(capacity: Int = 4096) { storage = Storage(capacity: capacity) }

    /// Further members of an array that is open at `depth` in another stream and already has
    /// `members` members: written separately (in parallel), then added with `appendMembers`.
    init(membersAtDepth depth: Int, after members: Int, capacity: Int) {
        storage = Storage(capacity: capacity)
        outer = Array(repeating: (false, 0), count: depth - 1)
        self.depth = depth
        topIsArray = true
        topCount = members
    }

    /// The members written by a `JSONStream(membersAtDepth:after:)` for this stream's open array:
    /// its bytes follow this stream's (kept as a segment, copied once by `finish`).
    mutating func appendMembers(_ part: JSONStream) {
        if storage.count > 0 {
            earlier.append(storage)
            storage = Storage(capacity: 4096)
        }
        earlier += part.earlier
        earlier.append(part.storage)
        topCount += part.topCount
    }

    /// The document, ending in a line break.
    mutating func finish() -> String {
        reserve(1).pointee = 10
        storage.count += 1
        guard !earlier.isEmpty else {
            return String(decoding: UnsafeBufferPointer(start: storage.base, count: storage.count), as: UTF8.self)
        }
        // The segments straight into the string's own buffer (no joined copy first).
        let segments = earlier + [storage]
        let total = segments.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { out in
            var at = 0
            for segment in segments {
                (out.baseAddress! + at).update(from: segment.base, count: segment.count)
                at += segment.count
            }
            return total
        }
    }

    mutating func beginObject() {
        var p = beforeValue(extra: 1)
        Self.put(UInt8(ascii: "{"), at: &p)
        commit(p)
        push(isArray: false)
    }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() {
        var p = beforeValue(extra: 1)
        Self.put(UInt8(ascii: "["), at: &p)
        commit(p)
        push(isArray: true)
    }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next key of the open object; its value follows.
    mutating func key(_ k: String) {
        let start = separate(extra: 0)
        commit(start)
        escape(k)
        var p = reserve(2)
        Self.put(UInt8(ascii: ":"), at: &p)
        Self.put(UInt8(ascii: " "), at: &p)
        commit(p)
    }

    /// The next key of the open object, given as a literal that needs no escaping (letters, digits,
    /// no quote, backslash or control character): its bytes are copied as they are.
    mutating func key(plain k: StaticString) {
        k.withUTF8Buffer { k in
            var p = separate(extra: k.count + 4)
            Self.put(UInt8(ascii: "\""), at: &p)
            if let from = k.baseAddress { p.update(from: from, count: k.count) }
            p += k.count
            Self.put(UInt8(ascii: "\""), at: &p)
            Self.put(UInt8(ascii: ":"), at: &p)
            Self.put(UInt8(ascii: " "), at: &p)
            commit(p)
        }
    }

    mutating func string(_ s: String) {
        let start = beforeValue(extra: 0)
        commit(start)
        escape(s)
    }

    /// A string, or null when it is nil (as `JSONValue.text`).
    mutating func text(_ s: String?) {
        if let s { string(s) } else { literal("null") }
    }

    mutating func int(_ i: Int) {
        var p = beforeValue(extra: 21)  // a sign and the 20 digits of UInt64.max
        if i < 0 { Self.put(UInt8(ascii: "-"), at: &p) }
        // Decimal digits as `String(i)` writes them: counted first, then written from the last.
        var m = i.magnitude
        var n = 1
        while m >= 10 { m /= 10; n += 1 }
        m = i.magnitude
        var q = p + n
        repeat {
            q -= 1
            q.pointee = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
        } while m > 0
        commit(p + n)
    }

    /// A number, or null when it is missing or not finite (as `JSONValue.number`): Swift's shortest
    /// round-trip form (`JSONValue.format`), `0.0` and `-0.0` for zeros.
    mutating func number(_ d: Double?) {
        guard let d, d.isFinite else { return literal("null") }
        if d == 0 { return literal(d.sign == .minus ? "-0.0" : "0.0") }
        let start = beforeValue(extra: 0)
        commit(start)
        // Double's own `write(to:)` (what `"\(d)"` calls) hands its digits to `_writeASCII`.
        var sink = Sink(storage: storage)
        d.write(to: &sink)
    }

    mutating func bool(_ b: Bool) { literal(b ? "true" : "false") }

    mutating func null() { literal("null") }

    /// A ready-made value (a small object), at the current depth.
    mutating func value(_ v: JSONValue) {
        let start = beforeValue(extra: 0)
        commit(start)
        var out: [UInt8] = []
        v.write(into: &out, indent: depth, pretty: true)
        out.withUnsafeBufferPointer { append($0) }
    }

    /// An array of strings (`[]` when empty).
    mutating func strings(_ items: [String]) {
        beginArray()
        for s in items { string(s) }
        endArray()
    }

    // MARK: Writing bytes

    /// Room for `n` more bytes, the storage this stream's own: where they go.
    @inline(__always)
    private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        if storage.count + n > storage.capacity { storage.grow(toHold: storage.count + n) }
        return storage.base + storage.count
    }

    /// Everything written up to `end` (from a pointer that `reserve` gave) is now part of the bytes.
    /// Never called as `commit(reserve(…))`: a copy of `self` held for the call would make the
    /// storage look shared to `reserve`, which would then write to a new copy.
    @inline(__always)
    private mutating func commit(_ end: UnsafeMutablePointer<UInt8>) { storage.count = end - storage.base }

    @inline(__always)
    private static func put(_ b: UInt8, at p: inout UnsafeMutablePointer<UInt8>) {
        p.pointee = b
        p += 1
    }

    private mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        guard let from = b.baseAddress, b.count > 0 else { return }
        reserve(b.count).update(from: from, count: b.count)
        storage.count += b.count
    }

    /// A value written as a literal (`null`, `true`, `0.0`).
    private mutating func literal(_ s: StaticString) {
        s.withUTF8Buffer { s in
            let p = beforeValue(extra: s.count)
            if let from = s.baseAddress { p.update(from: from, count: s.count) }
            commit(p + s.count)
        }
    }

    /// A JSON string literal as `JSONValue.escape` writes it: text with nothing to escape (nearly
    /// all) copied in one pass, anything else through `JSONValue.escape` itself.
    private mutating func escape(_ s: String) {
        var s = s
        let plain = s.withUTF8 { utf8 -> Bool in
            var p = reserve(utf8.count + 2)
            Self.put(UInt8(ascii: "\""), at: &p)
            for b in utf8 {
                // Nothing is committed until the end: a byte to escape leaves the bytes as they were.
                if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return false }
                Self.put(b, at: &p)
            }
            Self.put(UInt8(ascii: "\""), at: &p)
            commit(p)
            return true
        }
        guard !plain else { return }
        var out: [UInt8] = []
        JSONValue.escape(s, into: &out)
        out.withUnsafeBufferPointer { append($0) }
    }

    /// Inside an array a value starts a new member; after a key it does not. Returns where the
    /// value goes, with room reserved for `extra` bytes of it.
    @inline(__always)
    private mutating func beforeValue(extra: Int) -> UnsafeMutablePointer<UInt8> {
        if depth > 0, topIsArray { return separate(extra: extra) }
        return reserve(extra)
    }

    /// A comma after an earlier member, a line break and the indentation of `depth`; returns where
    /// the member goes, with room reserved for `extra` bytes of it.
    @inline(__always)
    private mutating func separate(extra: Int) -> UnsafeMutablePointer<UInt8> {
        let indent = 2 * depth
        var p = reserve(indent + 2 + extra)
        if topCount > 0 { Self.put(UInt8(ascii: ","), at: &p) }
        topCount += 1
        Self.put(10, at: &p)
        p.update(repeating: UInt8(ascii: " "), count: indent)
        return p + indent
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
        let indent = 2 * depth
        var p = reserve(indent + 2)
        if count > 0 {
            Self.put(10, at: &p)
            p.update(repeating: UInt8(ascii: " "), count: indent)
            p += indent
        }
        Self.put(bracket, at: &p)
        commit(p)
    }

    /// The stream's bytes: a buffer it owns (copied before a write when a copy of the stream shares
    /// it), grown by doubling. Only one thread writes a stream at a time.
    private final class Storage: @unchecked Sendable {
        private(set) var base: UnsafeMutablePointer<UInt8>
        var count = 0
        private(set) var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// A buffer of its own with the same bytes.
        func copy() -> Storage {
            let other = Storage(capacity: capacity)
            other.base.update(from: base, count: count)
            other.count = count
            return other
        }

        /// At least `needed` bytes of capacity, the bytes kept.
        func grow(toHold needed: Int) {
            var bigger = capacity * 2
            while bigger < needed { bigger *= 2 }
            let new = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
            new.update(from: base, count: count)
            base.deallocate()
            base = new
            capacity = bigger
        }

        /// Bytes at the end (the digits of a number).
        func append(_ b: UnsafeBufferPointer<UInt8>) {
            guard let from = b.baseAddress else { return }
            if count + b.count > capacity { grow(toHold: count + b.count) }
            (base + count).update(from: from, count: b.count)
            count += b.count
        }
    }

    /// A text output stream into the storage (which the stream has made its own before).
    private struct Sink: TextOutputStream {
        let storage: Storage
        mutating func write(_ string: String) {
            var string = string
            string.withUTF8 { storage.append($0) }
        }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { storage.append(buffer) }
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
