import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyFiles
import SurveyModel
import SurveyReports

/// Robustness of inputs: broken files are reported by file and the good ones still read; every
/// input row is accounted for; hostile workbooks are refused with a clear error; inputs found by
/// fuzzing (Fuzz/) stay fixed.
@Suite("Safety: inputs")
struct SafetyInputTests {
    // MARK: - A folder mixing good and broken files

    @Test func validateReadsTheGoodFilesAndReportsEachBrokenOne() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let good = dir.appendingPathComponent("a-good.csv").path
        try fm.copyItem(atPath: try Fixtures.require(Fixtures.path("sace/carers-data.csv")), toPath: good)
        let legacy = dir.appendingPathComponent("b-legacy.xls").path
        try fm.copyItem(atPath: try Fixtures.require(Fixtures.path("xlsx/legacy.xls")), toPath: legacy)
        let encrypted = dir.appendingPathComponent("c-encrypted.xlsx").path
        try fm.copyItem(atPath: try Fixtures.require(Fixtures.path("xlsx/encrypted.xlsx")), toPath: encrypted)
        let truncated = dir.appendingPathComponent("d-truncated.xlsx").path
        let whole = try Data(contentsOf: URL(fileURLWithPath: try Fixtures.require(Fixtures.path("sace/carers-data.xlsx"))))
        try whole.prefix(whole.count * 2 / 3).write(to: URL(fileURLWithPath: truncated))
        let renamed = dir.appendingPathComponent("e-renamed-sheet.xlsx").path
        try fm.copyItem(atPath: try Fixtures.require(Fixtures.path("reference/ascs-data-return-2021-22-sheet-renamed.xlsx")), toPath: renamed)

        let loaded = Fixtures.toolkit.load([dir.path])
        #expect(loaded.files.map(\.path) == [good, legacy, encrypted, truncated, renamed])
        // The good file is read in full.
        let goodReport = try #require(loaded.files.first { $0.path == good })
        #expect(goodReport.error == nil && goodReport.summary.rowsRead == 60)
        #expect(loaded.table?.count == 60)
        #expect(loaded.summary.rowsRead == 60)
        #expect(loaded.unreadableFiles == 4)
        // Each broken file: one error naming it, with a message that says what to do.
        let expectations: [(String, [String])] = [
            (legacy, ["old binary Excel file (.xls)", "save it as an Excel Workbook (.xlsx)"]),
            (encrypted, ["password-protected", "remove the password", "save it as .xlsx"]),
            (truncated, ["truncated"]),
            (renamed, ["no sheet named \"Service User Data\"", "Did you mean", "Rename it to \"Service User Data\""]),
        ]
        for (path, phrases) in expectations {
            let report = try #require(loaded.files.first { $0.path == path })
            let message = try #require(report.error, "\(path) should be reported as unreadable")
            let diagnostics = loaded.diagnostics.filter { $0.file == path }
            #expect(diagnostics.count == 1, "\(path): \(diagnostics)")
            let d = try #require(diagnostics.first)
            #expect(d.severity == .error && d.rule == "unreadable-file" && d.message == message)
            for phrase in phrases { #expect(message.contains(phrase), "\(path): \"\(message)\" lacks \"\(phrase)\"") }
            #expect(report.summary.rowsRead == 0 && report.summary.errors == 1)
        }
        // What `validate` prints: every file, the broken ones with their error.
        let json = ValidationOutput.json(summary: loaded.summary, files: loaded.files, diagnostics: loaded.diagnostics, survey: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.count == 5)
        #expect(files.filter { !($0["error"] is NSNull) }.count == 4)
        let text = ValidationOutput.text(summary: loaded.summary, files: loaded.files, diagnostics: loaded.diagnostics)
        for path in [legacy, encrypted, truncated, renamed] { #expect(text.contains("✗ \(path)")) }
        #expect(text.contains("✓ \(good)"))
    }

    /// A renamed .xls and an encrypted workbook named .csv are recognised by content.
    @Test func contentNotExtensionDecides() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsAsCSV = dir.appendingPathComponent("old.csv").path
        try FileManager.default.copyItem(atPath: try Fixtures.require(Fixtures.path("xlsx/legacy.xls")), toPath: xlsAsCSV)
        let encryptedAsCSV = dir.appendingPathComponent("locked.csv").path
        try FileManager.default.copyItem(atPath: try Fixtures.require(Fixtures.path("xlsx/encrypted.xlsx")), toPath: encryptedAsCSV)
        let loaded = Fixtures.toolkit.load([xlsAsCSV, encryptedAsCSV])
        #expect(loaded.files[0].error?.contains("old binary Excel file (.xls)") == true)
        #expect(loaded.files[1].error?.contains("password-protected") == true)
    }

    // MARK: - Every row accounted for

