import Foundation
import SurveyModel

/// A byte-level RFC 4180 reader: UTF-8 with or without BOM, LF or CRLF (or lone CR) line ends,
/// quoted fields with doubled quotes and embedded line breaks. It never builds strings: each
/// field's bytes go straight to a `CellSink`; only fields with doubled quotes are copied (into a
/// reused buffer).
///
/// Rows are numbered as records (header = 1), as a spreadsheet that opened the file would show them.
public enum CSVReader {
    /// Feeds every record of `bytes` to `sink`. Throws `.malformed` for an unterminated quoted field
    /// and `.notAWorkbook` for binary content (NUL bytes).
    public static func read<S: CellSink>(_ bytes: UnsafeRawBufferPointer, file: String, firstRow: Int = 1,
                                         into sink: inout S) throws(FileError) {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var i = 0
        // A byte-order mark only at the start of the file: a later chunk (`firstRow` > 1) that
        // happens to start with U+FEFF keeps it as the single pass does.
        if firstRow == 1, count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { i = 3 }
        if let nul = memchr(base, 0, min(count, 65536)) {
            let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
            throw .notAWorkbook(file: file, reason: "binary content (a NUL byte at offset \(offset)); expected a CSV text file or an .xlsx workbook")
        }
        var scratch: [UInt8] = []
        scratch.reserveCapacity(256)
        var row = firstRow - 1
        while i < count {
            row += 1
            sink.beginRow(row)
            var column = 0
            var endOfRecord = false
            while !endOfRecord {
                // A run of empty fields (",,,"): nothing to deliver, just count the columns,
                // eight at a time while eight bytes are all commas.
                if i < count, base[i] == UInt8(ascii: ",") {
                    i += 1
                    column += 1
                    while i + 8 <= count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) == 0x2C2C_2C2C_2C2C_2C2C {
                        i += 8
                        column += 8
                    }
                    while i < count, base[i] == UInt8(ascii: ",") {
                        i += 1
                        column += 1
                    }
                }
                if i < count, base[i] == UInt8(ascii: "\"") {
                    // Quoted field.
                    let startRow = row
                    i += 1
                    var start = i
                    var needsCopy = false
                    scratch.removeAll(keepingCapacity: true)
                    var closed = false
                    while i < count {
                        let b = base[i]
                        if b == UInt8(ascii: "\"") {
                            if i + 1 < count, base[i + 1] == UInt8(ascii: "\"") {
                                scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i + 1 - start))
                                needsCopy = true
                                i += 2
                                start = i
                                continue
                            }
                            closed = true
                            break
                        }
                        i += 1
                    }
                    guard closed else {
                        throw .malformed(file: file, sheet: nil, row: startRow, column: columnLabel(column),
                                         reason: "a quoted field is never closed (missing \" before the end of the file)")
                    }
                    if needsCopy {
                        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
                        scratch.withUnsafeBytes { sink.cell(column, $0, isFormula: false) }
                    } else if i > start {
                        sink.cell(column, UnsafeRawBufferPointer(start: base + start, count: i - start), isFormula: false)
                    } else {
                        sink.cell(column, UnsafeRawBufferPointer(start: base + start, count: 0), isFormula: false)
                    }
                    i += 1 // closing quote
                    // Anything up to the next separator after a closing quote is tolerated and ignored.
                    while i < count, !isSeparator(base[i]) { i += 1 }
                } else {
                    let start = i
                    while i < count, !isSeparator(base[i]) { i += 1 }
                    if i > start {
                        sink.cell(column, UnsafeRawBufferPointer(start: base + start, count: i - start), isFormula: false)
                    }
                }
                if i >= count {
                    endOfRecord = true
                } else if base[i] == UInt8(ascii: ",") {
                    i += 1
                    column += 1
                    if i >= count { endOfRecord = true }
                } else {
                    if base[i] == 13, i + 1 < count, base[i + 1] == 10 { i += 2 } else { i += 1 }
                    endOfRecord = true
                }
            }
            sink.endRow()
        }
    }

    /// A comma, LF or CR: one shift and mask instead of three comparisons.
    @inline(__always)
    static func isSeparator(_ b: UInt8) -> Bool {
        b <= 44 && (UInt64(1) << UInt64(b)) & (1 << 44 | 1 << 10 | 1 << 13) != 0
    }

    /// Splits a CSV into about `parts` pieces at record boundaries (line breaks outside quotes), for
    /// parsing in parallel. Returns the byte ranges after the header and the number of the first
    /// record of each (header = record 1); the first element is the header's own range.
    /// `releasingScanned`, if given, is called with each range the scan has passed (a chunk at a
    /// time), so a mapped file's pages can be given back during the scan.
    public static func chunks(_ bytes: UnsafeRawBufferPointer, parts: Int,
                              releasingScanned release: ((Range<Int>) -> Void)? = nil) -> [(range: Range<Int>, firstRow: Int)] {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
        var i = 0
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { i = 3 }
        // Text without CR bytes (the fast path looks for them as it scans, and gives up at the first).
        if let chunks = CSVChunker.chunksWithoutCR(base, count: count, from: i, parts: parts, release: release) { return chunks }
        // Quotes are tracked as `read` does (not toggled on every `"`): a quote opens a quoted field
        // only at the start of a field, `""` inside is an escaped quote, and after the closing quote
        // anything up to the separator is literal. Otherwise a stray quote (`5" tall`, `q18"`) moves
        // the boundaries into the middle of records.
        var inQuotes = false
        var atFieldStart = true
        var records = 0
        var out: [(Range<Int>, Int)] = []
        var start = 0
        var startRecord = 1
        var target = 0
        let step = max(count / max(parts, 1), 1)
        while i < count {
            let b = base[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < count, base[i + 1] == UInt8(ascii: "\"") { i += 2; continue }
                    inQuotes = false
                }
            } else if b == 10 || b == 13 {
                if b == 13, i + 1 < count, base[i + 1] == 10 { i += 1 }
                records += 1
                atFieldStart = true
                let next = i + 1
                if out.isEmpty || next >= target {
                    release?(start..<next)
                    out.append((start..<next, startRecord))
                    start = next
                    startRecord = records + 1
                    target = next + step
                }
            } else if b == UInt8(ascii: ",") {
                atFieldStart = true
            } else {
                if b == UInt8(ascii: "\""), atFieldStart { inQuotes = true }
                atFieldStart = false
            }
            i += 1
        }
        if start < count { out.append((start..<count, startRecord)) }
        return out
    }

    /// Reads only the header record's field names (for detecting the survey and year).
    public static func header(_ bytes: UnsafeRawBufferPointer, file: String) throws(FileError) -> [String] {
        struct HeaderSink: CellSink {
            var names: [String] = []
            var done = false
            var rows = 0
            mutating func beginRow(_ number: Int) { rows = number }
            mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
                guard rows == 1 else { return }
                while names.count < column { names.append("") }
                names.append(String(decoding: bytes, as: UTF8.self))
            }
            mutating func endRow() {}
        }
        // Only the first record matters: cut at the first line break outside quotes. Quotes are
        // tracked as `read` does: a quote opens a quoted field only at the start of a field (a
        // quote inside an unquoted field such as `q18"` is literal), `""` inside is an escaped quote.
        var inQuotes = false
        var atFieldStart = true
        var end = bytes.count
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let b = bytes[index]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") { index += 2; continue }
                    inQuotes = false
                }
            } else if b == 10 || b == 13 {
                end = index
                break
            } else if b == UInt8(ascii: ",") {
                atFieldStart = true
            } else {
                if b == UInt8(ascii: "\""), atFieldStart { inQuotes = true }
                atFieldStart = false
            }
            index += 1
        }
        var sink = HeaderSink()
        try read(UnsafeRawBufferPointer(rebasing: bytes[0..<end]), file: file, into: &sink)
        return sink.names
    }

    /// Spreadsheet-style column letters for messages about a CSV column position (0 → "A").
    static func columnLabel(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
