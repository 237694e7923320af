/// The level of a result's group, as in the JSON contract: `council`, `england` (all councils
/// loaded), `group` (a `--by GROUPFILE` group) or `domain` (a demographic domain).
public struct GroupKey: Sendable, Hashable, Codable, Comparable {
    public enum Level: String, Sendable, Hashable, Codable { case council, england, group, domain }
    public var level: Level
    public var council: String?
    public var group: String?
    /// For domains: the variable and value (`gender` → `Female`).
    public var byVariable: String?
    public var byValue: String?

    public init(level: Level, council: String? = nil, group: String? = nil, byVariable: String? = nil, byValue: String? = nil) {
        self.level = level
        self.council = council
        self.group = group
        self.byVariable = byVariable
        self.byValue = byValue
    }

    public static func council(_ code: String) -> GroupKey { GroupKey(level: .council, council: code) }
    public static let england = GroupKey(level: .england)

    /// Councils first (by code), then groups, then England; domains after their parent.
    public static func < (a: GroupKey, b: GroupKey) -> Bool {
        func rank(_ k: GroupKey) -> Int {
            switch k.level {
            case .council: return 0
            case .group: return 1
            case .england: return 2
            case .domain: return k.council == nil ? 4 : 3
            }
        }
        let left = (rank(a), a.council ?? "", a.group ?? "", a.byVariable ?? "", a.byValue ?? "")
        let right = (rank(b), b.council ?? "", b.group ?? "", b.byVariable ?? "", b.byValue ?? "")
        return left < right
    }

    /// `council 716`, `England`, `group North East`, `gender = Female (council 716)`.
    public var label: String {
        switch level {
        case .council: return "council \(council ?? "?")"
        case .england: return "England"
        case .group: return group ?? "group"
        case .domain:
            let base = "\(byVariable ?? "") = \(byValue ?? "")"
            return council.map { "\(base) (council \($0))" } ?? base
        }
    }

    enum CodingKeys: String, CodingKey { case level, council, group, by }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decode(Level.self, forKey: .level)
        council = try c.decodeIfPresent(String.self, forKey: .council)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        if let by = try c.decodeIfPresent([String: String].self, forKey: .by), let first = by.first {
            byVariable = first.key
            byValue = first.value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level, forKey: .level)
        if let byVariable, let byValue { try c.encode([byVariable: byValue], forKey: .by) }
        try c.encodeIfPresent(council, forKey: .council)
        try c.encodeIfPresent(group, forKey: .group)
    }
}