    static func expectBalanced(_ s: ReadSummary, dataRows: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(s.rowsRead == s.respondents + s.nonRespondents + s.responseUnknown, "\(s)", sourceLocation: sourceLocation)
        #expect(s.rowsRead + s.templateRowsSkipped + s.blankRowsSkipped == dataRows, "\(s) for \(dataRows) data rows", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func csvWithBlankLinesAccountsForEveryRow(lineEnd: String) throws {
        let source = try String(contentsOfFile: Fixtures.require(Fixtures.path("sace/carers-data.csv")), encoding: .utf8)
        let lines = source.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0]
        let commas = String(repeating: ",", count: header.filter { $0 == "," }.count)
        var body: [String] = []
        for (i, line) in lines.dropFirst().enumerated() {
            body.append(line)
            if i % 7 == 0 { body.append("") }          // a blank line
            if i % 11 == 0 { body.append(commas) }     // a row of empty cells
        }
        body += ["", ""]                               // trailing blank lines
        let text = "\u{FEFF}" + ([header] + body).joined(separator: lineEnd) + lineEnd
        let path = Fixtures.temporaryDirectory().appendingPathComponent("blank-lines.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let dataRows = SafetyFixtures.recordCount(text) - 1
        #expect(dataRows == body.count)
        let loaded = Fixtures.toolkit.load([path])
        #expect(loaded.files[0].error == nil)
        Self.expectBalanced(loaded.summary, dataRows: dataRows)
        #expect(loaded.summary.rowsRead == 60)
        #expect(loaded.summary.blankRowsSkipped == body.count - 60)
        #expect(loaded.table?.count == 60)
        // The same bytes through the in-memory entry point give the same counts.
        let inMemory = ReturnLoader.loadCSV(bytes: Array(text.utf8), name: path, codebooks: Fixtures.toolkit.codebooks)
        #expect(inMemory.summary == loaded.summary)
    }

    @Test func conformanceCSVsAccountForEveryRow() throws {
        for set in ["ascs-2021-22-edge", "ascs-2021-22-twenty/before", "sace-2021-22-twenty"] {
            let path = try Fixtures.require(Fixtures.conformance(set + "/returns.csv"))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let loaded = Fixtures.toolkit.load([path])
            Self.expectBalanced(loaded.summary, dataRows: SafetyFixtures.recordCount(text) - 1)
            #expect(loaded.table?.count == loaded.summary.rowsRead)
        }
    }

    /// return-716.xlsx: 4,000 rows below the header (rows 2–4001 of "Service User Data"), every
    /// one a row read or a skipped template row.
    @Test func workbook716AccountsForEveryRow() throws {
        let path = try Fixtures.require(Fixtures.conformance("ascs-2021-22-twenty/before/return-716.xlsx"))
        struct RowCounter: CellSink {
            var rows = 0
            var last = 0
            mutating func beginRow(_ number: Int) { if number > 1 { rows += 1 }; last = number }
            mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {}
            mutating func endRow() {}
        }
        var counter = RowCounter()
        try XLSXWorkbook(path: path).readSheet("Service User Data", into: &counter)
        #expect(counter.rows == 4000 && counter.last == 4001)
        let loaded = Fixtures.toolkit.load([path])
        #expect(loaded.files[0].error == nil)
        Self.expectBalanced(loaded.summary, dataRows: counter.rows)
        #expect(loaded.summary.rowsRead > 0 && loaded.summary.templateRowsSkipped > 0)
        #expect(loaded.table?.count == loaded.summary.rowsRead)
    }

    /// The SACE fixture workbook's "Carers Data" sheet XML, edited, as a new workbook through the loader.
    static func editedCarersData(_ edit: (String) -> String) throws -> LoadedReturns {
        let source = try XLSXWorkbook(path: try Fixtures.require(Fixtures.path("sace/carers-data.xlsx")))
        let index = try #require(source.sheetNames.firstIndex(of: "Carers Data"))
        let part = try #require(source.sheetParts[index])
        let entry = try #require(source.directory.entry(named: part))
        let xml = String(decoding: try XLSXZipInflater.extract(entry, from: XLSXFile(path: source.path), limits: .default), as: UTF8.self)
        let bytes = SafetyZip.workbook([("Carers Data", edit(xml))])
        return Fixtures.toolkit.load([try SafetyZip.write(bytes, "carers-edited.xlsx", in: Fixtures.temporaryDirectory())])
    }

