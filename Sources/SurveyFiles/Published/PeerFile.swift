import Foundation
import SurveyModel

/// Reads a peer-group file (benchmarking.md §2.4), by header: `LaCode,Group` (groups) or
/// `LaCode,NeighbourLaCode[,Rank]` (nearest neighbours). Council codes are CASSR codes.
public enum PeerFile {
    public static func read(path: String) throws(FileError) -> PeerGroups {
        let records = try SimpleCSV.records(path: path)
        let keys = Set(records.first?.keys.map { $0 } ?? [])
        func col(_ names: [String]) -> String? { names.first { keys.contains($0) } }
        guard let council = col(["lacode", "la code", "council", "cassr", "cassrcode"]) else {
            throw .missingColumns(file: path, sheet: nil, columns: ["LaCode"])
        }
        if let neighbour = col(["neighbourlacode", "neighborlacode", "neighbour", "neighbor"]) {
            let rank = col(["rank"])
            var rows: [(council: String, neighbour: String, rank: Int?)] = []
            for (i, r) in records.enumerated() {
                guard let c = r[council], !c.isEmpty, let n = r[neighbour], !n.isEmpty else {
                    throw .malformed(file: path, sheet: nil, row: i + 2, column: neighbour, reason: "needs LaCode and NeighbourLaCode")
                }
                let rankText = rank.flatMap { r[$0] } ?? ""
                guard rankText.isEmpty || Int(rankText) != nil else {
                    throw .malformed(file: path, sheet: nil, row: i + 2, column: "Rank", reason: "\"\(rankText)\" is not a whole number")
                }
                rows.append((c, n, Int(rankText)))
            }
            return .neighbours(rows)
        }
        guard let group = col(["group", "peergroup", "groupname"]) else {
            throw .missingColumns(file: path, sheet: nil, columns: ["Group or NeighbourLaCode"])
        }
        var pairs: [(council: String, group: String)] = []
        for (i, r) in records.enumerated() {
            guard let c = r[council], !c.isEmpty, let g = r[group], !g.isEmpty else {
                throw .malformed(file: path, sheet: nil, row: i + 2, column: group, reason: "needs LaCode and Group")
            }
            pairs.append((c, g))
        }
        return .groups(pairs)
    }
}
