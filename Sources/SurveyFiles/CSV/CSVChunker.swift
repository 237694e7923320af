import Foundation

/// The fast path of `CSVReader.chunks` for text without CR bytes (the usual case): the same
/// boundaries and record numbers, found with `memchr` jumps from line break to line break and
/// from quote to quote instead of a test per byte. It looks for CR bytes as it goes (every byte
/// after `first` is looked at once) and gives up at the first, so the file is scanned once.
enum CSVChunker {
    /// How far ahead of the scan a quote is looked for (the search resumes from there).
    static let quoteWindow = 1 << 20

    /// Quotes follow `CSVReader.read`: a quote opens a quoted field only at the start of a field
    /// (after a comma, a line break or at `first`); inside, `""` is an escaped quote and a single
    /// quote closes the field; after the closing quote everything up to the separator is literal.
    ///
    /// Returns nil when the text has a CR byte (then `CSVReader.chunks` takes its general path).
    static func chunksWithoutCR(_ base: UnsafePointer<UInt8>, count: Int, from first: Int, parts: Int,
                                release: ((Range<Int>) -> Void)? = nil) -> [(range: Range<Int>, firstRow: Int)]? {
        let quote = UInt8(ascii: "\"")
        /// The position of the next `byte` in `from..<end`, or `end`.
        func find(_ byte: UInt8, _ from: Int, _ end: Int) -> Int {
            guard from < end, let p = memchr(base + from, Int32(byte), end - from) else { return end }
            return UnsafeRawPointer(p) - UnsafeRawPointer(base)
        }
        /// Whether `from..<end` has a CR byte.
        func hasCR(_ from: Int, _ end: Int) -> Bool { find(13, from, end) < end }
        /// The next quote in `from..<min(from + quoteWindow, count)`, or that window's end: the
        /// search for a quote never runs far ahead of the line breaks, so a file without quotes
        /// is not read (and its mapped pages made resident) to its end before any page is released.
        /// The window is looked at for CR bytes too (`sawCR`).
        var sawCR = false
        func findQuote(_ from: Int) -> Int {
            let end = min(from &+ quoteWindow, count)
            if hasCR(from, end) { sawCR = true }
            return find(quote, from, end)
        }
        var out: [(Range<Int>, Int)] = []
        var start = 0
        var startRecord = 1
        var target = 0
        var records = 0
        let step = max(count / max(parts, 1), 1)
        var i = first
        // The next quote at or after `i`, or a position up to which there is none (not a quote).
        var nextQuote = findQuote(i)
        while i < count {
            if nextQuote < i { nextQuote = findQuote(i) }
            if sawCR { return nil }
            let newline = find(10, i, nextQuote)
            if newline < nextQuote {
                records += 1
                let next = newline + 1
                if out.isEmpty || next >= target {
                    release?(start..<next)
                    out.append((start..<next, startRecord))
                    start = next
                    startRecord = records + 1
                    target = next + step
                }
                i = next
                continue
            }
            guard nextQuote < count else { break }
            guard base[nextQuote] == quote else {
                // The end of a quote search without a quote or a line break before it: search on.
                i = nextQuote
                nextQuote = findQuote(i)
                if sawCR { return nil }
                continue
            }
            let q = nextQuote
            let atFieldStart = q == first || base[q - 1] == UInt8(ascii: ",") || base[q - 1] == 10
            guard atFieldStart else {
                // A literal quote inside an unquoted field.
                i = q + 1
                continue
            }
            // A quoted field: skip to its closing quote (`""` is an escaped quote); line breaks
            // inside do not end records.
            var j = q + 1
            while true {
                let c = find(quote, j, count)
                if hasCR(j, c) { return nil }
                if c + 1 < count, base[c + 1] == quote { j = c + 2; continue }
                i = c + 1
                break
            }
        }
        if sawCR { return nil }
        if start < count { out.append((start..<count, startRecord)) }
        return out
    }
}
