import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyEstimation

// Option values the argument parser validates: an unknown value is a usage error (exit 2) whose
// message lists the valid ones.

/// Output formats; each command writes some of them.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json, html, xlsx

    /// The format a file name asks for: `.txt`, `.csv`, `.json`, `.html` or `.htm`, `.xlsx` (any case).
    init?(extensionOf path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "csv": self = .csv
        case "json": self = .json
        case "html", "htm": self = .html
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    static func list(_ formats: [OutputFormat]) -> String { formats.map(\.rawValue).joined(separator: ", ") }
}

/// `--survey`: a survey code as the codebooks name it (any case). The list is data: a code of
/// the right form is checked against the codebooks in use once they are loaded (`DataOptions`).
struct SurveyChoice: ExpressibleByArgument, Equatable {
    /// Lower case (`ascs`).
    let rawValue: String
    init?(argument: String) {
        let lower = argument.lowercased()
        guard (1...20).contains(lower.count), lower.first.map({ $0.isASCII && $0.isLetter }) == true,
              lower.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        rawValue = lower
    }

    /// The surveys of the built-in codebooks, for help texts: `ascs, sace`.
    static let builtIn: String = ((try? Toolkit(data: .builtIn))?.surveys ?? []).joined(separator: ", ")

    /// `Survey (a codebook's survey code: ascs, sace; default: …)`.
    static func help(_ rest: String) -> ArgumentHelp {
        ArgumentHelp("Survey: the survey code of a codebook in use (\(builtIn)\(builtIn.isEmpty ? "" : ", or one a --data folder adds"); \(rest)).",
                     valueName: "survey")
    }
}

extension IntervalMethod: ExpressibleByArgument {}
extension SingleRespondentPolicy: ExpressibleByArgument {}
extension Comparison.Adjustment: ExpressibleByArgument {}
extension EstimationOptions.DomainMethod: ExpressibleByArgument {}
