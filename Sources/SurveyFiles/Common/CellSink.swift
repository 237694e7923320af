/// A consumer of tabular cells, fed row by row by the CSV and XLSX readers.
///
/// Readers call `header` once (for CSV: the first record; for XLSX the caller decides which row is
/// the header and the reader delivers every row through `cell`), then for every row `beginRow`,
/// any number of `cell` calls in column order, and `endRow`. Cell bytes are UTF-8 and are valid
/// only during the call: a sink that keeps them must copy. Missing cells are simply not delivered.
public protocol CellSink {
    /// Starts a row. `number` is the row number a spreadsheet shows (1-based; CSV header = 1).
    mutating func beginRow(_ number: Int)
    /// One cell of the current row. `column` is 0-based (A = 0). `isFormula` is true when the
    /// value is the cached result of a formula (XLSX only).
    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool)
    /// Ends the current row.
    mutating func endRow()
}
