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
    }

    static func headerKey(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }

    /// Reads several files (several years). `year` is used for a file whose year is neither in a
    /// column nor in its name. Throws for a file that cannot be read or interpreted at all
    /// (missing columns, year unknown); problems in rows are diagnostics.
    public func read(paths: [String], year: String? = nil) throws(FileError) -> PublishedFigures {
        var all = PublishedFigures()
        for path in paths { all.append(try read(path: path, year: year)) }
        return all
    }

    public func read(path: String, year fallbackYear: String? = nil) throws(FileError) -> PublishedFigures {
        let data = try readFile(path)
        var grid = GridSink()
        try withFileBytes(data) { raw throws(FileError) in try CSVReader.read(raw, file: path, into: &grid) }
        guard let header = grid.rows.first?.1 else {
            throw .malformed(file: path, sheet: nil, row: nil, column: nil, reason: "the file is empty; expected the ASCOF data file's header row")
        }
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
        var builder = FigureBuilder(path: path, catalogue: catalogue, councils: councils)
        for (rowNumber, cells) in grid.rows.dropFirst() {
            func cell(_ c: Column) -> String { index[c].map { $0 < cells.count ? trimmedSpaces(cells[$0]) : "" } ?? "" }
            if cells.allSatisfy({ trimmedSpaces($0).isEmpty }) { continue }
            builder.summary.rowsRead += 1
            let yearText = cell(.year)
            guard let year = yearText.isEmpty ? (nameYear ?? fallbackYear) : PublishedYear.parse(yearText) else {
                builder.skip(rowNumber, column: Column.year.rawValue, value: yearText, rule: "unknown-year",
                             "the year \"\(yearText)\" is not a survey year such as 2023-24")
                continue
            }
            builder.add(row: rowNumber, year: year, levelText: cell(.level), geoCode: cell(.geoCode), geoName: cell(.geoName),
                        ons: cell(.ons), code: cell(.code), group: cell(.group), breakdown: cell(.breakdown),
                        type: cell(.type), value: cell(.value))
        }
        return builder.result()
    }
}
