import SurveyModel
import SurveyFiles

/// The demographic domains of `--by`: the names the codebooks define (`domains[].name`), not a list in code.
public enum DomainVariables {
    /// `--by` names of the built-in codebooks, in their order.
    public static var names: [String] { names(in: (try? DataDirectory.builtIn.codebooks()) ?? []) }

    /// Every domain name the codebooks define, first appearance first.
    public static func names(in codebooks: [Codebook]) -> [String] {
        var seen: [String] = []
        for cb in codebooks { for d in cb.domains ?? [] where !seen.contains(d.name) { seen.append(d.name) } }
        return seen
    }
}
