import SurveyModel

/// The demographic domains of `--by` and how each maps respondents to domain values.
public enum DomainVariables {
    /// `--by` names, in documentation order.
    public static let names = ["gender", "age-band", "ethnicity", "support-setting", "psr-group", "stratum"]
}
