import Foundation
import SurveyFiles
import SurveyModel

/// Shared by the fuzz targets: the codebooks (loaded once) and the invariants every read must keep.
enum FuzzSupport {
    /// The repository root: `CARESURVEY_DATA` when set, else two folders above this file (Fuzz/Targets/).
    static let dataRoot: URL = {
        if let env = ProcessInfo.processInfo.environment["CARESURVEY_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// Every codebook of Questionnaires/ (a fuzz run without them would not reach the return builder).
    static let codebooks: [Codebook] = {
        do {
            let books = try DataDirectory(root: dataRoot).codebooks()
            guard !books.isEmpty else { fail("no codebooks in \(dataRoot.path)/Questionnaires") }
            return books
        } catch {
            fail("cannot load the codebooks from \(dataRoot.path) (set CARESURVEY_DATA): \(error)")
        }
    }()

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("FUZZ INVARIANT BROKEN: \(message)\n".utf8))
        abort()
    }

    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fail(message()) }
    }

    /// Invariants of a `LoadedReturns`, whatever the input: every row accounted for, the table and
    /// its per-row arrays the same length, every diagnostic naming the file.
    static func checkLoaded(_ loaded: LoadedReturns, file: String) {
        let s = loaded.summary
        check(s.isBalanced, "rowsRead \(s.rowsRead) != respondents \(s.respondents) + nonRespondents \(s.nonRespondents) + unknown \(s.responseUnknown)")
        check(s.rowsRead >= 0 && s.templateRowsSkipped >= 0 && s.blankRowsSkipped >= 0, "negative counts \(s)")
        check(s.rowsWithErrors <= s.rowsRead, "rowsWithErrors \(s.rowsWithErrors) > rowsRead \(s.rowsRead)")
        check(loaded.files.count == 1, "one file given, \(loaded.files.count) reported")
        if let table = loaded.table {
            check(table.count == s.rowsRead, "table has \(table.count) rows, summary says \(s.rowsRead)")
            check(loaded.rowHasError.count == table.count, "rowHasError \(loaded.rowHasError.count) for \(table.count) rows")
            check(table.serial.count == table.count && table.council.count == table.count && table.sourceRow.count == table.count,
                  "per-row arrays of different lengths")
            for column in table.columns where !column.isEmpty {
                check(column.count == table.count, "a column of \(column.count) for \(table.count) rows")
            }
            check(table.council.allSatisfy { Int($0) >= 0 && Int($0) < table.councils.count }, "council index out of range")
            check(table.sourceRow.allSatisfy { $0 >= 2 }, "a data row numbered before the first data row")
        } else {
            check(s.rowsRead == 0, "no table but \(s.rowsRead) rows read")
            check(loaded.files.first?.error != nil, "no table and no file error")
        }
        if loaded.files.first?.error != nil {
            check(!loaded.diagnostics.isEmpty, "a file error without a diagnostic")
        }
        for d in loaded.diagnostics {
            check(d.file == file, "a diagnostic naming \(d.file ?? "nil") instead of \(file)")
            if let row = d.row { check(row >= 1, "a diagnostic at row \(row)") }
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.count - errors
        check(errors == s.errors, "\(errors) error diagnostics, summary says \(s.errors)")
        check(warnings == s.warnings, "\(warnings) warning diagnostics, summary says \(s.warnings)")
    }
}

/// A sink that checks the `CellSink` protocol as the readers promise it: rows begun and ended in
/// pairs, row numbers ≥ 1 and strictly increasing (CSV: 1, 2, 3…), columns ≥ 0 (CSV: increasing within a row), and every byte
/// of every cell readable (touched, so that AddressSanitizer sees an out-of-bounds view).
struct ProtocolCheckingSink: CellSink {
    let maxRows: Int
    let maxColumns: Int
    /// CSV numbers rows 1, 2, 3, … exactly; XLSX only increasing (rows may be missing).
    let consecutiveRows: Bool
    var rows = 0
    var lastRow = 0
    var lastColumn = -1
    var inRow = false
    var checksum: UInt8 = 0

    init(maxRows: Int = Int.max, maxColumns: Int = Int.max, consecutiveRows: Bool) {
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.consecutiveRows = consecutiveRows
    }

    mutating func beginRow(_ number: Int) {
        FuzzSupport.check(!inRow, "beginRow(\(number)) inside row \(lastRow)")
        FuzzSupport.check(number >= 1 && number <= maxRows, "row number \(number)")
        if consecutiveRows {
            FuzzSupport.check(number == lastRow + 1, "row \(number) after row \(lastRow)")
        } else {
            FuzzSupport.check(number > lastRow, "row \(number) after row \(lastRow) (rows must ascend)")
        }
        inRow = true
        lastRow = number
        lastColumn = -1
        rows += 1
    }

    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        FuzzSupport.check(inRow, "a cell outside a row")
        FuzzSupport.check(column >= 0 && column < maxColumns, "column \(column)")
        FuzzSupport.check(column > lastColumn || !consecutiveRows, "column \(column) after column \(lastColumn) in row \(lastRow)")
        lastColumn = column
        for b in bytes { checksum &+= b }
    }

    mutating func endRow() {
        FuzzSupport.check(inRow, "endRow without beginRow")
        inRow = false
    }
}
