import Foundation

/// Small CSV files as records keyed by lower-cased header (published figures, group files).
public enum SimpleCSV {
    public static func records(path: String) throws(FileError) -> [[String: String]] {
        let data = try readFile(path)
        var grid = GridSink()
        try withFileBytes(data) { raw throws(FileError) in try CSVReader.read(raw, file: path, into: &grid) }
        guard let header = grid.rows.first?.1.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else { return [] }
        return grid.rows.dropFirst().compactMap { _, cells in
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
            var record: [String: String] = [:]
            for (i, name) in header.enumerated() where i < cells.count { record[name] = cells[i].trimmingCharacters(in: .whitespaces) }
            return record
        }
    }
}
