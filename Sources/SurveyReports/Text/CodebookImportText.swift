import Foundation
import SurveyModel

/// The change report of `codebook import`, for a person (text) and for tools (JSON).
public enum CodebookImportText {
    public static func render(_ r: CodebookChangeReport, status: Status, output: String?) -> String {
        var out = "\(r.survey) \(r.surveyYear) imported from \(r.template), carried over from \(r.previous) — \(status.rawValue.uppercased())\n"
        if let output { out += "Written: \(output)\n" }
        if r.isUnchanged { out += "\nNo question, code list or measure changed.\n" }
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += "\n\(title) (\(lines.count)):\n" + lines.map { "  " + $0 + "\n" }.joined()
        }
        section("Added", r.added.map { "\($0.name) (column \($0.column ?? "?"), \($0.mandatory ? "mandatory" : "voluntary")): \(flat($0.header))" })
        section("Removed", r.removed.map { "\($0.name) (\($0.mandatory ? "mandatory" : "voluntary")): \(flat($0.header))" })
        section("Renumbered", r.renumbered.map { "\($0.from) → \($0.to)" })
        section("Wording changed", r.reworded.map { "\($0.field): \"\(flat($0.before))\" → \"\(flat($0.after))\"" })
        section("Code lists changed", r.codeLists.map(codeList))
        section("Mandatory / voluntary", r.mandatory.map { "\($0.field): \($0.before ? "mandatory" : "voluntary") → \($0.after ? "mandatory" : "voluntary")" })
        section("Re-pointed", r.repointed.map { "\($0.what): \($0.changes.joined(separator: "; "))" })
        section("Open points (the codebook is provisional until each is settled)", r.openPoints)
        section("Notes", r.notes)
        return out
    }

    static func codeList(_ c: CodebookChangeReport.CodeListChange) -> String {
        var parts: [String] = []
        parts += c.added.map { "added \($0.code) \"\($0.label)\"" }
        parts += c.removed.map { "removed \($0.code) \"\($0.label)\"" }
        parts += c.relabelled.map { "relabelled \($0.code) \"\($0.before)\" → \"\($0.after)\"" }
        parts += c.recoded.map { "\"\($0.label)\" \($0.before) → \($0.after)" }
        return "\(c.field): " + parts.joined(separator: "; ")
    }

    static func flat(_ text: String) -> String {
        let one = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        return one.count > 90 ? String(one.prefix(89)) + "…" : one
    }

    public static func json(_ r: CodebookChangeReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(r)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}