    /// A row numbered like the header row again (rows must be in ascending order in a workbook)
    /// re-ran the header matching and replaced the table: rows counted as read were lost. Rows
    /// that do not come in ascending order are refused, naming the sheet and row.
    @Test func rowsOutOfOrderAreRefusedNotLost() throws {
        let unchanged = try Self.editedCarersData { $0 }
        #expect(unchanged.files[0].error == nil && unchanged.summary.rowsRead == 60 && unchanged.table?.count == 60)
        let repeatedHeader = try Self.editedCarersData { xml in
            let header = String(xml[xml.range(of: "<row r=\"1\"")!.lowerBound ..< xml.range(of: "</row>")!.upperBound])
            let row3 = xml.range(of: "<row r=\"3\"")!.lowerBound
            let afterRow3 = xml.range(of: "</row>", range: row3 ..< xml.endIndex)!.upperBound
            var edited = xml
            edited.insert(contentsOf: header, at: afterRow3)
            return edited
        }
        let backwards = try Self.editedCarersData { xml in
            xml.replacingOccurrences(of: "<row r=\"10\"", with: "<row r=\"4\"")
        }
        for loaded in [repeatedHeader, backwards] {
            // Never rows counted but missing from the table.
            #expect(loaded.table?.count ?? 0 == loaded.summary.rowsRead)
            let message = try #require(loaded.files[0].error, "rows out of order were accepted")
            #expect(message.contains("sheet \"Carers Data\"") && message.contains("ascending"), "\(message)")
        }
    }

    // MARK: - Hostile workbooks through the whole loader

    static func loadError(_ bytes: [UInt8], _ name: String = "hostile.xlsx", options: LoadOptions = LoadOptions()) throws -> (path: String, message: String) {
        let dir = Fixtures.temporaryDirectory()
        let path = try SafetyZip.write(bytes, name, in: dir)
        let loaded = Fixtures.toolkit.load([path], options: options)
        let report = try #require(loaded.files.first)
        let message = try #require(report.error, "expected \(name) to be refused")
        #expect(loaded.diagnostics.count == 1 && loaded.diagnostics[0].file == path && loaded.diagnostics[0].rule == "unreadable-file")
        return (path, message)
    }

