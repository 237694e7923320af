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

/// `--survey`.
enum SurveyChoice: String, ExpressibleByArgument, CaseIterable {
    case ascs, sace
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension IntervalMethod: ExpressibleByArgument {}
extension SingleRespondentPolicy: ExpressibleByArgument {}
extension Comparison.Adjustment: ExpressibleByArgument {}
extension EstimationOptions.DomainMethod: ExpressibleByArgument {}
