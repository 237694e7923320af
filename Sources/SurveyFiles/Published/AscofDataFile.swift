import Foundation
import SurveyModel

/// Reads the published ASCOF data file (benchmarking.md §2.1): a long CSV, one row per area ×
/// measure × breakdown × measure type. Columns are found by header text, in either vintage (2024-25:
/// `Geographical code`, `Geographical description`, `Geographical level`, `ONS code`,
/// `ASCOF measure code`, `Disaggregation level`, `Measure type`, `Measure value`; older releases
/// add `Measure Group` and join the breakdown to the measure code). Codes are read in the
/// numbering of the file's year (the catalogue's frameworks); units come from the measure's
/// definition: a percentage measure's outcome and margin of error are divided by 100, whatever
/// their size. Markers become typed missing values. Every row not used has a diagnostic.
public struct AscofDataFile: Sendable {
    public var catalogue: MeasureCatalogue
    public var councils: Councils

    public init(catalogue: MeasureCatalogue, councils: Councils) {
        self.catalogue = catalogue
        self.councils = councils
    }

    enum Column: String, CaseIterable {
        case geoCode = "Geographical code", geoName = "Geographical description", level = "Geographical level"
        case ons = "ONS code", code = "ASCOF measure code", group = "Measure group", breakdown = "Disaggregation level"
        case type = "Measure type", value = "Measure value", year = "Year"

        /// Header texts (letters and digits only, lower case) that mean this column.
        var keys: [String] {
            switch self {
            case .geoCode: return ["geographicalcode", "geographycode", "areacode", "cassrcode"]
            case .geoName: return ["geographicaldescription", "geographydescription", "areaname", "geographicalname"]
            case .level: return ["geographicallevel", "geographylevel", "level"]
            case .ons: return ["onscode", "onsareacode"]
            case .code: return ["ascofmeasurecode", "measurecode"]
            case .group: return ["measuregroup"]
            case .breakdown: return ["disaggregationlevel", "disaggregation", "breakdown"]
            case .type: return ["measuretype"]
            case .value: return ["measurevalue", "value"]
            case .year: return ["year", "financialyear", "reportingyear", "reportingperiod", "surveyyear", "period"]
            }
        }

        /// The column's place in a row's slots (`FigureBuilder.Cells`).
        var slot: Int { Self.allCases.firstIndex(of: self)! }
    }

    static func headerKey(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }

    /// Reads several files (several years). `year` is used for a file whose year is neither in a
    /// column nor in its name. Throws for a file that cannot be read or interpreted at all
    /// (missing columns, year unknown); problems in rows are diagnostics.
    public func read(paths: [String], year: String? = nil) throws(FileError) -> PublishedFigures {
        var all = PublishedFigures()
        for result in readEach(paths: paths, year: year) { all.append(try result.get()) }
        return all
    }

    /// Reads the files in parallel (each is independent; a national series is ten files of 13,000
    /// rows): one result per path, in the paths' order, so a caller that stops at the first error
    /// reports the same file as reading them one by one.
    public func readEach(paths: [String], year: String? = nil) -> [Result<PublishedFigures, FileError>] {
        let box = ParallelResults<Result<PublishedFigures, FileError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do throws(FileError) { box.set(i, .success(try read(path: paths[i], year: year))) } catch { box.set(i, .failure(error)) }
        }
        return box.values
    }

    public func read(path: String, year fallbackYear: String? = nil) throws(FileError) -> PublishedFigures {
        let data = try readFile(path)
        // Cells as interned ids (CellInterner): a text, its trimming, its number, its measure and its
        // area are worked out once per distinct text, not once per row.
        var grid = InternedRows()
        try withFileBytes(data) { raw throws(FileError) in try CSVReader.read(raw, file: path, into: &grid) }
        guard grid.rowCount > 0 else {
            throw .malformed(file: path, sheet: nil, row: nil, column: nil, reason: "the file is empty; expected the ASCOF data file's header row")
        }
        let header = grid.texts(ofRow: 0)
        var index: [Column: Int] = [:]
        for (i, text) in header.enumerated() {
            let key = Self.headerKey(text)
            if let column = Column.allCases.first(where: { $0.keys.contains(key) }), index[column] == nil { index[column] = i }
        }
        var missing = [Column.level, .type, .value].filter { index[$0] == nil }.map(\.rawValue)
        if index[.code] == nil && index[.group] == nil { missing.append(Column.code.rawValue) }
        if index[.geoCode] == nil && index[.ons] == nil { missing.append(Column.geoCode.rawValue) }
        if !missing.isEmpty { throw .missingColumns(file: path, sheet: nil, columns: missing) }
        let nameYear = PublishedYear.fromFileName(path)
        if index[.year] == nil, nameYear == nil, fallbackYear == nil {
            throw .malformed(file: path, sheet: nil, row: nil, column: nil,
                             reason: "cannot tell the survey year: the file has no year column and its name has no year such as 2023-24, 2324 or 23-24; give it with --year")
        }
        // Column position → slot in `FigureBuilder.Cells` (−1: not read).
        let slots = Column.allCases
        var slotOf = [Int](repeating: -1, count: (index.values.max() ?? 0) + 1)
        for (s, column) in slots.enumerated() { if let i = index[column] { slotOf[i] = s } }
        let texts = grid.interner.texts
        let blank = grid.interner.blank
        // Per distinct year text: the survey year it names (nil = not a survey year).
        var yearOf: [Int32: String?] = [:]
        var builder = FigureBuilder(path: path, catalogue: catalogue, councils: councils, cellCount: grid.interner.count, rowCount: grid.rowCount)
        var cells = [Int32](repeating: 0, count: slots.count)
        let yearSlot = Column.year.slot
        for r in 1..<grid.rowCount {
            let range = grid.rowStart[r]..<grid.rowStart[r + 1]
            var allBlank = true
            for s in cells.indices { cells[s] = 0 }
            for k in range {
                let id = grid.ids[k]
                if !blank[Int(id)] { allBlank = false }
                let column = Int(grid.columns[k])
                if column < slotOf.count, slotOf[column] >= 0 { cells[slotOf[column]] = id }
            }
            if allBlank { continue }
            let rowNumber = grid.numbers[r]
            builder.summary.rowsRead += 1
            let yearID = cells[yearSlot]
            let year: String?
            if yearID == 0 || blank[Int(yearID)] {
                year = nameYear ?? fallbackYear
            } else if let memo = yearOf[yearID] {
                year = memo
            } else {
                year = PublishedYear.parse(texts[Int(yearID)])
                yearOf[yearID] = .some(year)
            }
            guard let year else {
                let yearText = texts[Int(yearID)]
                builder.skip(rowNumber, column: Column.year.rawValue, value: yearText, rule: "unknown-year",
                             "the year \"\(yearText)\" is not a survey year such as 2023-24")
                continue
            }
            builder.add(row: rowNumber, year: year, cells: FigureBuilder.Cells(cells), texts: texts)
        }
        return builder.result()
    }
}

