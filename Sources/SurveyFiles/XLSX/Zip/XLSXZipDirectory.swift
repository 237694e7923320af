import Foundation

/// One file in the zip central directory.
struct XLSXZipEntry: Sendable, Equatable {
    var name: String
    var localHeaderOffset: UInt64
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var method: UInt16
    var flags: UInt16
    var crc32: UInt32
    /// MS-DOS modification time and date, as stored.
    var modificationTime: UInt16 = 0
    var modificationDate: UInt16 = 0
}

/// The central directory of a zip archive, parsed from its end records.
///
/// The reader locates and inflates entries itself (see `XLSXZipInflater`), with every size bounded
/// by the entry's own records: a general-purpose unzip library (ZIPFoundation 0.9.20) fed its
/// inflater without bounding the input and looped forever on a 150-byte crafted archive.
struct XLSXZipDirectory: Sendable {
    private(set) var entries: [XLSXZipEntry] = []
    private var index: [String: Int] = [:]
    private var lowercasedIndex: [String: Int] = [:]

    /// The entry with that exact name, or else the one whose name matches ignoring case (OPC part
    /// names are case-insensitive).
    func entry(named name: String) -> XLSXZipEntry? {
        if let i = index[name] { return entries[i] }
        if let i = lowercasedIndex[name.lowercased()] { return entries[i] }
        return nil
    }

