import SurveyModel

/// Flags rows that repeat a council's serial number (across all files read together).
enum DuplicateSerials {
    /// A council and an ASCII serial of up to 16 bytes, packed into integers: hashing it is much
    /// cheaper than hashing a `String`. (For ASCII text, string equality is byte equality.)
    fileprivate struct PackedKey: Equatable {
        let council: Int32
        let length: Int32
        let low: UInt64
        let high: UInt64
    }

    private struct Key: Hashable { let council: Int32; let serial: String }

    static func check(_ table: inout ResponseTable, rowHasError: inout [Bool]) -> (diagnostics: [Diagnostic], newErrorRows: Int) {
        var out: [Diagnostic] = []
        var newRows = 0
        func report(_ row: Int, earlier: Int) {
            let serial = table.serial[row]
            let src = table.sources[Int(table.source[earlier])]
            let here = table.sources[Int(table.source[row])]
            out.append(.error("duplicate-serial", "serial number \(serial) of council \(table.councils[Int(table.council[row])]) already appears at \(src.path)\(src.sheet.map { ", sheet \"\($0)\"" } ?? ""), row \(table.sourceRow[earlier]); both rows are kept",
                              file: here.path, sheet: here.sheet, row: Int(table.sourceRow[row]), column: table.codebook.serialFieldName, value: serial))
            if !rowHasError[row] { newRows += 1; rowHasError[row] = true }
        }
        // Non-ASCII serials compare by canonical equivalence (an ASCII serial can equal a
        // non-ASCII one): then every serial goes through `String` keys.
        let allASCII = table.serial.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        if allASCII {
            /// The packed key of a row's serial (nil: empty, or longer than 16 bytes).
            func packedKey(_ row: Int) -> PackedKey? {
                var serial = table.serial[row]
                let council = table.council[row]
                return serial.withUTF8 { bytes in
                    guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
                    var words: (UInt64, UInt64) = (0, 0)
                    withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
                    return PackedKey(council: council, length: Int32(bytes.count), low: words.0, high: words.1)
                }
            }
            // Serials repeat only within a council: take the rows council by council (a counting
            // sort; rows stay in order within a council), so each council's set is small and stays
            // in cache; report in row order at the end.
            let councilOfRow = table.council
            var start = [Int](repeating: 0, count: table.councils.count + 1)
            for c in councilOfRow { start[Int(c) + 1] += 1 }
            for c in 0..<table.councils.count { start[c + 1] += start[c] }
            var order = [Int32](repeating: 0, count: table.count)
            var next = start
            for row in 0..<table.count {
                let c = Int(councilOfRow[row])
                order[next[c]] = Int32(row)
                next[c] += 1
            }
            var largest = 0
            for c in 0..<table.councils.count { largest = max(largest, start[c + 1] - start[c]) }
            var first = PackedSet(capacity: largest)
            var long: [Key: Int] = [:]
            var found: [(row: Int, earlier: Int)] = []
            for c in 0..<table.councils.count where start[c + 1] > start[c] {
                first.reset(expected: start[c + 1] - start[c])
                for k in start[c]..<start[c + 1] {
                    let row = Int(order[k])
                    let serial = table.serial[row]
                    guard !serial.isEmpty else { continue }
                    if let packed = packedKey(row) {
                        let earlier = first.insert(packed, row: row) { packedKey($0)! }
                        if earlier >= 0 { found.append((row, earlier)) }
                    } else {
                        let key = Key(council: table.council[row], serial: serial)
                        if let earlier = long[key] { found.append((row, earlier)) } else { long[key] = row }
                    }
                }
            }
            for (row, earlier) in found.sorted(by: { $0.row < $1.row }) { report(row, earlier: earlier) }
        } else {
            var first: [Key: Int] = [:]
            first.reserveCapacity(table.count)
            for row in 0..<table.count {
                let serial = table.serial[row]
                guard !serial.isEmpty else { continue }
                let key = Key(council: table.council[row], serial: serial)
                if let earlier = first[key] { report(row, earlier: earlier) } else { first[key] = row }
            }
        }
        return (out, newRows)
    }
}

/// An open-addressing set of packed keys with the row of each key's first occurrence: 8 bytes
/// per slot (the row and 32 bits of the key's hash; keys are re-read from the table on a hash
/// match), sized for the largest council. The hash mixes the key with per-process random
/// seeds (multiply-fold), so crafted serials cannot force collisions; it is far cheaper than
/// `Hasher` on a `String`.
private struct PackedSet {
    /// 0 = empty; else (hash high 32 bits) << 32 | (row + 1).
    private var slots: [UInt64]
    private var mask: Int
    private let seeds = (UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max), UInt64.random(in: .min ... .max))

    init(capacity: Int) {
        let size = PackedSet.size(for: capacity)
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Slots for `count` keys: a power of two, at most two-thirds full.
    private static func size(for count: Int) -> Int {
        var size = 16
        while size < count + count / 2 { size *= 2 }
        return size
    }

    /// Empties the set for up to `expected` keys (at most the capacity it was made with).
    mutating func reset(expected: Int) {
        let size = PackedSet.size(for: expected)
        precondition(size <= slots.count, "more keys than the set was made for")
        slots.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: 0, count: size) }
        mask = size - 1
    }

    @inline(__always)
    private func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let m = a.multipliedFullWidth(by: b)
        return m.high ^ m.low
    }

    /// Inserts `key` for `row`; returns the row of an earlier equal key (and keeps that one), or
    /// −1. `keyOf(row)` is the key of a row already in the set.
    mutating func insert(_ key: DuplicateSerials.PackedKey, row: Int, keyOf: (Int) -> DuplicateSerials.PackedKey) -> Int {
        precondition(row < Int(UInt32.max), "too many rows")
        let meta = UInt64(UInt32(bitPattern: key.council)) << 32 | UInt64(UInt32(bitPattern: key.length))
        let h = mix(key.low ^ seeds.0, key.high ^ seeds.1) ^ mix(meta ^ seeds.2, 0x9E37_79B9_7F4A_7C15)
        let tag = h >> 32
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let slot = slots[i]
            if slot >> 32 == tag {
                let earlier = Int(slot & 0xFFFF_FFFF) - 1
                if keyOf(earlier) == key { return earlier }
            }
            i = (i + 1) & mask
        }
        slots[i] = tag << 32 | UInt64(row + 1)
        return -1
    }
}
