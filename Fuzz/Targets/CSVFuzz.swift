import SurveyFiles
import SurveyModel

/// libFuzzer target: arbitrary bytes as a CSV return.
/// 1. `CSVReader.read` into a sink that checks the reader's protocol (rows 1, 2, 3…; increasing
///    columns; readable cell bytes).
/// 2. The whole return path (`ReturnLoader.loadCSV`: header matching against every codebook,
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
