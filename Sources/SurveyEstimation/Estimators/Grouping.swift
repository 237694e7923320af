import SurveyModel

/// Which groups an analysis estimates: councils and England (default), England only, or the groups
/// of a `--by GROUPFILE` mapping (then England).
public enum Grouping: Sendable, Equatable {
    case councilsAndEngland
    case englandOnly
    case groups([String: String])

    /// The groups of cells to estimate over, in output order.
    public func groups(design: Design) -> [GroupSpec] {
        switch self {
        case .councilsAndEngland: return GroupSpec.councilsAndEngland(design)
        case .englandOnly: return [GroupSpec(key: .england, cells: design.allCells)]
        case let .groups(mapping): return GroupSpec.groups(mapping, design: design) + [GroupSpec(key: .england, cells: design.allCells)]
        }
    }

    /// The loaded councils a `--by GROUPFILE` mapping leaves out: they are in no group (England
    /// still counts them), which every output says.
    public func councilsWithoutGroup(design: Design) -> [String] {
        guard case let .groups(mapping) = self else { return [] }
        return design.councils.sorted().filter { mapping[$0] == nil }
    }
}

/// A group of cells to estimate over (a council, England, a group of councils).
public struct GroupSpec: Sendable {
    public var key: GroupKey
    public var cells: [Int]
    public init(key: GroupKey, cells: [Int]) {
        self.key = key
        self.cells = cells
    }

    /// Each council, then all councils together (`england`).
    public static func councilsAndEngland(_ design: Design) -> [GroupSpec] {
        design.councils.sorted().map { GroupSpec(key: .council($0), cells: design.cellsOfCouncil[$0] ?? []) }
            + [GroupSpec(key: .england, cells: design.allCells)]
    }

    /// Groups of councils from a `LaCode,Group` mapping.
    public static func groups(_ mapping: [String: String], design: Design) -> [GroupSpec] {
        var byGroup: [String: [Int]] = [:]
        for council in design.councils {
            guard let group = mapping[council] else { continue }
            byGroup[group, default: []].append(contentsOf: design.cellsOfCouncil[council] ?? [])
        }
        return byGroup.keys.sorted().map { GroupSpec(key: GroupKey(level: .group, group: $0), cells: byGroup[$0]!) }
    }
}

