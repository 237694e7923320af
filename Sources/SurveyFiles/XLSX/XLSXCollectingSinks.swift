/// Collects chosen cells for `XLSXWorkbook.cellValues`.
struct XLSXPickSink: CellSink {
    var wanted: [Int: [String]] = [:]
    var found: [String: String] = [:]
    var lastRow = 0
    private var row = 0

    static func key(_ row: Int, _ column: Int) -> Int { row << 16 | column }

    mutating func beginRow(_ number: Int) { row = number }

    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        guard let refs = wanted[Self.key(row, column)] else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        for ref in refs { found[ref] = text }
    }

    mutating func endRow() {}
}

/// Collects every cell for `XLSXWorkbook.readGrid`.
struct XLSXGridSink: CellSink {
    var grid: [Int: [Int: String]] = [:]
    private var row = 0
    private var current: [Int: String] = [:]

    mutating func beginRow(_ number: Int) {
        row = number
        current = [:]
    }

    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        current[column] = String(decoding: bytes, as: UTF8.self)
    }

    mutating func endRow() {
        if !current.isEmpty { grid[row, default: [:]].merge(current) { _, new in new } }
    }
}
