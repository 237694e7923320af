import SurveyModel
import SurveyFiles

/// A council's return in the official workbook layout: the data sheet named by the codebook with
/// the official header texts in row 1 and one row per sampled person from row 2 (council code in
/// column A); the Sign Off Sheet with the council code in the codebook's council cell; and the
/// Eligible Population tables at the rows and columns the codebook's layout gives.
enum ExampleWorkbook {
    static func sheets(_ council: ExampleCouncil) -> [XLSXWriter.Sheet] {
        let codebook = council.plan.codebook
        var sheets: [XLSXWriter.Sheet] = []
        if let cell = codebook.excel.councilCell, cell.sheet != codebook.excel.sheet {
            sheets.append(signOff(council, cell: cell))
        }
        if let layout = codebook.excel.populationSheet, layout.sheet != codebook.excel.sheet {
            sheets.append(populationSheet(council, layout: layout))
        }
        sheets.append(dataSheet(council))
        return sheets
    }

    static func councilValue(_ code: String) -> XLSXWriter.Value {
        if let number = Int(code), String(number) == code { return .integer(number) }
        return .text(code)
    }

    static func dataSheet(_ council: ExampleCouncil) -> XLSXWriter.Sheet {
        let codebook = council.plan.codebook
        let fields = codebook.fields
        var rows: [[XLSXWriter.Value?]] = Array(repeating: [], count: max(codebook.excel.headerRow - 1, 0))
        rows.append(fields.map { .text($0.header ?? $0.name) })
        rows.reserveCapacity(rows.count + council.rowCount)
        let councilCell = councilValue(council.code)
        for row in 0..<council.rowCount {
            var cells = [XLSXWriter.Value?](repeating: nil, count: fields.count)
            for index in fields.indices {
                switch council.plan.roles[index] {
                case .council: cells[index] = councilCell
                case .serial: cells[index] = .text(council.serials[row])
                case .primaryKey: cells[index] = .text(council.primaryKey(row: row))
                case .stratumPopulation:
                    if let s = council.strata[row], let n = council.stratumPopulations[s] { cells[index] = .integer(n) }
                default:
                    if let v = council.value(row: row, field: index) { cells[index] = .integer(v) }
                }
            }
            rows.append(cells)
        }
        return XLSXWriter.Sheet(name: codebook.excel.sheet, rows: rows, freezeHeaderRow: codebook.excel.headerRow == 1)
    }

    static func signOff(_ council: ExampleCouncil, cell: Codebook.CellAddress) -> XLSXWriter.Sheet {
        var grid = Grid()
        if let (row, column) = XLSXCellRef.parse(cell.cell) {
            if column > 0 { grid.set(row, 1, .text("Council Code:")) }
            grid.set(row, column, councilValue(council.code))
            if column > 0 { grid.set(row + 1, 1, .text("Name of Council:")) }
            grid.set(row + 1, column, .text("Synthetic council \(council.code) (caresurvey example; not real data)"))
        }
        return XLSXWriter.Sheet(name: cell.sheet, rows: grid.rows)
    }

    /// The population tables: a title, a header row with the dimension names and the column
    /// dimensions, label columns before the first value column, and the populations.
    static func populationSheet(_ council: ExampleCouncil, layout: Codebook.PopulationSheet) -> XLSXWriter.Sheet {
        let dimensionOrder = council.plan.codebook.populations.dimensions
        func ordered(_ dims: [String: String]) -> [(String, String)] {
            dims.sorted { (dimensionOrder.firstIndex(of: $0.key) ?? 99, $0.key) < (dimensionOrder.firstIndex(of: $1.key) ?? 99, $1.key) }
        }
        var lookup: [[String: String]: Double] = [:]
        for row in council.population { if let dims = row.dimensions { lookup[dims] = row.population } }
        var grid = Grid()
        grid.set(1, 1, .text("Eligible population of council \(council.code) (synthetic, caresurvey example)"))
        for (number, block) in layout.tables.enumerated() {
            let columns = block.columns.compactMap { key, dims in XLSXCellRef.columnIndex(key).map { ($0, dims) } }
                .sorted { $0.0 < $1.0 }
            guard let firstValueColumn = columns.first?.0 else { continue }
            let title = ordered(block.values).map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            if block.firstRow > 3 { grid.set(block.firstRow - 3, 1, .text("Table \(number + 1): \(title)")) }
            let rowKeys = block.rowOrder.first.map { ordered($0).map(\.0) } ?? []
            let labelColumns = Array(max(0, firstValueColumn - rowKeys.count)..<firstValueColumn)
            if block.firstRow > 1 {
                for (key, column) in zip(rowKeys, labelColumns) { grid.set(block.firstRow - 1, column, .text(key)) }
                for (column, dims) in columns {
                    grid.set(block.firstRow - 1, column, .text(ordered(dims).map { "\($0.0): \($0.1)" }.joined(separator: ", ")))
                }
            }
            for (offset, rowDims) in block.rowOrder.enumerated() {
                let row = block.firstRow + offset
                for ((_, value), column) in zip(ordered(rowDims), labelColumns) { grid.set(row, column, .text(value)) }
                for (column, colDims) in columns {
                    var dims = block.values
                    dims.merge(rowDims) { a, _ in a }
                    dims.merge(colDims) { a, _ in a }
                    let population = lookup[dims] ?? 0
                    grid.set(row, column, population == population.rounded() ? .integer(Int(population)) : .number(population))
                }
            }
        }
        return XLSXWriter.Sheet(name: layout.sheet, rows: grid.rows)
    }

    /// A sparse grid of cells addressed by row (1-based) and column (0-based).
    struct Grid {
        var rows: [[XLSXWriter.Value?]] = []
        mutating func set(_ row: Int, _ column: Int, _ value: XLSXWriter.Value) {
            guard row >= 1, column >= 0 else { return }
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count <= column { rows[row - 1].append(nil) }
            rows[row - 1][column] = value
        }
    }
}
