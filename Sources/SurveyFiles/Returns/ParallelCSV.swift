import Foundation
import SurveyModel

/// Reads one CSV return, splitting a large file into chunks at record boundaries that are parsed
/// and validated in parallel (each with the header), then joined in order: the same table,
/// diagnostics and counts as a single pass.
enum ParallelCSV {
    /// Files smaller than this are read in one pass.
    static let chunkThreshold = 2 << 20
    /// Large files are cut into chunks of about this size, whose pages are given back once parsed,
    /// so that a file of gigabytes is never held in memory while its table grows.
    static let chunkBytes = 64 << 20

    /// `mapped`: `data` maps the file (`MappedFile`), so pages already scanned or parsed are
    /// given back as the read goes (they come back from the page cache if touched again): a file
    /// of gigabytes never becomes resident as a whole.
    /// `keepColumns`: the columns the table holds (nil = all); the others are read and checked,
    /// but a large file's parts never store them, so the whole never holds them.
    static func read(_ data: Data, path: String, candidates: [Codebook], options: LoadOptions, mapped: Bool = false,
                     keepColumns: (@Sendable (Codebook) -> [Bool])? = nil) throws(FileError) -> ReturnLoader.FileRead {
        try withFileBytes(data) { raw throws(FileError) in
            let parts = ProcessInfo.processInfo.activeProcessorCount
            let release: ((Range<Int>) -> Void)? = mapped ? { releasePages(raw, $0) } : nil
            if let found = options.codebookFound, raw.count >= chunkThreshold && parts > 1,
               let codebook = headerCodebook(raw, path: path, candidates: candidates, options: options) {
                found(codebook)
            }
            let chunks = raw.count >= chunkThreshold && parts > 1
                ? CSVReader.chunks(raw, parts: Swift.max(parts * 2, raw.count / chunkBytes), releasingScanned: release) : []
            guard chunks.count > 2 else {
                var builder = ReturnBuilder(file: path, sheet: nil, mode: .csv, headerRow: 1, fallbackCouncil: options.council, candidates: candidates,
                                          alternatives: options.alternatives, force: options.forceCodebook)
                try CSVReader.read(raw, file: path, into: &builder)
                builder.finish()
                var read = try builder.result(format: "csv", populations: [])
                if let keepColumns, let codebook = read.table?.codebook { read.table!.keepColumns(keepColumns(codebook)) }
                return read
            }
            let bytes = SharedBytes(raw: raw)
            let headerRange = chunks[0].range
            let body = Array(chunks.dropFirst())
            // Records per chunk from the record numbers; the last chunk's by its bytes per record.
            func records(_ k: Int) -> Int {
                if k + 1 < body.count { return body[k + 1].firstRow - body[k].firstRow }
                let before = body[k].firstRow - body[0].firstRow
                let bytesBefore = body[k].range.lowerBound - body[0].range.lowerBound
                guard before > 0, bytesBefore > 0 else { return 0 }
                return Int(Double(body[k].range.count) * Double(before) / Double(bytesBefore) * 1.01) + 1
            }
            let expected = body.indices.map(records)
            let totalRecords = expected.reduce(0, +)
            // Parts are joined in order as they finish (`OrderedJoin`) into a fresh table that
            // reserves room for every record and takes chunk 0's rows too: it is then the only owner
            // of its columns (chunk 0's own table may still be referenced by its worker while later
            // chunks join), so no append copies or regrows it; a part is dropped once appended, so
            // the rows are held about once.
            nonisolated(unsafe) var whole: ReturnLoader.FileRead?
            let joiner = OrderedJoin<ReturnLoader.FileRead> { k, part in
                if k == 0 {
                    var first = part
                    let codebook = part.table!.codebook
                    var table = ResponseTable(codebook: codebook, keeping: keepColumns?(codebook))
                    table.reserveCapacity(totalRecords)
                    table.append(contentsOf: part.table!)
                    first.table = table
                    var errors: [Bool] = []
                    errors.reserveCapacity(totalRecords)
                    errors += part.rowHasError
                    first.rowHasError = errors
                    whole = first
                    return
                }
                whole!.table!.append(contentsOf: part.table!, sameSource: true)
                whole!.diagnostics += part.diagnostics
                whole!.rowHasError += part.rowHasError
                whole!.report.summary = whole!.report.summary + part.report.summary
            }
            DispatchQueue.concurrentPerform(iterations: body.count) { k in
                var builder = ReturnBuilder(file: path, sheet: nil, mode: .csv, headerRow: 1, fallbackCouncil: options.council, candidates: candidates,
                                          alternatives: options.alternatives, force: options.forceCodebook)
                // Records in this chunk (its table reserves room for them); only the kept columns
                // are stored (and transposed) at all.
                builder.expectedRows = expected[k]
                builder.keepColumns = keepColumns
                do throws(FileError) {
                    try CSVReader.read(UnsafeRawBufferPointer(rebasing: bytes.raw[headerRange]), file: path, into: &builder)
                    try CSVReader.read(UnsafeRawBufferPointer(rebasing: bytes.raw[body[k].range]), file: path, firstRow: body[k].firstRow, into: &builder)
                    if mapped || bytes.raw.count >= chunkBytes { releasePages(bytes.raw, body[k].range) }
                    builder.finish()
                    var read = try builder.result(format: "csv", populations: [])
                    if let keepColumns, let codebook = read.table?.codebook { read.table!.keepColumns(keepColumns(codebook)) }
                    if k > 0 {
                        // Header diagnostics are reported once, by the first chunk.
                        let headerWarnings = read.diagnostics.filter { $0.row == 1 }
                        read.diagnostics.removeAll { $0.row == 1 }
                        read.report.summary.warnings -= headerWarnings.filter { $0.severity == .warning }.count
                        read.report.summary.errors -= headerWarnings.filter { $0.severity == .error }.count
                    }
                    joiner.deliver(k, .success(read))
                } catch {
                    joiner.deliver(k, .failure(error))
                }
            }
            try joiner.result()
            return whole!
        }
    }
}

