import ArgumentParser
import Foundation
import CareSurveyKit
import SurveyReports

/// `caresurvey report --dashboard`: the council dashboard (benchmarking.md §1) from several years of
/// published figures, built from the same computations as `trend` and `benchmark`.
extension ReportCommand {
    func validateDashboard() throws {
        guard let council else { throw ValidationError("--dashboard needs --council (the CASSR code of the council, e.g. 716)") }
        try Check.council(council, "--council")
        if published.isEmpty {
            throw ValidationError("--dashboard needs --published: the ASCOF data files of several years (and results JSON from `measures` for an unpublished year)")
        }
        if !returns.isEmpty || !estimation.population.isEmpty || !previous.isEmpty || !previousPopulation.isEmpty {
            throw ValidationError("--dashboard reads published figures only: give the council's own year as results JSON from "
                + "`caresurvey measures … --format json` in --published, not returns, --population or --previous")
        }
    }

    func runDashboard() throws {
        try runReporting {
            guard let council else { throw CLIFailure(message: "--dashboard needs --council", code: 2) }
            let toolkit = try data.loadToolkit()
            var request = DashboardRequest(council: council, inputs: published)
            request.peersFile = peers
            request.targetsFile = targets
            request.change.alpha = alpha
            request.change.adjust = adjust
            let made = try toolkit.dashboard(request)
            try OutputOptions.write(DashboardHTML.render(made.input), to: output, inputs: published + [targets, peers].compactMap { $0 })
            return 0
        }
    }
}
