import Foundation

/// An `.xlsx` workbook opened for reading: sheet list and shared strings parsed at `init`, sheets
/// streamed on demand by a byte-level scanner into a `CellSink`.
///
/// Safe on hostile input: every problem is a `FileError` naming the file (encrypted and legacy
/// `.xls` files are recognised; zip bombs, entity declarations and absurd dimensions are refused
/// under `XLSXLimits`). The value is immutable and `Sendable`; each `readSheet` re-opens the file.
public struct XLSXWorkbook: Sendable {
    /// A sheet as listed in `xl/workbook.xml`.
    public struct Sheet: Sendable, Equatable {
        public let name: String
        /// `visible`, `hidden` or `veryHidden`.
        public let state: String
        public var isVisible: Bool { state == "visible" }
    }

    public let path: String
    public let limits: XLSXLimits
    /// All sheets in workbook order, hidden ones included.
    public let sheets: [Sheet]
    /// Zip part of each sheet (nil when the workbook's relationships do not name one).
    let sheetParts: [String?]
    let directory: XLSXZipDirectory
    let sharedStrings: XLSXSharedStrings
    /// The file's bytes when it was small enough to read at once (`XLSXFile.wholeFileLimit`).
    let contents: Data?

    /// Sheet names in workbook order, hidden sheets included.
    public var sheetNames: [String] { sheets.map(\.name) }

    public init(path: String, limits: XLSXLimits = .default) throws(FileError) {
        self.path = path
        self.limits = limits
        let file = try XLSXFile(path: path)
        contents = file.contents
        try XLSXSniffer.check(file)
        directory = try XLSXZipDirectory.read(file, limits: limits)
        guard let workbookEntry = directory.entry(named: "xl/workbook.xml") else {
            if directory.entry(named: "xl/workbook.bin") != nil {
                throw .notAWorkbook(file: path, reason: "an Excel binary workbook (.xlsb); save it as an Excel Workbook (.xlsx)")
            }
            throw .notAWorkbook(file: path, reason: "a zip archive but not an Excel workbook (no xl/workbook.xml)")
        }
        let records = try Self.parsePart(workbookEntry, file, path, limits) { xml throws(XLSXXMLError) in
            try XLSXWorkbookParts.sheets(xml)
        }
        var relationships: [String: XLSXWorkbookParts.Relationship] = [:]
        if let relsEntry = directory.entry(named: "xl/_rels/workbook.xml.rels") {
            relationships = try Self.parsePart(relsEntry, file, path, limits) { xml throws(XLSXXMLError) in
                try XLSXWorkbookParts.relationships(xml)
            }
        }
        sheets = records.map { Sheet(name: $0.name, state: $0.state) }
        sheetParts = records.map { record in
            guard let rel = relationships[record.relationshipID], !rel.external else { return nil }
            return XLSXWorkbookParts.resolve(rel.target)
        }
        let stringsPart = relationships.values.first { $0.type.hasSuffix("/sharedStrings") && !$0.external }
            .map { XLSXWorkbookParts.resolve($0.target) } ?? "xl/sharedStrings.xml"
        if let stringsEntry = directory.entry(named: stringsPart) {
            sharedStrings = try Self.parsePart(stringsEntry, file, path, limits) { xml throws(XLSXXMLError) in
                try XLSXSharedStrings.parse(xml)
            }
        } else {
            sharedStrings = XLSXSharedStrings()
        }
    }

    /// Streams the sheet named exactly `name` into `sink`: `beginRow`/`cell`…/`endRow` for every
    /// row of the sheet, in file order, stopping after row `upToRow`.
    /// Cells with an empty value (no `<v>`, `<v/>`, empty string) and error values are not delivered.
    public func readSheet<S: CellSink>(_ name: String, upToRow: Int = Int.max, into sink: inout S) throws(FileError) {
        let (index, entry) = try sheetEntry(name)
        _ = index
        let file: XLSXFile
        if let contents {
            file = XLSXFile(path: path, contents: contents)
        } else {
            file = try XLSXFile(path: path)
        }
        let xml = try XLSXZipInflater.extract(entry, from: file, limits: limits)
        var scanner = XLSXSheetScanner(path: path, sheet: name, limits: limits)
        scanner.lastRow = upToRow
        try xml.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(FileError) in
            try scanner.scan(buffer, strings: sharedStrings, into: &sink)
        }
    }

    /// The text of a few cells (`"E2"`, `"$B$3"`, case-insensitive) of a sheet; cells that are
    /// empty or absent are missing from the result. Keys are the references as given.
    public func cellValues(sheet: String, refs: Set<String>) throws(FileError) -> [String: String] {
        var sink = XLSXPickSink()
        for ref in refs {
            guard let (row, column) = XLSXCellRef.parse(ref) else { continue }
            sink.wanted[XLSXPickSink.key(row, column), default: []].append(ref)
            sink.lastRow = max(sink.lastRow, row)
        }
        guard !sink.wanted.isEmpty else {
            _ = try sheetEntry(sheet)
            return [:]
        }
        try readSheet(sheet, upToRow: sink.lastRow, into: &sink)
        return sink.found
    }

    /// Every non-empty cell of a (small) sheet: row number (1-based) → column (0-based) → text.
    public func readGrid(sheet: String) throws(FileError) -> [Int: [Int: String]] {
        var sink = XLSXGridSink()
        try readSheet(sheet, into: &sink)
        return sink.grid
    }

    /// The decoded shared string at `index` (for diagnostics and tests).
    public func sharedString(_ index: Int) -> String? { sharedStrings.string(index) }

    /// Number of entries in the shared-string table.
    public var sharedStringCount: Int { sharedStrings.count }

    private func sheetEntry(_ name: String) throws(FileError) -> (Int, XLSXZipEntry) {
        guard let index = sheets.firstIndex(where: { $0.name == name }) else {
            throw .sheetNotFound(file: path, expected: name, found: sheetNames,
                                 suggestion: XLSXSheetSuggestion.nearest(to: name, in: sheetNames))
        }
        guard let part = sheetParts[index] else {
            throw .malformed(file: path, sheet: name, row: nil, column: nil,
                             reason: "the workbook lists this sheet but its relationships do not say where its data is")
        }
        guard let entry = directory.entry(named: part) else {
            throw .malformed(file: path, sheet: name, row: nil, column: nil,
                             reason: "the sheet's data (\(part)) is missing from the workbook")
        }
        try XLSXZipInflater.checkLimits(entry, path: path, limits: limits)
        return (index, entry)
    }

    private static func parsePart<T>(
        _ entry: XLSXZipEntry, _ file: XLSXFile, _ path: String, _ limits: XLSXLimits,
        _ parse: (UnsafeBufferPointer<UInt8>) throws(XLSXXMLError) -> T
    ) throws(FileError) -> T {
        let bytes = try XLSXZipInflater.extract(entry, from: file, limits: limits)
        do throws(XLSXXMLError) {
            return try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(XLSXXMLError) in
                try parse(buffer)
            }
        } catch {
            switch error {
            case .declaration(let what):
                throw .limitExceeded(file: path, limit: "no DTD or entity declarations",
                                     reason: "\(entry.name) contains \(what) (XML entity declarations are never processed)")
            case .malformed(let reason):
                throw .malformed(file: path, sheet: nil, row: nil, column: nil, reason: "\(entry.name): \(reason)")
            case .limit(let limit, let reason):
                throw .limitExceeded(file: path, limit: limit, reason: "\(entry.name): \(reason)")
            }
        }
    }
}
