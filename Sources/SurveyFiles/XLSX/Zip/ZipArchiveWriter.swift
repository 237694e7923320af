import Foundation

/// Builds a zip archive in memory, entry by entry: deflated (streamed through zlib as the caller
/// appends bytes), stored, or copied raw from another archive (same compressed bytes, method,
/// CRC-32 and timestamp, so a part not touched stays byte-identical).
///
/// ```swift
/// var zip = ZipArchiveWriter()
/// try zip.add("a.txt", Array("hello".utf8))
/// try zip.begin("b.xml"); try zip.append(bytes); try zip.end()
/// let archive = try zip.finish()
/// ```
///
/// Classic zip only (no ZIP64): at most 65,535 entries and 4 GiB per entry and in all, checked.
/// Output is deterministic: entries carry a fixed timestamp unless copied.
struct ZipArchiveWriter {
    enum Failure: Error, CustomStringConvertible, Equatable {
        case duplicateName(String)
        case tooLarge(String)
        case zlib(String)
        case misuse(String)

        var description: String {
            switch self {
            case let .duplicateName(name): return "two zip entries are named \(name)"
            case let .tooLarge(reason): return "too large for a zip archive without ZIP64: \(reason)"
            case let .zlib(reason): return "zlib: \(reason)"
            case let .misuse(reason): return reason
            }
        }
    }

    /// 2022-01-01 00:00 in MS-DOS form.
    static let fixedDate: UInt16 = (2022 - 1980) << 9 | 1 << 5 | 1
    static let fixedTime: UInt16 = 0

    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var entryCount = 0
    private var names: Set<String> = []
    private var open: OpenEntry?
    /// Bytes waiting to be deflated (appending in small pieces costs a zlib call each otherwise).
    private var pending: [UInt8] = []
    private let level: Int32

    private struct OpenEntry {
        var name: String
        var headerOffset: Int
        var deflater: Zlib.Deflater
        var crc: UInt32 = 0
        var size: UInt64 = 0
    }

    /// `level`: zlib's 1 (fastest) … 9 (smallest); 6 is zlib's default.
    init(level: Int32 = 6) {
        self.level = level
        bytes.reserveCapacity(1 << 16)
    }

    /// Adds a whole entry, deflated (or stored when `compress` is false).
    mutating func add(_ name: String, _ data: [UInt8], compress: Bool = true) throws(Failure) {
        if compress {
            try begin(name)
            try append(data)
            try end()
            return
        }
        try checkName(name)
        let crc = data.withUnsafeBufferPointer { Zlib.crc32(0, $0) }
        try record(Record(name: name, method: 0, flags: 0, time: Self.fixedTime, date: Self.fixedDate, crc: crc,
                          compressedSize: UInt64(data.count), uncompressedSize: UInt64(data.count)), data: data)
    }

    /// Copies an entry's compressed bytes unchanged: `crc`, `uncompressedSize`, `method` and the
    /// timestamp must be those recorded for `compressed` in the source archive.
    mutating func addRaw(_ name: String, compressed: Data, method: UInt16, flags: UInt16, crc: UInt32,
                         uncompressedSize: UInt64, time: UInt16, date: UInt16) throws(Failure) {
        try checkName(name)
        // Bit 3 (sizes in a trailing data descriptor) does not apply: the sizes go in the header.
        // Bits 1–2 (deflate options) and 11 (UTF-8 name) describe the entry and are kept.
        try record(Record(name: name, method: method, flags: flags & 0b0000_1000_0000_0110, time: time, date: date,
                          crc: crc, compressedSize: UInt64(compressed.count), uncompressedSize: uncompressedSize),
                   data: [UInt8](compressed))
    }

    /// Starts a deflated entry; its content is given by `append` and completed by `end`.
    mutating func begin(_ name: String) throws(Failure) {
        try checkName(name)
        guard open == nil else { throw .misuse("zip entry \(open!.name) is still open") }
        let offset = bytes.count
        // Placeholder local header; sizes and CRC are patched in by `end`.
        appendLocalHeader(Record(name: name, method: 8, flags: 0, time: Self.fixedTime, date: Self.fixedDate,
                                 crc: 0, compressedSize: 0, uncompressedSize: 0))
        open = OpenEntry(name: name, headerOffset: offset, deflater: try Zlib.Deflater(level: level))
    }

    /// Appends content to the open entry.
    mutating func append<C: Collection>(_ data: C) throws(Failure) where C.Element == UInt8 {
        pending.append(contentsOf: data)
        if pending.count >= 1 << 18 { try flush(finish: false) }
    }

    mutating func end() throws(Failure) {
        try flush(finish: true)
        guard let entry = open else { throw .misuse("no zip entry is open") }
        open = nil
        let dataStart = entry.headerOffset + 30 + entry.name.utf8.count
        let compressed = UInt64(bytes.count - dataStart)
        let record = Record(name: entry.name, method: 8, flags: 0, time: Self.fixedTime, date: Self.fixedDate,
                            crc: entry.crc, compressedSize: compressed, uncompressedSize: entry.size)
        try checkSizes(record)
        patch32(entry.headerOffset + 14, entry.crc)
        patch32(entry.headerOffset + 18, UInt32(compressed))
        patch32(entry.headerOffset + 22, UInt32(entry.size))
        appendCentral(record, offset: entry.headerOffset)
    }

