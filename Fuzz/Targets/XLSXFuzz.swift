import CZlib
import Foundation
import SurveyFiles
import SurveyModel

/// libFuzzer target: arbitrary bytes as an .xlsx workbook.
/// Each input is written to one fixed temporary file (`XLSXWorkbook` reads by path), then:
/// 1. `XLSXWorkbook(path:)` and every sheet read into a sink that checks the reader's protocol
///    (balanced rows, increasing row numbers within the limits, columns within the limits, readable
///    cell bytes); `cellValues` and `readGrid` on the first sheet.
/// 2. The whole return path (`ReturnLoader.load`: sniffing, sheet choice, Sign Off Sheet council,
///    header matching, row validation, population tables) and its invariants.
/// When the input is a zip whose *stored* entries have wrong CRCs (what byte mutations of a stored
/// seed give), it is run a second time with those CRCs corrected, so that mutations reach the XML
/// readers instead of stopping at the checksum check.
/// Small limits keep each run fast and let the fuzzer reach the limit checks.
let fuzzPath: String = {
    let dir = ProcessInfo.processInfo.environment["FUZZ_TMPDIR"] ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    return (dir as NSString).appendingPathComponent("caresurvey-fuzz-\(getpid()).xlsx")
}()

let fuzzLimits = XLSXLimits(maxEntryBytes: 8 << 20, maxTotalBytes: 16 << 20, maxCompressionRatio: 1_000,
                            ratioCheckThresholdBytes: 1 << 20, maxEntries: 2_000, maxRows: 1_048_576, maxColumns: 16_384)

@_cdecl("LLVMFuzzerTestOneInput")
public func xlsxFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    runOne(bytes)
    if StoredCRC.fix(&bytes) { runOne(bytes) }
    return 0
}

func runOne(_ bytes: [UInt8]) {
    guard FileManager.default.createFile(atPath: fuzzPath, contents: Data(bytes)) else {
        FuzzSupport.fail("cannot write \(fuzzPath)")
    }
    do throws(FileError) {
        let workbook = try XLSXWorkbook(path: fuzzPath, limits: fuzzLimits)
        FuzzSupport.check(workbook.sheets.count == workbook.sheetNames.count, "sheet lists differ")
        for name in Set(workbook.sheetNames) {
            var sink = ProtocolCheckingSink(maxRows: fuzzLimits.maxRows, maxColumns: fuzzLimits.maxColumns, consecutiveRows: false)
            do throws(FileError) {
                try workbook.readSheet(name, into: &sink)
                FuzzSupport.check(!sink.inRow, "readSheet returned inside a row")
            } catch {
                checkNames(error)
            }
        }
        if let first = workbook.sheetNames.first {
            _ = try? workbook.cellValues(sheet: first, refs: ["A1", "$B$3", "E2", "XFD1048576"])
            _ = try? workbook.readGrid(sheet: first)
        }
        for i in 0..<min(workbook.sharedStringCount, 64) { _ = workbook.sharedString(i) }
    } catch {
        checkNames(error)
    }

    let options = LoadOptions(limits: fuzzLimits)
    let loaded = ReturnLoader.load(paths: [fuzzPath], codebooks: FuzzSupport.codebooks, options: options)
    FuzzSupport.checkLoaded(loaded, file: fuzzPath)
}

/// Every error names the file it is about.
func checkNames(_ error: FileError) {
    FuzzSupport.check(error.description.hasPrefix(fuzzPath), "an error that does not name the file: \(error)")
}

/// Corrects the CRC-32 of every stored (method 0) zip entry, in the central directory and the
/// local header. Returns whether anything changed. Anything out of bounds is left alone.
enum StoredCRC {
    static func le16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func le32(_ b: [UInt8], _ i: Int) -> Int { le16(b, i) | le16(b, i + 2) << 16 }

    static func fix(_ b: inout [UInt8]) -> Bool {
        guard b.count >= 22 else { return false }
        var eocd = -1
        var i = b.count - 22
        while i >= max(0, b.count - 22 - 65_535) {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 5, b[i + 3] == 6 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { return false }
        let entries = le16(b, eocd + 10)
        var p = le32(b, eocd + 16)
        var changed = false
        for _ in 0..<entries {
            guard p >= 0, p + 46 <= b.count, le32(b, p) == 0x0201_4B50 else { break }
            let method = le16(b, p + 10)
            let size = le32(b, p + 20)
            let local = le32(b, p + 42)
            let next = p + 46 + le16(b, p + 28) + le16(b, p + 30) + le16(b, p + 32)
            if method == 0, local + 30 <= b.count, le32(b, local) == 0x0403_4B50 {
                let start = local + 30 + le16(b, local + 26) + le16(b, local + 28)
                if start + size <= b.count {
                    let crc = b.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32(0, $0.baseAddress! + start, uInt(size))) }
                    for at in [p + 16, local + 14] {
                        for k in 0..<4 {
                            let byte = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k)))
                            if b[at + k] != byte { b[at + k] = byte; changed = true }
                        }
                    }
                }
            }
            p = next
        }
        return changed
    }
}
