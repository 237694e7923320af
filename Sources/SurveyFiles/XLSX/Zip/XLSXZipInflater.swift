import CZlib
import Foundation

/// Reads one zip entry fully into memory, with the size limits checked before and during inflation.
///
/// The inflater sees exactly the entry's compressed bytes and writes into a buffer of exactly the
/// declared uncompressed size (+1 byte to notice overflow), so neither a damaged stream nor a lying
/// header can make it read past the entry, loop, or produce more than the limits allow.
enum XLSXZipInflater {
    static func checkLimits(_ entry: XLSXZipEntry, path: String, limits: XLSXLimits) throws(FileError) {
        let size = entry.uncompressedSize
        guard size <= UInt64(limits.maxEntryBytes) else {
            throw .limitExceeded(file: path, limit: "\(limits.maxEntryBytes) bytes per zip entry",
                                 reason: "\(entry.name) would inflate to \(size) bytes")
        }
        if size > UInt64(limits.ratioCheckThresholdBytes) {
            let ratio = entry.compressedSize == 0 ? UInt64.max : size / entry.compressedSize
            guard ratio <= UInt64(limits.maxCompressionRatio) else {
                throw .limitExceeded(file: path, limit: "compression ratio \(limits.maxCompressionRatio):1",
                                     reason: "\(entry.name) inflates from \(entry.compressedSize) to \(size) bytes (a zip bomb?)")
            }
        }
    }

    /// The entry's compressed bytes exactly as stored (for copying an entry into another archive
    /// unchanged).
    static func rawData(_ entry: XLSXZipEntry, from file: XLSXFile) throws(FileError) -> Data {
        let header = [UInt8](try file.read(at: entry.localHeaderOffset, count: 30, what: "the header of \(entry.name)"))
        guard XLSXLittleEndian.le32(header, 0) == 0x0403_4B50 else {
            throw .notAWorkbook(file: file.path, reason: "the zip archive is damaged (\(entry.name): bad local file header)")
        }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(XLSXLittleEndian.le16(header, 26)) + UInt64(XLSXLittleEndian.le16(header, 28))
        return try file.read(at: dataOffset, count: Int(entry.compressedSize), what: "the data of \(entry.name)")
    }

    static func extract(_ entry: XLSXZipEntry, from file: XLSXFile, limits: XLSXLimits) throws(FileError) -> [UInt8] {
        let path = file.path
        func damaged(_ reason: String) -> FileError {
            .notAWorkbook(file: path, reason: "the zip archive is damaged (\(entry.name): \(reason))")
        }
        try checkLimits(entry, path: path, limits: limits)
        if entry.flags & 1 != 0 { throw .encryptedWorkbook(file: path) }
        let compressed = try rawData(entry, from: file)
        let expected = Int(entry.uncompressedSize)
        let output: [UInt8]
        var crc: UInt32 = 0
        switch entry.method {
        case 0:
            guard compressed.count == expected else { throw damaged("stored size mismatch") }
            output = [UInt8](compressed)
            crc = output.withUnsafeBufferPointer { Zlib.crc32(0, $0) }
        case 8:
            var status: Int32 = Z_OK
            var produced = 0
            let buffer = [UInt8](unsafeUninitializedCapacity: expected + 1) { out, count in
                count = 0
                compressed.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
                    (status, produced) = inflateRaw(input, into: out, crc: &crc)
                }
                count = produced
            }
            switch status {
            case Z_STREAM_END:
                guard produced <= expected else {
                    throw .limitExceeded(file: path, limit: "declared size \(expected) bytes",
                                         reason: "\(entry.name) inflates to more than its zip header declares (a zip bomb?)")
                }
                guard produced == expected else { throw damaged("inflated to \(produced) of \(expected) bytes") }
            case Z_BUF_ERROR where produced > expected:
                throw .limitExceeded(file: path, limit: "declared size \(expected) bytes",
                                     reason: "\(entry.name) inflates to more than its zip header declares (a zip bomb?)")
            case Z_BUF_ERROR:
                throw damaged("the compressed data ends early")
            default:
                throw damaged("invalid compressed data (zlib status \(status))")
            }
            output = buffer
        default:
            throw damaged("unsupported compression method \(entry.method)")
        }
        guard crc == entry.crc32 else { throw damaged("checksum mismatch") }
        return output
    }

    /// Inflates a raw deflate stream. Returns the final zlib status and the number of bytes written;
    /// `crc` becomes the CRC-32 of the bytes written. The output is produced in pieces of
    /// `outputPiece` bytes and each piece's CRC taken at once, while it is still in the cache
    /// (a separate pass over a whole sheet afterwards read it back from memory).
    private static func inflateRaw(_ input: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>,
                                   crc: inout UInt32) -> (Int32, Int) {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return (Z_MEM_ERROR, 0)
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 30
        let outputPiece = 128 << 10
        var inPos = 0
        var outPos = 0
        var checked = 0
        guard let outBase = out.baseAddress else { return (Z_MEM_ERROR, 0) }
        let inBase = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: UInt8.self)) }
        while true {
            if stream.avail_in == 0, inPos < input.count, let inBase {
                let n = min(chunk, input.count - inPos)
                stream.next_in = inBase + inPos
                stream.avail_in = UInt32(n)
                inPos += n
            }
            if stream.avail_out == 0, outPos < out.count {
                let n = min(outputPiece, out.count - outPos)
                stream.next_out = outBase + outPos
                stream.avail_out = UInt32(n)
                outPos += n
            }
            let result = inflate(&stream, Z_NO_FLUSH)
            let written = outPos - Int(stream.avail_out)
            if written > checked {
                crc = Zlib.crc32(crc, UnsafeBufferPointer(start: outBase + checked, count: written - checked))
                checked = written
            }
            switch result {
            case Z_STREAM_END:
                return (Z_STREAM_END, written)
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: out of input or out of output space.
                if stream.avail_in == 0, inPos < input.count { continue }
                if stream.avail_out == 0, outPos < out.count { continue }
                return (Z_BUF_ERROR, stream.avail_out == 0 && outPos == out.count ? out.count : written)
            default:
                return (result, written)
            }
        }
    }
}
