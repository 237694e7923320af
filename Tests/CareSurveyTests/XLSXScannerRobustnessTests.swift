import Foundation
import Testing
@testable import SurveyFiles

@Suite("XLSX reader: scanner robustness")
struct XLSXScannerRobustnessTests {
    /// Random markup characters inserted into a sheet's XML and its shared strings: every result is
    /// a scan or a FileError / XML error, never a crash or a hang.
    @Test func randomMarkupDamage() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixtures.xlsx("types.xlsx"))
        let file = try XLSXFile(path: workbook.path)
        let sheetXML = try XLSXZipInflater.extract(try #require(workbook.directory.entry(named: "xl/worksheets/sheet1.xml")), from: file, limits: .default)
        let sstXML = try XLSXZipInflater.extract(try #require(workbook.directory.entry(named: "xl/sharedStrings.xml")), from: file, limits: .default)
        let scanner = XLSXSheetScanner(path: workbook.path, sheet: "Data", limits: .default)
        let alphabet = Array("<>/=\"' &;#x!?[]-:abcrtv0129\n".utf8)
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var scanned = 0
        for round in 0..<2_000 {
            var xml = round.isMultiple(of: 2) ? sheetXML : sstXML
            for _ in 0..<(1 + next() % 3) {
                let at = next() % xml.count
                let byte = alphabet[next() % alphabet.count]
                if next().isMultiple(of: 2) { xml[at] = byte } else { xml.insert(byte, at: at) }
            }
            if round.isMultiple(of: 2) {
                var sink = XLSXRecordingSink()
                if XLSXFixtures.error({
                    try xml.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(FileError) in
                        try scanner.scan(buffer, strings: workbook.sharedStrings, into: &sink)
                    }
                }) == nil {
                    scanned += 1
                }
            } else {
                _ = try? xml.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(XLSXXMLError) in
                    try XLSXSharedStrings.parse(buffer)
                }
            }
        }
        #expect(scanned > 0)
    }
}
