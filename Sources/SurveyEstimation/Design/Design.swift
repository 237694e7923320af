import SurveyModel

/// A stratified design: respondents grouped into cells (ASCS: council × stratum; SACE: council),
/// built once and shared by every estimator. Rows outside the design (non-respondents, unknown
/// stratum, no council) have cell -1.
public struct Design: Sendable {
    public struct Cell: Sendable, Hashable {
        public var council: String
        public var stratum: Int
        public init(council: String, stratum: Int) {
            self.council = council
            self.stratum = stratum
        }
    }

    public let cellOfRow: [Int32]
    /// The rows with a cell (`cellOfRow[row] >= 0`), in row order: estimators that skip every
    /// other row run over these only (same rows, same order, so the same sums).
    public let rowsInDesign: [Int32]
    public let cells: [Cell]
    /// Respondents per cell (any item).
    public let respondentsPerCell: [Int]
    /// Councils in first-seen order, and their cells.
    public let councils: [String]
    public let cellsOfCouncil: [String: [Int]]
    /// Respondents left out of weighted results because their stratum or council is unknown.
    public let excludedRespondents: Int

    /// - Parameters: per row, the council index (into `councilCodes`), the stratum (missing =
    ///   `ResponseTable.missing`) and whether the row is a respondent.
    public init(councilCodes: [String], councilOfRow: [Int32], stratumOfRow: [ResponseTable.Code], isRespondent: [Bool]) {
        // The cell of each (council, stratum) pair, numbered in first-seen order, looked up in
        // tables rather than hashed per row: a block of 256 strata per council with respondents.
        let strata = Int(ResponseTable.Code.max) + 1
        var blockOfCouncil = [Int32](repeating: -1, count: councilCodes.count)
        var cellIndex: [Int32] = []
        var cells: [Cell] = []
        var cellOfRow = [Int32](repeating: -1, count: councilOfRow.count)
        var rows: [Int32] = []
        var excluded = 0
        var perCell: [Int] = []
        for row in councilOfRow.indices where isRespondent[row] {
            let stratum = stratumOfRow[row]
            let council = Int(councilOfRow[row])
            guard stratum != ResponseTable.missing, !councilCodes[council].isEmpty else {
                excluded += 1
                continue
            }
            if blockOfCouncil[council] < 0 {
                blockOfCouncil[council] = Int32(cellIndex.count / strata)
                cellIndex.append(contentsOf: repeatElement(-1, count: strata))
            }
            let key = Int(blockOfCouncil[council]) * strata + Int(stratum)
            var index = cellIndex[key]
            if index < 0 {
                index = Int32(cells.count)
                cellIndex[key] = index
                cells.append(Cell(council: councilCodes[council], stratum: Int(stratum)))
                perCell.append(0)
            }
            cellOfRow[row] = index
            rows.append(Int32(row))
            perCell[Int(index)] += 1
        }
        var byCouncil: [String: [Int]] = [:]
        var order: [String] = []
        for (i, cell) in cells.enumerated() {
            if byCouncil[cell.council] == nil { order.append(cell.council) }
            byCouncil[cell.council, default: []].append(i)
        }
        self.cellOfRow = cellOfRow
        self.rowsInDesign = rows
        self.cells = cells
        self.respondentsPerCell = perCell
        self.councils = order
        self.cellsOfCouncil = byCouncil
        self.excludedRespondents = excluded
    }

    /// N_h of every cell in a population set; nil where the file has none.
    public func populations(_ populations: Populations, set: String) -> [Double?] {
        cells.map { populations.population(set: set, council: $0.council, stratum: $0.stratum) }
    }

    /// Every cell index.
    public var allCells: [Int] { Array(cells.indices) }
}
