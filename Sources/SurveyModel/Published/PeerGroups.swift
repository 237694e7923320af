/// Each council's peers, from a user file (benchmarking.md §2.4): either groups (`LaCode,Group`:
/// a council's peers are the other members of its group) or nearest neighbours
/// (`LaCode,NeighbourLaCode[,Rank]`, e.g. the CIPFA model's 15). A council is never its own peer.
public struct PeerGroups: Sendable, Hashable {
    public enum Form: String, Sendable, Hashable { case groups, neighbours }
    public var form: Form
    /// Council → its peers (neighbours in rank order).
    public var peers: [String: [String]]
    /// Council → group name (groups form).
    public var groupOf: [String: String]

    public init(form: Form, peers: [String: [String]], groupOf: [String: String] = [:]) {
        self.form = form
        self.peers = peers.mapValues { list in
            var seen = Set<String>()
            return list.filter { seen.insert($0).inserted }
        }
        for (council, list) in self.peers { self.peers[council] = list.filter { $0 != council } }
        self.groupOf = groupOf
    }

    /// From `(council, group)` pairs.
    public static func groups(_ pairs: [(council: String, group: String)]) -> PeerGroups {
        var members: [String: [String]] = [:]
        var groupOf: [String: String] = [:]
        for (c, g) in pairs {
            members[g, default: []].append(c)
            groupOf[c] = g
        }
        var peers: [String: [String]] = [:]
        for (c, g) in groupOf { peers[c] = members[g] ?? [] }
        return PeerGroups(form: .groups, peers: peers, groupOf: groupOf)
    }

    /// From `(council, neighbour, rank?)` rows; neighbours sorted by rank, then file order.
    public static func neighbours(_ rows: [(council: String, neighbour: String, rank: Int?)]) -> PeerGroups {
        var list: [String: [(Int, Int, String)]] = [:]
        for (i, row) in rows.enumerated() { list[row.council, default: []].append((row.rank ?? Int.max, i, row.neighbour)) }
        return PeerGroups(form: .neighbours, peers: list.mapValues { $0.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2) })
    }
}
