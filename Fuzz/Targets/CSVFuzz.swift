import SurveyFiles
import SurveyModel

/// libFuzzer target: arbitrary bytes as a CSV return.
/// 1. `CSVReader.read` into a sink that checks the reader's protocol (rows 1, 2, 3…; increasing
///    columns; readable cell bytes).
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
