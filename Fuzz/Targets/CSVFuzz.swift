import SurveyFiles
import SurveyModel

/// libFuzzer target: arbitrary bytes as a CSV return.
/// 1. `CSVReader.read` into a sink that checks the reader's protocol (rows 1, 2, 3…; increasing
///    columns; readable cell bytes).
/// 1b. An independent, byte-at-a-time reference reader of the same dialect (`referenceCSV`): the
///    optimised reader must give the same records, row numbers, columns and cell bytes, or fail
///    the same way (unclosed quote at the same row; binary content).
/// 2. `CSVReader.chunks` (the record-boundary split `ParallelCSV` uses for large files): the header
///    chunk plus every body chunk read with its `firstRow` must give exactly the records, row
///    numbers and cells of one pass, for several numbers of parts.
/// 3. The whole return path (`ReturnLoader.loadCSV`: header matching against every codebook,
///    value parsing, row validation, duplicate serials) and its invariants: every record after the
///    header is a row read or a skipped blank row, respondents + non-respondents + unknown = rows read.
@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let file = "fuzz.csv"

    var sink = ProtocolCheckingSink(consecutiveRows: true)
    var readerError: FileError?
    bytes.withUnsafeBytes { raw in
        do throws(FileError) { try CSVReader.read(raw, file: file, into: &sink) } catch { readerError = error }
    }
    if readerError == nil { FuzzSupport.check(!sink.inRow, "the reader returned inside a row") }
    checkAgainstReference(bytes, file: file)

    // The header reader never fails where the full reader succeeds.
    if readerError == nil {
        bytes.withUnsafeBytes { raw in
            do throws(FileError) { _ = try CSVReader.header(raw, file: file) } catch {
                FuzzSupport.fail("CSVReader.header failed on input the reader accepts: \(error)")
            }
        }
    }

    if readerError == nil { checkChunks(bytes, file: file) }

    let loaded = ReturnLoader.loadCSV(bytes: bytes, name: file, codebooks: FuzzSupport.codebooks)
    FuzzSupport.checkLoaded(loaded, file: file)
    if readerError == nil, loaded.files.first?.error == nil {
        let s = loaded.summary
        let dataRecords = max(sink.rows - 1, 0)
        FuzzSupport.check(s.rowsRead + s.blankRowsSkipped + s.templateRowsSkipped == dataRecords,
                          "rows lost: \(dataRecords) data records, \(s.rowsRead) read + \(s.blankRowsSkipped) blank + \(s.templateRowsSkipped) template")
    }
    if readerError != nil {
        FuzzSupport.check(loaded.files.first?.error != nil, "the reader failed but the loader reported no file error")
    }
    return 0
}

/// Every record as (row number, [(column, bytes)]).
struct RecordingSink: CellSink {
    var records: [(Int, [(Int, [UInt8])])] = []
    mutating func beginRow(_ number: Int) { records.append((number, [])) }
    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        records[records.count - 1].1.append((column, Array(bytes)))
    }
    mutating func endRow() {}
}

func same(_ a: [(Int, [(Int, [UInt8])])], _ b: [(Int, [(Int, [UInt8])])]) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
        guard x.0 == y.0, x.1.count == y.1.count else { return false }
        for (c, d) in zip(x.1, y.1) where c.0 != d.0 || c.1 != d.1 { return false }
    }
    return true
}

func checkChunks(_ bytes: [UInt8], file: String) {
    bytes.withUnsafeBytes { raw in
        var whole = RecordingSink()
        do throws(FileError) { try CSVReader.read(raw, file: file, into: &whole) } catch { return }
        for parts in [2, 3, 8, 64] {
            let chunks = CSVReader.chunks(raw, parts: parts)
            // Contiguous, in order, covering everything.
            var at = 0
            for chunk in chunks {
                FuzzSupport.check(chunk.range.lowerBound == at && !chunk.range.isEmpty, "chunks are not contiguous: \(chunks.map(\.range))")
                at = chunk.range.upperBound
            }
            FuzzSupport.check(at == raw.count, "chunks end at \(at) of \(raw.count)")
            guard chunks.count > 2 else { continue }  // ParallelCSV reads such files in one pass
            var split = RecordingSink()
            do throws(FileError) {
                for chunk in chunks {
                    try CSVReader.read(UnsafeRawBufferPointer(rebasing: raw[chunk.range]), file: file, firstRow: chunk.firstRow, into: &split)
                }
            } catch {
                FuzzSupport.fail("a chunk (of \(parts) parts) fails where one pass reads the file: \(error)")
            }
            FuzzSupport.check(same(whole.records, split.records),
                              "chunks (\(parts) parts, \(chunks.map { ($0.range, $0.firstRow) })) give other records than one pass")
        }
    }
}

enum ReferenceFailure: Error, Equatable { case binary, unclosed(row: Int) }

/// The CSV dialect `CSVReader` documents, written plainly: BOM skipped at the start, a NUL byte in
/// the first 64 KiB refused, records ended by LF, CR or CRLF, quoted fields with `""` escapes (the
/// rest of a field after its closing quote ignored), empty unquoted fields not delivered, an
/// empty quoted field delivered empty, no record after a final line break.
func referenceCSV(_ b: [UInt8], firstRow: Int = 1) -> Result<[(Int, [(Int, [UInt8])])], ReferenceFailure> {
    let n = b.count
    var i = firstRow == 1 && n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    if b.prefix(65536).contains(0) { return .failure(.binary) }
    func separator(_ x: UInt8) -> Bool { x == 44 || x == 10 || x == 13 }
    var records: [(Int, [(Int, [UInt8])])] = []
    var row = firstRow - 1
    while i < n {
        row += 1
        var cells: [(Int, [UInt8])] = []
        var column = 0
        while true {
            if i < n, b[i] == 34 {
                i += 1
                var field: [UInt8] = []
                var closed = false
                while i < n {
                    if b[i] == 34 {
                        if i + 1 < n, b[i + 1] == 34 { field.append(34); i += 2; continue }
                        closed = true
                        break
                    }
                    field.append(b[i])
                    i += 1
                }
                if !closed { return .failure(.unclosed(row: row)) }
                cells.append((column, field))
                i += 1
                while i < n, !separator(b[i]) { i += 1 }
            } else {
                let start = i
                while i < n, !separator(b[i]) { i += 1 }
                if i > start { cells.append((column, Array(b[start..<i]))) }
            }
            if i >= n { break }
            if b[i] == 44 {
                i += 1
                column += 1
                if i >= n { break }
                continue
            }
            if b[i] == 13, i + 1 < n, b[i + 1] == 10 { i += 2 } else { i += 1 }
            break
        }
        records.append((row, cells))
    }
    return .success(records)
}

func checkAgainstReference(_ bytes: [UInt8], file: String) {
    var got = RecordingSink()
    var failure: FileError?
    bytes.withUnsafeBytes { raw in
        do throws(FileError) { try CSVReader.read(raw, file: file, into: &got) } catch { failure = error }
    }
    switch referenceCSV(bytes) {
    case .success(let expected):
        FuzzSupport.check(failure == nil, "the reader fails (\(String(describing: failure))) on input the reference reads")
        FuzzSupport.check(same(got.records, expected), "the reader and the reference read different records")
    case .failure(.binary):
        guard case .notAWorkbook? = failure else { FuzzSupport.fail("binary input not refused: \(String(describing: failure))") }
    case .failure(.unclosed(let row)):
        guard case .malformed(_, _, let at, _, _)? = failure, at == row else {
            FuzzSupport.fail("unclosed quote at row \(row) reported as \(String(describing: failure))")
        }
    }
}
