import Testing
@testable import SurveyReports

/// `JSONStream` writes a document member by member; these check it gives exactly the bytes of
/// `JSONValue.serialized()` for random documents, written call by call, with ready-made parts
/// (`value`), and with an array's members written in parallel parts (`parallelMembers`).
@Suite("JSON: JSONStream equals JSONValue.serialized")
struct JSONStreamTests {
    struct Seeded {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
    }

    static func random(_ rng: inout Seeded, depth: Int) -> JSONValue {
        switch rng.next(depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(rng.next(2) == 0)
        case 2: return .int(rng.next(2001) - 1000)
        case 3: return .double([0, -0.0, 0.5, 1e-7, 2235, .nan, .infinity, 18.666230459108114][rng.next(8)])
        case 4: return .string(["", "a", "say \"hi\"\n", "tab\there", "\\", "é ✓", "\u{1}"][rng.next(7)])
        case 5: return .array((0..<rng.next(4)).map { _ in random(&rng, depth: depth + 1) })
        default: return .object((0..<rng.next(4)).map { i in (["k\(i)", "x y", "q\"", "estimate"][rng.next(4)], random(&rng, depth: depth + 1)) })
        }
    }

    /// The value through the stream's calls (ready-made `value` for some parts).
    static func stream(_ v: JSONValue, into w: inout JSONStream, _ rng: inout Seeded) {
        if rng.next(5) == 0 { w.value(v); return }
        switch v {
        case .null: w.null()
        case let .bool(b): w.bool(b)
        case let .int(i): w.int(i)
        case let .double(d): w.number(d)
        case let .string(s):
            if rng.next(2) == 0 { w.string(s) } else { w.text(s) }
        case let .array(items):
            w.beginArray()
            for item in items { stream(item, into: &w, &rng) }
            w.endArray()
        case let .object(pairs):
            w.beginObject()
            for (k, value) in pairs {
                if k == "estimate" { w.key(plain: "estimate") } else { w.key(k) }
                stream(value, into: &w, &rng)
            }
            w.endObject()
        }
    }

    @Test func randomDocumentsWriteTheSameBytes() {
        var rng = Seeded(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2000 {
            let doc = Self.random(&rng, depth: 0)
            var w = JSONStream()
            Self.stream(doc, into: &w, &rng)
            #expect(w.finish() == doc.serialized())
        }
    }

    @Test func parallelMembersWriteTheSameBytes() {
        var rng = Seeded(state: 42)
        for _ in 0..<200 {
            let members = (0..<rng.next(30)).map { _ in Self.random(&rng, depth: 2) }
            let before = Self.random(&rng, depth: 2)
            let doc = JSONValue.object([("before", before), ("series", .array([.object([("items", .array(members))])])), ("after", .int(1))])
            let parts = 1 + rng.next(8)
            var w = JSONStream()
            w.beginObject()
            w.key("before"); w.value(before)
            w.key(plain: "series")
            w.beginArray()
            w.beginObject()
            w.key("items")
            w.beginArray()
            w.parallelMembers(count: members.count, parts: parts, capacityPerMember: 16) { range, part in
                for i in range { part.value(members[i]) }
            }
            w.endArray()
            w.endObject()
            w.endArray()
            w.key("after"); w.int(1)
            w.endObject()
            #expect(w.finish() == doc.serialized())
        }
    }
}
