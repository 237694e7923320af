import Foundation
import SurveyModel

/// `codebook --check` on files: each file decoded (a schema or type error names its JSON path)
/// and checked with `CodebookCheck`, score models included.
public enum CodebookFileCheck {
    public struct Outcome: Sendable, Equatable {
        public var path: String
        /// `ascs-2021-22`, when the file decodes.
        public var codebook: String?
        public var problems: [CodebookProblem]
        /// The file cannot be read or decoded (the reason names the JSON path where it can).
        public var unreadable: String?
        public var passed: Bool { unreadable == nil && problems.isEmpty }
        public init(path: String, codebook: String?, problems: [CodebookProblem], unreadable: String?) {
            self.path = path
            self.codebook = codebook
            self.problems = problems
            self.unreadable = unreadable
        }
    }

    public static func check(path: String, models: [String: ScoreModel]) -> Outcome {
        let codebook: Codebook
        do { codebook = try DataDirectory.decode(Codebook.self, at: URL(fileURLWithPath: path)) } catch {
            return Outcome(path: path, codebook: nil, problems: [], unreadable: error.description)
        }
        var problems = CodebookCheck.problems(codebook, models: models)
        let name = URL(fileURLWithPath: path).lastPathComponent
        if name.hasSuffix(".json"), name != codebook.id + ".json" {
            problems.insert(CodebookProblem("surveyYear", "the file is named \(name) but holds \(codebook.id); name it \(codebook.id).json"), at: 0)
        }
        return Outcome(path: path, codebook: codebook.id, problems: problems, unreadable: nil)
    }

    /// One line per problem: `error: FILE: measures[3].flag.numerator: …`; `✓ FILE — id` when none.
    public static func text(_ outcomes: [Outcome]) -> String {
        outcomes.map { o in
            if let reason = o.unreadable { return "error: \(o.path): \(reason)\n" }
            if o.problems.isEmpty { return "✓ \(o.path) — \(o.codebook ?? ""): no problems\n" }
            return o.problems.map { "error: \(o.path): \($0)\n" }.joined()
        }.joined()
    }
}
