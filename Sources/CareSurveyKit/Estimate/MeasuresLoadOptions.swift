import SurveyModel
import SurveyFiles
import SurveyScoring

extension Toolkit {
    /// `options` for a command that only scores and estimates the measures (`measures`): the
    /// table holds just the columns the measures, the strata and the `domains` read
    /// (`ColumnsRead.measures`), and no serial numbers or source rows once they are checked.
    /// Every cell is still read and validated; outputs are the same as with every column kept.
    public func measuresOnly(_ options: LoadOptions, domains: [String]) -> LoadOptions {
        var out = options
        let models = self.models
        out.keepColumns = { codebook in ColumnsRead.measures(codebook, models: models, domains: domains) }
        out.keepRowDetails = false
        return out
    }
}