    @Test func zipBombAndAbsurdDimensionsAreRefusedThroughTheLoader() throws {
        // The data sheet declares 100 MB from a few bytes (ratio far above 1000:1): refused before inflating.
        let bomb = SafetyZip.workbook([("Carers Data", SafetyZip.sheet(""))], sheetDeclaredSize: 100 << 20)
        let (_, bombMessage) = try Self.loadError(bomb)
        #expect(bombMessage.contains("refused") && bombMessage.contains("zip bomb") && bombMessage.contains("compression ratio 1000:1"), "\(bombMessage)")
        // The whole archive declares more than 2 GiB.
        let total = SafetyZip.workbook([("Carers Data", SafetyZip.sheet(""))],
                                       extra: [SafetyZip.Entry("xl/media/a.bin", "x", declaredSize: 0xFFFF_0000),
                                               SafetyZip.Entry("xl/media/b.bin", "x", declaredSize: 0xFFFF_0000)])
        let (_, totalMessage) = try Self.loadError(total)
        #expect(totalMessage.contains("refused") && totalMessage.contains("zip bomb") && totalMessage.contains("bytes uncompressed in all"), "\(totalMessage)")
        // One entry above the per-entry limit.
        var options = LoadOptions()
        options.limits.maxEntryBytes = 1 << 20
        let big = SafetyZip.workbook([("Carers Data", SafetyZip.sheet(""))], sheetDeclaredSize: 2 << 20)
        let (_, entryMessage) = try Self.loadError(big, options: options)
        #expect(entryMessage.contains("refused") && entryMessage.contains("1048576 bytes per zip entry"), "\(entryMessage)")
        // A data sheet with the official name and an absurd dimension, through the loader.
        let huge = SafetyZip.workbook([("Carers Data", SafetyZip.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>LaCode</t></is></c></row>",
                                                                       dimension: "A1:XFE2000000"))])
        let (path, message) = try Self.loadError(huge)
        #expect(message.contains("refused") && message.contains("1,048,576") && message.contains("Carers Data"), "\(message)")
        #expect(!message.hasPrefix(path))  // the diagnostic's file field names it; the message does not repeat it
    }

    @Test func tooManyZipEntriesAreRefused() throws {
        let zip = SafetyZip.build([SafetyZip.Entry("xl/workbook.xml", "<workbook/>")], declaredEntries: 30_000)
        let (_, message) = try Self.loadError(zip)
        #expect(message.contains("refused") && message.contains("20000 zip entries"), "\(message)")
        // A configurable limit.
        let four = SafetyZip.workbook([("Data", SafetyZip.sheet(""))])
        var options = LoadOptions()
        options.limits.maxEntries = 3
        let (_, small) = try Self.loadError(four, options: options)
        #expect(small.contains("3 zip entries"), "\(small)")
    }

    @Test(arguments: ["<!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\">]>", "<!ENTITY lol \"lol\">"])
    func entityDeclarationsInWorkbookPartsAreRefused(declaration: String) throws {
        let wb = "<?xml version=\"1.0\"?>\(declaration)<workbook xmlns=\"\(SafetyZip.mainNS)\" xmlns:r=\"\(SafetyZip.relNS)\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        let (_, message) = try Self.loadError(SafetyZip.workbook([("Data", SafetyZip.sheet(""))], workbookXML: wb))
        #expect(message.contains("refused") && message.contains("xl/workbook.xml") && message.contains("entity declarations are never processed"), "\(message)")
        let rels = "<?xml version=\"1.0\"?>\(declaration)<Relationships/>"
        let (_, relsMessage) = try Self.loadError(SafetyZip.workbook([("Data", SafetyZip.sheet(""))], relsXML: rels))
        #expect(relsMessage.contains("refused") && relsMessage.contains("workbook.xml.rels"), "\(relsMessage)")
    }

    /// A declaration after the sheet data (where a streaming reader might stop looking) is refused too.
    @Test func entityDeclarationAfterTheSheetDataIsRefused() throws {
        let bytes = SafetyZip.workbook([("Data", SafetyZip.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", after: "<!ENTITY x \"y\">"))])
        let path = try SafetyZip.write(bytes, "after.xlsx", in: Fixtures.temporaryDirectory())
        let error = XLSXFixtures.error {
            var sink = XLSXRecordingSink()
            try XLSXWorkbook(path: path).readSheet("Data", into: &sink)
        }
        guard case .limitExceeded(let file, _, let reason)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(file == path && reason.contains("<!ENTITY"))
    }

    /// Undeclared entity references (the "billion laughs" shape without its declarations) stay
    /// literal text: nothing is ever expanded.
    @Test func entityReferencesAreNeverExpanded() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;&amp;&#x41;</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>"
        let sst = "<sst xmlns=\"\(SafetyZip.mainNS)\"><si><t>&lol1;</t></si></sst>"
        let bytes = SafetyZip.workbook([("Data", SafetyZip.sheet(rows))], sharedStrings: sst)
        let path = try SafetyZip.write(bytes, "laughs.xlsx", in: Fixtures.temporaryDirectory())
        var sink = XLSXRecordingSink()
        try XLSXWorkbook(path: path).readSheet("Data", into: &sink)
        #expect(sink.byReference == ["A1": "&lol9;&A", "B1": "&lol1;"])
    }

    @Test func absurdReferencesAreRefusedNotTrusted() throws {
        let cases: [(String, (FileError) -> Bool)] = [
            ("<row r=\"99999999999999999999\"><c><v>1</v></c></row>", { if case .malformed = $0 { return true } else { return false } }),
            ("<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row>", { if case .limitExceeded = $0 { return true } else { return false } }),
            ("<row r=\"1\"><c r=\"A99999999999999999999\"><v>1</v></c></row>", { if case .limitExceeded = $0 { return true } else { return false } }),
            ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99999999999999999999</v></c></row>", { if case .malformed = $0 { return true } else { return false } }),
            ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>", { if case .malformed = $0 { return true } else { return false } }),
        ]
        for (rows, expected) in cases {
            let bytes = SafetyZip.workbook([("Data", SafetyZip.sheet(rows))])
            let path = try SafetyZip.write(bytes, "absurd.xlsx", in: Fixtures.temporaryDirectory())
            let error = XLSXFixtures.error {
                var sink = XLSXRecordingSink()
                try XLSXWorkbook(path: path).readSheet("Data", into: &sink)
            }
            let got = try #require(error, "\(rows) was accepted")
            #expect(expected(got), "\(rows): \(got)")
            #expect(got.description.hasPrefix(path))
        }
        // A smaller configured column limit.
        let wide = SafetyZip.workbook([("Data", SafetyZip.sheet("<row r=\"1\"><c r=\"K1\"><v>1</v></c></row>"))])
        let path = try SafetyZip.write(wide, "wide.xlsx", in: Fixtures.temporaryDirectory())
        let error = XLSXFixtures.error {
            var sink = XLSXRecordingSink()
            try XLSXWorkbook(path: path, limits: XLSXLimits(maxColumns: 10)).readSheet("Data", into: &sink)
        }
        guard case .limitExceeded(_, let limit, _)? = error else { Issue.record("expected the column limit, got \(String(describing: error))"); return }
        #expect(limit == "10 columns")
    }

    /// A zip entry flagged as encrypted (traditional PKWARE encryption) is a password-protected workbook.
    @Test func encryptedZipEntryIsAPasswordProtectedWorkbook() throws {
        let bytes = SafetyZip.workbook([("Carers Data", SafetyZip.sheet(""))], sheetFlags: 1)
        let (_, message) = try Self.loadError(bytes)
        #expect(message.contains("password-protected"), "\(message)")
    }
}