extension ParallelCSV {
    /// The codebook the file's first line (a header without quotes) names, or nil: read as the
    /// header alone, its diagnostics dropped (the chunks read it again).
    static func headerCodebook(_ raw: UnsafeRawBufferPointer, path: String, candidates: [Codebook],
                               options: LoadOptions) -> Codebook? {
        guard let base = raw.baseAddress else { return nil }
        let window = Swift.min(raw.count, 1 << 20)
        guard let newline = memchr(base, 10, window) else { return nil }
        let header = UnsafeRawBufferPointer(start: base, count: base.distance(to: UnsafeRawPointer(newline)) + 1)
        guard memchr(base, 34, header.count) == nil else { return nil }
        var builder = ReturnBuilder(file: path, sheet: nil, mode: .csv, headerRow: 1, fallbackCouncil: options.council, candidates: candidates,
                                    alternatives: options.alternatives, force: options.forceCodebook)
        do throws(FileError) { try CSVReader.read(header, file: path, into: &builder) } catch { return nil }
        builder.finish()
        return builder.fatal == nil ? builder.table?.codebook : nil
    }

    /// Gives back the memory of a parsed chunk's bytes (`MADV_DONTNEED`: a mapped file's pages are
    /// dropped, a copy's pages zeroed). Only whole pages inside `range`, so the header and the
    /// neighbouring chunks (other workers may still be reading them) keep theirs; the chunk's bytes
    /// are not read again.
    static func releasePages(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard let base = raw.baseAddress else { return }
        let page = Swift.max(Int(sysconf(Int32(_SC_PAGESIZE))), 1)
        let address = Int(bitPattern: base)
        let start = (address + range.lowerBound + page - 1) / page * page
        let end = (address + range.upperBound) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, Int32(MADV_DONTNEED))
    }
}

/// Read-only bytes shared by the parallel workers for the duration of the read.
private struct SharedBytes: @unchecked Sendable {
    let raw: UnsafeRawBufferPointer
}
