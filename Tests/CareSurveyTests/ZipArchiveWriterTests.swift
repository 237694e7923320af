import Foundation
import Testing
@testable import SurveyFiles

@Suite("Zip writer")
struct ZipArchiveWriterTests {
    func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("deflated, stored, empty and large entries read back exactly")
    func roundTrip() throws {
        var big: [UInt8] = []
        var state: UInt32 = 12345
        for i in 0..<700_000 {
            state = state &* 1_103_515_245 &+ 12345
            big.append(i % 3 == 0 ? UInt8(truncatingIfNeeded: state >> 16) : UInt8(ascii: "a") + UInt8(i % 7))
        }
        let parts: [(String, [UInt8], Bool)] = [
            ("a.txt", Array("hello".utf8), true), ("empty.txt", [], true), ("stored.bin", [0, 1, 2, 255], false),
            ("dir/big.bin", big, true), ("naïve/ü.xml", Array("<x/>".utf8), true),
        ]
        var archive = ZipArchiveWriter()
        for (name, bytes, compress) in parts { try archive.add(name, bytes, compress: compress) }
        let path = try write(try archive.finish())
        let file = try XLSXFile(path: path)
        let directory = try XLSXZipDirectory.read(file, limits: .default)
        try #require(directory.entries.count == parts.count)
        for ((name, bytes, compress), entry) in zip(parts, directory.entries) {
            #expect(entry.name == name)
            #expect(entry.method == (compress ? 8 : 0))
            #expect(try XLSXZipInflater.extract(entry, from: file, limits: .default) == bytes)
        }
    }

    @Test("an entry copied raw keeps its compressed bytes, CRC and timestamp")
    func rawCopy() throws {
        let source = XLSXFixtures.return716
        let file = try XLSXFile(path: source)
        let directory = try XLSXZipDirectory.read(file, limits: .default)
        try #require(directory.entries.count > 5)
        var archive = ZipArchiveWriter()
        for entry in directory.entries {
            try archive.addRaw(entry.name, compressed: try XLSXZipInflater.rawData(entry, from: file), method: entry.method,
                           flags: entry.flags, crc: entry.crc32, uncompressedSize: entry.uncompressedSize,
                           time: entry.modificationTime, date: entry.modificationDate)
        }
        let copy = try XLSXFile(path: try write(try archive.finish()))
        let copied = try XLSXZipDirectory.read(copy, limits: .default)
        try #require(copied.entries.count == directory.entries.count)
        for (a, b) in zip(directory.entries, copied.entries) {
            #expect(a.name == b.name)
            #expect(a.crc32 == b.crc32)
            #expect(a.method == b.method)
            #expect(a.modificationTime == b.modificationTime)
            #expect(a.modificationDate == b.modificationDate)
            let rawA = try XLSXZipInflater.rawData(a, from: file)
            let rawB = try XLSXZipInflater.rawData(b, from: copy)
            #expect(rawA == rawB)
            let contentA = try XLSXZipInflater.extract(a, from: file, limits: .default)
            let contentB = try XLSXZipInflater.extract(b, from: copy, limits: .default)
            #expect(contentA == contentB)
        }
    }

    @Test("duplicate names and misuse are refused")
    func misuse() throws {
        var archive = ZipArchiveWriter()
        try archive.add("a", [1])
        #expect(throws: ZipArchiveWriter.Failure.duplicateName("a")) { try archive.add("a", [2]) }
        try archive.begin("b")
        #expect(throws: ZipArchiveWriter.Failure.self) { try archive.finish() }
        try archive.end()
        #expect(throws: ZipArchiveWriter.Failure.self) { try archive.end() }
        _ = try archive.finish()
    }
}