    static func read(_ file: XLSXFile, limits: XLSXLimits) throws(FileError) -> XLSXZipDirectory {
        let path = file.path
        func damaged(_ reason: String) -> FileError {
            .notAWorkbook(file: path, reason: "the zip archive is damaged or truncated (\(reason))")
        }
        // End of central directory: 22 bytes + comment (≤ 65,535) at the very end of the file.
        let tailLength = Int(min(file.size, 22 + 65_535))
        let tail = try file.read(at: file.size - UInt64(tailLength), count: tailLength, what: "the end of the zip")
        let tailBytes = [UInt8](tail)
        var eocd = -1
        var i = tailBytes.count - 22
        while i >= 0 {
            if tailBytes[i] == 0x50, tailBytes[i + 1] == 0x4B, tailBytes[i + 2] == 0x05, tailBytes[i + 3] == 0x06 {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else {
            throw .notAWorkbook(file: path, reason: "the zip archive is truncated or damaged (no end-of-archive record; was the file cut short while copying or downloading?)")
        }
        let eocdOffset = file.size - UInt64(tailLength) + UInt64(eocd)
        var entryCount = UInt64(XLSXLittleEndian.le16(tailBytes, eocd + 10))
        var cdSize = UInt64(XLSXLittleEndian.le32(tailBytes, eocd + 12))
        var cdOffset = UInt64(XLSXLittleEndian.le32(tailBytes, eocd + 16))
        if entryCount == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            // ZIP64: a locator (20 bytes) right before the classic record points at the ZIP64 record.
            guard eocdOffset >= 20 else { throw damaged("ZIP64 locator missing") }
            let locator = [UInt8](try file.read(at: eocdOffset - 20, count: 20, what: "the ZIP64 locator"))
            guard XLSXLittleEndian.le32(locator, 0) == 0x0706_4B50 else { throw damaged("ZIP64 locator missing") }
            let recordOffset = XLSXLittleEndian.le64(locator, 8)
            let record = [UInt8](try file.read(at: recordOffset, count: 56, what: "the ZIP64 end record"))
            guard XLSXLittleEndian.le32(record, 0) == 0x0606_4B50 else { throw damaged("ZIP64 end record missing") }
            entryCount = XLSXLittleEndian.le64(record, 32)
            cdSize = XLSXLittleEndian.le64(record, 40)
            cdOffset = XLSXLittleEndian.le64(record, 48)
        }
        guard entryCount <= UInt64(limits.maxEntries) else {
            throw .limitExceeded(file: path, limit: "\(limits.maxEntries) zip entries",
                                 reason: "the zip archive declares \(entryCount) entries")
        }
        guard cdSize <= UInt64(entryCount) * (46 + 3 * 65_535), cdSize <= 256 << 20 else {
            throw damaged("implausible central directory size \(cdSize)")
        }
        guard cdOffset <= eocdOffset, cdSize <= eocdOffset - cdOffset else {
            throw damaged("the central directory lies outside the file")
        }
        let cd = [UInt8](try file.read(at: cdOffset, count: Int(cdSize), what: "the central directory"))
        var directory = XLSXZipDirectory()
        directory.entries.reserveCapacity(Int(entryCount))
        var p = 0
        var totalBytes: UInt64 = 0
        for _ in 0..<entryCount {
            guard p + 46 <= cd.count, XLSXLittleEndian.le32(cd, p) == 0x0201_4B50 else {
                throw damaged("bad central directory record")
            }
            let flags = XLSXLittleEndian.le16(cd, p + 8)
            let method = XLSXLittleEndian.le16(cd, p + 10)
            let modificationTime = XLSXLittleEndian.le16(cd, p + 12)
            let modificationDate = XLSXLittleEndian.le16(cd, p + 14)
            let crc = XLSXLittleEndian.le32(cd, p + 16)
            var compressed = UInt64(XLSXLittleEndian.le32(cd, p + 20))
            var uncompressed = UInt64(XLSXLittleEndian.le32(cd, p + 24))
            let nameLength = Int(XLSXLittleEndian.le16(cd, p + 28))
            let extraLength = Int(XLSXLittleEndian.le16(cd, p + 30))
            let commentLength = Int(XLSXLittleEndian.le16(cd, p + 32))
            var offset = UInt64(XLSXLittleEndian.le32(cd, p + 42))
            let nameStart = p + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= cd.count else { throw damaged("bad central directory record") }
            // ZIP64 extended information extra field (id 1): present values in a fixed order.
            var e = extraStart
            while e + 4 <= extraStart + extraLength {
                let id = XLSXLittleEndian.le16(cd, e)
                let size = Int(XLSXLittleEndian.le16(cd, e + 2))
                let body = e + 4
                guard body + size <= extraStart + extraLength else { break }
                if id == 1 {
                    var q = body
                    if uncompressed == 0xFFFF_FFFF, q + 8 <= body + size { uncompressed = XLSXLittleEndian.le64(cd, q); q += 8 }
                    if compressed == 0xFFFF_FFFF, q + 8 <= body + size { compressed = XLSXLittleEndian.le64(cd, q); q += 8 }
                    if offset == 0xFFFF_FFFF, q + 8 <= body + size { offset = XLSXLittleEndian.le64(cd, q); q += 8 }
                }
                e = body + size
            }
            let name = String(decoding: cd[nameStart..<extraStart], as: UTF8.self)
            guard offset < cdOffset, compressed <= cdOffset - offset else {
                throw damaged("entry \(name) lies outside the file")
            }
            totalBytes &+= uncompressed
            let entry = XLSXZipEntry(name: name, localHeaderOffset: offset, compressedSize: compressed,
                                     uncompressedSize: uncompressed, method: method, flags: flags, crc32: crc,
                                     modificationTime: modificationTime, modificationDate: modificationDate)
            if directory.index[name] == nil {
                directory.index[name] = directory.entries.count
                directory.lowercasedIndex[name.lowercased()] = directory.entries.count
            }
            directory.entries.append(entry)
            p = next
        }
        guard totalBytes <= UInt64(limits.maxTotalBytes) else {
            throw .limitExceeded(file: path, limit: "\(limits.maxTotalBytes) bytes uncompressed in all",
                                 reason: "the zip archive declares \(totalBytes) bytes of uncompressed content (a zip bomb?)")
        }
        return directory
    }
}

/// Little-endian integers from a byte array (zip structures).
enum XLSXLittleEndian {
    @inline(__always) static func le16(_ b: [UInt8], _ i: Int) -> UInt16 {
        UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    @inline(__always) static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    @inline(__always) static func le64(_ b: [UInt8], _ i: Int) -> UInt64 {
        UInt64(XLSXLittleEndian.le32(b, i)) | UInt64(XLSXLittleEndian.le32(b, i + 4)) << 32
    }
}
