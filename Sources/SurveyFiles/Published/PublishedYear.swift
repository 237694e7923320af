import Foundation

/// The survey year (`2023-24`) of a published file: from a year column's text, or from the file
/// name (`2023-24`, `2023_24`, `202324`, `2324`, `23-24`). A calendar year alone (`2023`) is not
/// a survey year; two different years in one name are ambiguous. Both give nil.
public enum PublishedYear {
    /// `2023-24`, `2023/24`, `2023-2024`, `202324`, `2324`, `23-24` → `2023-24`; anything else nil.
    public static func parse(_ text: String) -> String? {
        let groups = text.split { !$0.isNumber }.map(String.init)
        var found = Set<String>()
        var i = 0
        while i < groups.count {
            let g = groups[i]
            let next = i + 1 < groups.count ? groups[i + 1] : nil
            if g.count == 4, let next, next.count == 2 || next.count == 4, let y = year(g, String(next.suffix(2))) {
                found.insert(y); i += 2; continue
            }
            if g.count == 2, let next, next.count == 2, let y = year("20" + g, next) { found.insert(y); i += 2; continue }
            if g.count == 6, let y = year(String(g.prefix(4)), String(g.suffix(2))) { found.insert(y) }
            else if g.count == 4, let y = year("20" + g.prefix(2), String(g.suffix(2))) { found.insert(y) }
            i += 1
        }
        return found.count == 1 ? found.first : nil
    }

    /// The year of a file: from its name (without directories).
    public static func fromFileName(_ path: String) -> String? {
        parse(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    /// `start` (4 digits, 2000–2099) and the following year's last two digits.
    static func year(_ start: String, _ end: String) -> String? {
        guard let s = Int(start), (2000...2099).contains(s), let e = Int(end), e == (s + 1) % 100 else { return nil }
        return "\(s)-\(end)"
    }
}
