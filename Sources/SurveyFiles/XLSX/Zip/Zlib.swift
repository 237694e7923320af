import CZlib

/// The two zlib services the zip code needs besides inflate: CRC-32 and a streaming raw deflater.
enum Zlib {
    /// CRC-32 (the zip checksum) of `bytes`, continuing from `crc` (0 to start).
    static func crc32(_ crc: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var value = uLong(crc)
        var p = 0
        while p < bytes.count, let base = bytes.baseAddress {
            let n = min(1 << 30, bytes.count - p)
            value = CZlib.crc32(value, base + p, uInt(n))
            p += n
        }
        return UInt32(truncatingIfNeeded: value)
    }

    /// A raw deflate stream (no zlib header, as zip stores it) appending its output to a byte array.
    /// The stream state lives on the heap because zlib keeps a pointer to it.
    final class Deflater {
        private let stream: UnsafeMutablePointer<z_stream>
        private var scratch = [UInt8](repeating: 0, count: 1 << 16)

        init(level: Int32) throws(ZipArchiveWriter.Failure) {
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else {
                stream.deallocate()
                throw .zlib("deflateInit2 failed (status \(status))")
            }
        }

        deinit {
            deflateEnd(stream)
            stream.deallocate()
        }

        /// Compresses `input` (finishing the stream when `finish`), appending to `out`.
        func deflate(_ input: UnsafeBufferPointer<UInt8>, finish: Bool, into out: inout [UInt8]) throws(ZipArchiveWriter.Failure) {
            var p = 0
            repeat {
                let n = min(1 << 30, input.count - p)
                stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0 + p) }
                stream.pointee.avail_in = uInt(n)
                p += n
                let flush = finish && p == input.count ? Z_FINISH : Z_NO_FLUSH
                var status: Int32 = Z_OK
                repeat {
                    let produced: Int = scratch.withUnsafeMutableBufferPointer { buffer in
                        stream.pointee.next_out = buffer.baseAddress
                        stream.pointee.avail_out = uInt(buffer.count)
                        status = CZlib.deflate(stream, flush)
                        return buffer.count - Int(stream.pointee.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw .zlib("deflate failed (status \(status))")
                    }
                    out.append(contentsOf: scratch[0..<produced])
                    if status == Z_BUF_ERROR && produced == 0 { break }
                } while stream.pointee.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END)
            } while p < input.count
        }
    }
}