    /// The archive: entries, central directory and end record.
    mutating func finish() throws(Failure) -> [UInt8] {
        guard open == nil else { throw .misuse("zip entry \(open!.name) is still open") }
        guard entryCount <= 0xFFFF else { throw .tooLarge("\(entryCount) entries") }
        let cdOffset = bytes.count
        guard UInt64(cdOffset) + UInt64(central.count) < 0xFFFF_FFFF else { throw .tooLarge("\(cdOffset) bytes") }
        var out = bytes
        out.append(contentsOf: central)
        Self.le32(0x0605_4B50, &out)
        Self.le16(0, &out)  // this disk
        Self.le16(0, &out)  // disk with the central directory
        Self.le16(UInt16(entryCount), &out)
        Self.le16(UInt16(entryCount), &out)
        Self.le32(UInt32(central.count), &out)
        Self.le32(UInt32(cdOffset), &out)
        Self.le16(0, &out)  // comment length
        return out
    }

    // MARK: - Records

    private struct Record {
        var name: String
        var method: UInt16
        var flags: UInt16
        var time: UInt16
        var date: UInt16
        var crc: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
    }

    private mutating func flush(finish: Bool) throws(Failure) {
        guard var entry = open else { throw .misuse("no zip entry is open") }
        let deflater = entry.deflater
        try pending.withUnsafeBufferPointer { (input: UnsafeBufferPointer<UInt8>) throws(Failure) in
            entry.crc = Zlib.crc32(entry.crc, input)
            try deflater.deflate(input, finish: finish, into: &bytes)
        }
        entry.size += UInt64(pending.count)
        pending.removeAll(keepingCapacity: true)
        open = entry
    }

    private mutating func checkName(_ name: String) throws(Failure) {
        guard !name.isEmpty, name.utf8.count <= 0xFFFF else { throw .misuse("zip entry name \"\(name)\" is empty or too long") }
        guard names.insert(name).inserted else { throw .duplicateName(name) }
    }

    private func checkSizes(_ record: Record) throws(Failure) {
        guard record.compressedSize < 0xFFFF_FFFF, record.uncompressedSize < 0xFFFF_FFFF, bytes.count < 0xFFFF_FFFF else {
            throw .tooLarge("\(record.name) holds \(record.uncompressedSize) bytes")
        }
    }

    private mutating func record(_ record: Record, data: [UInt8]) throws(Failure) {
        try checkSizes(record)
        let offset = bytes.count
        appendLocalHeader(record)
        bytes.append(contentsOf: data)
        appendCentral(record, offset: offset)
    }

    private static func utf8Flag(_ name: String) -> UInt16 {
        name.utf8.contains { $0 >= 0x80 } ? 1 << 11 : 0
    }

    private mutating func appendLocalHeader(_ record: Record) {
        Self.le32(0x0403_4B50, &bytes)
        Self.le16(20, &bytes)  // version needed: 2.0 (deflate)
        Self.le16(record.flags | Self.utf8Flag(record.name), &bytes)
        Self.le16(record.method, &bytes)
        Self.le16(record.time, &bytes)
        Self.le16(record.date, &bytes)
        Self.le32(record.crc, &bytes)
        Self.le32(UInt32(record.compressedSize), &bytes)
        Self.le32(UInt32(record.uncompressedSize), &bytes)
        Self.le16(UInt16(record.name.utf8.count), &bytes)
        Self.le16(0, &bytes)  // extra field length
        bytes.append(contentsOf: record.name.utf8)
    }

    private mutating func appendCentral(_ record: Record, offset: Int) {
        Self.le32(0x0201_4B50, &central)
        Self.le16(3 << 8 | 20, &central)  // made by: Unix, zip 2.0
        Self.le16(20, &central)
        Self.le16(record.flags | Self.utf8Flag(record.name), &central)
        Self.le16(record.method, &central)
        Self.le16(record.time, &central)
        Self.le16(record.date, &central)
        Self.le32(record.crc, &central)
        Self.le32(UInt32(record.compressedSize), &central)
        Self.le32(UInt32(record.uncompressedSize), &central)
        Self.le16(UInt16(record.name.utf8.count), &central)
        Self.le16(0, &central)  // extra
        Self.le16(0, &central)  // comment
        Self.le16(0, &central)  // disk
        Self.le16(0, &central)  // internal attributes
        Self.le32(0o100644 << 16, &central)  // external attributes: a regular file, rw-r--r--
        Self.le32(UInt32(offset), &central)
        central.append(contentsOf: record.name.utf8)
        entryCount += 1
    }

    private mutating func patch32(_ at: Int, _ value: UInt32) {
        for i in 0..<4 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }

    private static func le16(_ value: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private static func le32(_ value: UInt32, _ out: inout [UInt8]) {
        for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(i)))) }
    }
}
