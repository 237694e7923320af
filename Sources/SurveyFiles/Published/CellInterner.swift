import Foundation
import SurveyModel

/// Distinct cell contents → small integers, each one's text made once. A published file repeats a
/// few hundred distinct texts (codes, levels, measure types, areas, common values) over a hundred
/// thousand rows: the reader keeps one id per cell instead of a `String`, and everything decided
/// from a text (trimming, the measure, the area, the number) is decided once per distinct text.
///
/// `texts[id]` is what `String(decoding:as:)` and `trimmedSpaces` make of the bytes — the same text
/// a grid of strings gives — and `blank[id]` whether that text is empty. Id 0 is the empty cell.
struct CellInterner {
    private(set) var texts: [String] = [""]
    private(set) var blank: [Bool] = [true]
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var counts: [Int] = [0]
    private var hashes: [UInt64] = [0]
    /// Open addressing: slot → id + 1 (0 = empty); the capacity is a power of two, at most half full.
    private var table = [Int32](repeating: 0, count: 1024)

    var count: Int { texts.count }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        if bytes.isEmpty { return 0 }
        let h = Self.hash(bytes)
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        // The probe reads the arrays through their buffers (no bounds or uniqueness checks per step).
        let found: Int32? = table.withUnsafeBufferPointer { table in
            hashes.withUnsafeBufferPointer { hashes in
                counts.withUnsafeBufferPointer { counts in
                    starts.withUnsafeBufferPointer { starts in
                        arena.withUnsafeBytes { arena in
                            while true {
                                let entry = Int(table[slot])
                                if entry == 0 { return nil }
                                let id = entry - 1
                                if hashes[id] == h, counts[id] == bytes.count,
                                   memcmp(arena.baseAddress! + starts[id], bytes.baseAddress!, bytes.count) == 0 {
                                    return Int32(id)
                                }
                                slot = (slot + 1) & mask
                            }
                        }
                    }
                }
            }
        }
        if let found { return found }
        let id = texts.count
        starts.append(arena.count)
        counts.append(bytes.count)
        hashes.append(h)
        arena.append(contentsOf: bytes)
        let text = Self.text(bytes)
        texts.append(text)
        blank.append(text.isEmpty)
        table[slot] = Int32(id + 1)
        if texts.count * 2 > table.count { grow() }
        return Int32(id)
    }

    /// The cell's text as a grid of trimmed strings has it. Plain ASCII that starts and ends with a
    /// visible character needs no trimming (the common case); anything else goes through
    /// `trimmedSpaces` on the decoded string, so odd bytes (no-break spaces, line breaks in quotes,
    /// invalid UTF-8) read exactly as before.
    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        let visible: ClosedRange<UInt8> = 0x21...0x7E
        if let first = bytes.first, let last = bytes.last, visible.contains(first), visible.contains(last),
           bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return trimmedSpaces(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether cell `id` holds exactly these bytes (`bytes` not empty).
    func holds(_ id: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let id = Int(id)
        guard id > 0, counts[id] == bytes.count else { return false }
        return arena.withUnsafeBytes { memcmp($0.baseAddress! + starts[id], bytes.baseAddress!, bytes.count) == 0 }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: table.count * 2)
        let mask = bigger.count - 1
        for id in 1..<texts.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id + 1)
        }
        table = bigger
    }
}

/// Collects a CSV as rows of interned cell ids (no string per cell): `cells[rowStart[r] ..<
/// rowStart[r + 1]]` are row r's (column, id) pairs, in column order; a column not listed is empty.
struct InternedRows: CellSink {
    var interner = CellInterner()
    var numbers: [Int] = []
    var rowStart: [Int] = [0]
    var columns: [Int32] = []
    var ids: [Int32] = []
    /// The last id seen in each column: a published file repeats a column's value from row to row
    /// (the same area, measure and breakdown over several rows), and comparing the bytes with that
    /// one cell costs less than hashing them.
    private var lastInColumn: [Int32] = []

    mutating func beginRow(_ number: Int) { numbers.append(number) }
    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        let id: Int32
        if bytes.isEmpty {
            id = 0
        } else if column < lastInColumn.count, interner.holds(lastInColumn[column], bytes) {
            id = lastInColumn[column]
        } else {
            id = interner.intern(bytes)
            if column >= lastInColumn.count, column < 1024 { lastInColumn += repeatElement(0, count: column + 1 - lastInColumn.count) }
            if column < lastInColumn.count { lastInColumn[column] = id }
        }
        guard id != 0 else { return }
        columns.append(Int32(column))
        ids.append(id)
    }
    mutating func endRow() { rowStart.append(ids.count) }

    var rowCount: Int { numbers.count }

    /// Row r's cells as a dense list of texts (the header).
    func texts(ofRow r: Int) -> [String] {
        var out: [String] = []
        for k in rowStart[r]..<rowStart[r + 1] {
            while out.count < Int(columns[k]) { out.append("") }
            out.append(interner.texts[Int(ids[k])])
        }
        return out
    }
}
