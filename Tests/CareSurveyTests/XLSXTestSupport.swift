import Foundation
import Testing
@testable import SurveyFiles

/// Helpers shared by the XLSX reader tests.
enum XLSXFixtures {
    /// The package root: the first directory above this file (symlinks resolved) that holds both
    /// `Package.swift` and `Tests/Fixtures`.
    static let root: URL = {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let fm = FileManager.default
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: dir.appendingPathComponent("Tests/Fixtures").path) {
                return dir
            }
            dir.deleteLastPathComponent()
        }
        fatalError("no package root with Tests/Fixtures above \(#filePath)")
    }()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    static let blank = path("reference/ascs-data-return-2021-22-blank.xlsx")
    static let renamed = path("reference/ascs-data-return-2021-22-sheet-renamed.xlsx")
    static let twoColumnsDeleted = path("reference/ascs-data-return-2021-22-two-columns-deleted.xlsx")
    static let return716 = path("conformance/ascs-2021-22-twenty/before/return-716.xlsx")
    static let returnsCSV = path("conformance/ascs-2021-22-twenty/before/returns.csv")

    static func xlsx(_ name: String) -> String { path("xlsx/" + name) }

    /// Runs `body` and returns the FileError it threw, or nil when it did not throw. Any other
    /// error type is a test failure.
    static func error(_ body: () throws -> Void) -> FileError? {
        do {
            try body()
            return nil
        } catch let error as FileError {
            return error
        } catch {
            Issue.record("expected a FileError, got \(error)")
            return nil
        }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// A sink that records everything it is given, as text.
struct XLSXRecordingSink: CellSink {
    struct Cell: Equatable {
        var column: Int
        var text: String
        var isFormula: Bool
    }

    var rows: [(number: Int, cells: [Cell])] = []
    var unbalanced = false

    mutating func beginRow(_ number: Int) {
        rows.append((number, []))
    }

    mutating func cell(_ column: Int, _ bytes: UnsafeRawBufferPointer, isFormula: Bool) {
        guard !rows.isEmpty else {
            unbalanced = true
            return
        }
        rows[rows.count - 1].cells.append(Cell(column: column, text: String(decoding: bytes, as: UTF8.self), isFormula: isFormula))
    }

    mutating func endRow() {}

    /// `"B2"` → text, for the cells delivered.
    var byReference: [String: String] {
        var result: [String: String] = [:]
        for row in rows {
            for cell in row.cells { result[XLSXCellRef.reference(row: row.number, column: cell.column)] = cell.text }
        }
        return result
    }

    func cell(_ ref: String) -> Cell? {
        guard let (row, column) = XLSXCellRef.parse(ref) else { return nil }
        return rows.first { $0.number == row }?.cells.first { $0.column == column }
    }
}
