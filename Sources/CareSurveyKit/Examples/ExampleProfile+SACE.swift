import SurveyModel

extension ExampleProfile {
    /// SACE: the council is the only stratum; about 2,000 eligible carers per council, response ~38%.
    static let sace: ExampleProfile = {
        var p = ExampleProfile()
        p.personRanges = ["Age": 25...95]
        p.personCodes = ["Gender": [1: 0.30, 2: 0.69, 3: 0.01]]
        p.councilSize = 2000
        p.responseRate = [0: 0.38]
        p.nonResponseShares = [2: 0.05, 3: 0.95]
        p.shares = [
            "MethodCollection": [1: 0.97, 2: 0.02, 3: 0.01],
            "Ethnicity": ethnicityShares,
        ]
        p.missingRate = ["Ethnicity": 0.01]
        p.nonRespondentValues = ["MethodCollection": 1]
        p.serialPrefix = "C"
        return p
    }()

    /// Answer shares of the 2021-22 questionnaire (national results, rounded).
    mutating func addSACE202122Answers() {
        let tick: [Int: Double] = [1: 0.3, 2: 0.7]
        var answers: [String: [Int: Double]] = [
            "q1": [1: 0.04, 2: 0.06, 3: 0.07, 4: 0.09, 5: 0.12, 6: 0.16, 7: 0.22, 8: 0.24],
            "q2a": [1: 0.45, 2: 0.55], "q2b": [1: 0.25, 2: 0.75], "q2c": [1: 0.20, 2: 0.80],
            "q2d": [1: 0.03, 2: 0.97], "q2e": [1: 0.30, 2: 0.70], "q2f": [1: 0.15, 2: 0.85],
            "q2g": [1: 0.35, 2: 0.65], "q2h": [1: 0.05, 2: 0.95], "q2i": [1: 0.10, 2: 0.90],
            "q3": [1: 0.72, 2: 0.28],
            "q4": [1: 0.14, 2: 0.18, 3: 0.23, 4: 0.13, 5: 0.07, 6: 0.06, 7: 0.07, 8: 0.12],
            "q7": [1: 0.25, 2: 0.55, 3: 0.20], "q8": [1: 0.28, 2: 0.55, 3: 0.17],
            "q9": [1: 0.50, 2: 0.42, 3: 0.08], "q10": [1: 0.55, 2: 0.40, 3: 0.05],
            "q11": [1: 0.33, 2: 0.42, 3: 0.25], "q12": [1: 0.45, 2: 0.38, 3: 0.17],
            "q15": [1: 0.55, 2: 0.33, 3: 0.12],
            "q16": [1: 0.15, 2: 0.40, 3: 0.22, 4: 0.09, 5: 0.14],
            "q17": [1: 0.30, 2: 0.45, 3: 0.10, 4: 0.05, 5: 0.10],
            "q18": [1: 0.30, 2: 0.30, 3: 0.20, 4: 0.08, 5: 0.12],
        ]
        for name in ["q5a", "q5b", "q5c", "q5d", "q5e", "q5f", "q5g", "q6a", "q6b", "q6c", "q6d", "q6e", "q6f"] {
            answers[name] = tick
        }
        shares.merge(answers) { a, _ in a }
        var outside: [String: Set<Int>] = ["q1": Set(1...8), "q4": [8], "q16": [5], "q17": [5], "q18": [5], "q3": [1, 2]]
        for (name, codes) in answers where codes.count == 2 && name != "q3" { outside[name] = [1, 2] }
        outsideScale = outside
    }
}
