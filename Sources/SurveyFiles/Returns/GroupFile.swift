import Foundation
import SurveyModel

/// Reads a `LaCode,Group` file (peer groups, regions) for `--by GROUPFILE`.
public enum GroupFile {
    public static func read(path: String) throws(FileError) -> [String: String] {
        let data = try readFile(path)
        var grid = GridSink()
        try withFileBytes(data) { raw throws(FileError) in try CSVReader.read(raw, file: path, into: &grid) }
        guard let header = grid.rows.first?.1.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let councilCol = header.firstIndex(of: "lacode"), let groupCol = header.firstIndex(of: "group") else {
            throw .missingColumns(file: path, sheet: nil, columns: ["LaCode", "Group"])
        }
        var mapping: [String: String] = [:]
        for (_, cells) in grid.rows.dropFirst() where cells.count > max(councilCol, groupCol) {
            let council = cells[councilCol].trimmingCharacters(in: .whitespaces)
            let group = cells[groupCol].trimmingCharacters(in: .whitespaces)
            if !council.isEmpty && !group.isEmpty { mapping[council] = group }
        }
        return mapping
    }
}
