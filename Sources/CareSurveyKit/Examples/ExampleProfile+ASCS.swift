import SurveyModel

extension ExampleProfile {
    /// ASCS: population cells by age band, gender, primary support reason group and setting
    /// (ascs.md §2.3), about 5,300 eligible people per council, response ~42%.
    static let ascs: ExampleProfile = {
        var p = ExampleProfile()
        p.dimensionFields = [
            "AgeBand": DimensionField(field: "Age", ranges: ["18-64": 18...64, "65+": 65...100]),
            "Gender": DimensionField(field: "Gender", codes: ["Male": [1: 1], "Female": [2: 1], "Other": [3: 1]]),
            "PSRGroup": DimensionField(field: "PrimarySupportReason", codes: [
                "Physical": [1: 0.3, 2: 0.7], "Sensory": [3: 0.45, 4: 0.45, 5: 0.1], "Memory": [6: 1],
                "LearningDisability": [7: 1], "MentalHealth": [8: 1], "Social": [9: 0.55, 10: 0.15, 11: 0.03, 12: 0.27],
            ]),
            "Setting": DimensionField(field: "SupportSetting", codes: ["Community": [1: 1], "Residential": [2: 1], "Nursing": [3: 1]]),
        ]
        p.dimensionWeights = [
            "AgeBand": DimensionWeights(weights: ["": ["18-64": 0.36, "65+": 0.64]]),
            "Gender": DimensionWeights(weights: ["": ["Male": 0.43, "Female": 0.565, "Other": 0.005]]),
            "PSRGroup": DimensionWeights(dependsOn: "AgeBand", weights: [
                "18-64": ["Physical": 0.27, "Sensory": 0.02, "Memory": 0.02, "LearningDisability": 0.40, "MentalHealth": 0.24, "Social": 0.05],
                "65+": ["Physical": 0.68, "Sensory": 0.03, "Memory": 0.18, "LearningDisability": 0.03, "MentalHealth": 0.06, "Social": 0.02],
            ]),
            "Setting": DimensionWeights(dependsOn: "AgeBand", weights: [
                "18-64": ["Community": 0.86, "Residential": 0.11, "Nursing": 0.03],
                "65+": ["Community": 0.62, "Residential": 0.24, "Nursing": 0.14],
            ]),
        ]
        p.councilSize = 5300
        p.responseRate = [1: 0.50, 2: 0.33, 3: 0.40, 4: 0.44, 0: 0.40]
        p.nonResponseShares = [2: 0.06, 3: 0.94]
        p.easyReadRate = [1: 0.72, 2: 0.03, 3: 0.01, 4: 0.01]
        p.wellbeingShift = [1: 0.30, 2: -0.20, 3: 0.05, 4: 0]
        p.healthShift = [1: 0.35, 2: 0.10, 3: -0.55, 4: -0.15]
        p.shares = [
            "MethodCollection": [1: 0.94, 2: 0.04, 3: 0.02],
            "Ethnicity": ethnicityShares,
            "Sexuality": [1: 0.82, 2: 0.012, 3: 0.006, 4: 0.004, 5: 0.06, 6: 0.098],
            "Religion": [1: 0.18, 2: 0.62, 3: 0.004, 4: 0.012, 5: 0.006, 6: 0.03, 7: 0.006, 8: 0.012, 99: 0.13],
            "Advocate": [1: 0.03, 2: 0.97],
            "Interpreter": [1: 0.01, 2: 0.99],
            "Translated": [1: 0.982].merging((2...19).map { ($0, 0.001) }) { a, _ in a },
            "Replacement": [1: 0.03, 2: 0.97],
            "OriginalReminder": [1: 0.68, 2: 0.32],
            "CopyRequested": [1: 0.25, 2: 0.75],
            "FullCost": [1: 0.08, 2: 0.92],
            "BudgetContributions": [1: 0.45, 2: 0.55],
            "BudgetEquipment": [1: 0.2, 2: 0.8],
            "BudgetCareHomeFees": [1: 0.35, 2: 0.65],
            "BudgetOtherFunding": [1: 0.1, 2: 0.9],
            "CentrallyFunded": [1: 0.05, 2: 0.95],
        ]
        let community: [Int: Double] = [1: 0.24, 2: 0.05, 3: 0.30, 4: 0.36, 5: 0.05]
        let careHome: [Int: Double] = [3: 0.04, 4: 0.82, 5: 0.14]
        p.conditionalShares = [
            "MechOfDelivery": ConditionalShares(on: "SupportSetting", shares: [1: community, 2: careHome, 3: careHome]),
            "Questionnaire": ConditionalShares(on: "SupportSetting", shares: [1: [1: 1], 2: [2: 1], 3: [2: 1]]),
            // Reported health conditions that go with the primary support reason.
            "HealthLearningDisability": ConditionalShares(on: "PrimarySupportReason", shares: [7: [1: 0.85, 2: 0.15]]),
            "HealthAutism": ConditionalShares(on: "PrimarySupportReason", shares: [7: [1: 0.25, 2: 0.75]]),
            "HealthDementia": ConditionalShares(on: "PrimarySupportReason", shares: [6: [1: 0.7, 2: 0.3]]),
            "HealthVisual": ConditionalShares(on: "PrimarySupportReason", shares: [3: [1: 0.85, 2: 0.15]]),
            "HealthHearing": ConditionalShares(on: "PrimarySupportReason", shares: [4: [1: 0.85, 2: 0.15]]),
            "HealthOtherMental": ConditionalShares(on: "PrimarySupportReason", shares: [8: [1: 0.7, 2: 0.3]]),
        ]
        p.missingRate = ["Ethnicity": 0.01, "Sexuality": 0.03, "Religion": 0.03]
        p.nonRespondentValues = ["OriginalReminder": -9, "MethodCollection": 1]
        p.respondentOnly = ["CopyRequested"]
        p.alwaysFilled = ["OriginalReminder"]
        p.numberRanges = ["GrossAnnualBudget": 1500...65000]
        p.primaryKeyField = "PrimaryKey"
        p.stratumPopulationField = "PopulationInStratum"
        return p
    }()

    static let ethnicityShares: [Int: Double] = [
        1: 0.80, 2: 0.01, 3: 0.002, 4: 0.03, 5: 0.004, 6: 0.002, 7: 0.003, 8: 0.003, 9: 0.02, 10: 0.015,
        11: 0.006, 12: 0.003, 13: 0.008, 14: 0.012, 15: 0.012, 16: 0.004, 17: 0.002, 18: 0.006, 98: 0.01, 99: 0.04,
    ]

    /// Answer shares of the 2021-22 questionnaire (national results, rounded).
    mutating func addASCS202122Answers() {
        let help: [Int: Double] = [1: 0.2, 2: 0.7, 3: 0.1]
        shares.merge([
            "q1": [1: 0.28, 2: 0.35, 3: 0.22, 4: 0.08, 5: 0.03, 6: 0.02, 7: 0.02],
            "q2a": [1: 0.10, 2: 0.22, 3: 0.30, 4: 0.24, 5: 0.08, 6: 0.04, 7: 0.02],
            "q2b": [1: 0.88, 2: 0.12], "q2c": [1: 0.66, 2: 0.20, 3: 0.14],
            "q3a": [1: 0.32, 2: 0.45, 3: 0.17, 4: 0.06], "q3b": help,
            "q4a": [1: 0.62, 2: 0.33, 3: 0.04, 4: 0.01], "q4b": help,
            "q5a": [1: 0.64, 2: 0.30, 3: 0.05, 4: 0.01], "q5b": help,
            "q6a": [1: 0.60, 2: 0.34, 3: 0.05, 4: 0.01], "q6b": help,
            "q7a": [1: 0.70, 2: 0.24, 3: 0.05, 4: 0.01], "q7b": [1: 0.86, 2: 0.14],
            "q8a": [1: 0.45, 2: 0.31, 3: 0.17, 4: 0.07], "q8b": help,
            "q9a": [1: 0.35, 2: 0.40, 3: 0.18, 4: 0.07], "q9b": help,
            "q10": [1: 0.55, 2: 0.30, 3: 0.10, 4: 0.05], "q11": [1: 0.60, 2: 0.30, 3: 0.07, 4: 0.03],
            "q12": [1: 0.30, 2: 0.22, 3: 0.25, 4: 0.15, 5: 0.08],
            "q13": [1: 0.10, 2: 0.30, 3: 0.35, 4: 0.17, 5: 0.08],
            "q14a": [1: 0.30, 2: 0.50, 3: 0.20], "q14b": [1: 0.45, 2: 0.43, 3: 0.12],
            "q15a": [1: 0.45, 2: 0.30, 3: 0.25], "q15b": [1: 0.50, 2: 0.25, 3: 0.25],
            "q15c": [1: 0.40, 2: 0.30, 3: 0.30], "q15d": [1: 0.35, 2: 0.30, 3: 0.35],
            "q16a": [1: 0.55, 2: 0.25, 3: 0.20], "q16b": [1: 0.50, 2: 0.25, 3: 0.25],
            "q16c": [1: 0.60, 2: 0.25, 3: 0.15], "q16d": [1: 0.35, 2: 0.25, 3: 0.40],
            "q17": [1: 0.55, 2: 0.30, 3: 0.12, 4: 0.03], "q18": [1: 0.25, 2: 0.30, 3: 0.20, 4: 0.25],
            "q19a": [1: 0.38], "q19b": [1: 0.33], "q19c": [1: 0.38],
            "q20a": [1: 0.08], "q20b": [1: 0.06], "q20c": [1: 0.87],
            "q21": [1: 0.40, 2: 0.25, 3: 0.20, 4: 0.15],
            "q22a": [1: 0.38], "q22b": [1: 0.35], "q22c": [1: 0.20], "q22d": [1: 0.35], "q22e": [1: 0.15], "q22f": [1: 0.08],
        ]) { a, _ in a }
        easyReadShares = [
            "q1": [1: 0.56, 2: 0.27, 3: 0.11, 4: 0.04, 5: 0.02],
            "q2a": [1: 0.38, 2: 0.34, 3: 0.19, 4: 0.06, 5: 0.03],
        ]
        outsideScale = ["q2c": [3], "q3b": [1], "q4b": [1], "q5b": [1], "q6b": [1], "q8b": [1], "q9b": [1],
                        "q12": [1], "q21": [1, 2, 3, 4]]
        healthItems = ["q13", "q14a", "q14b", "q15a", "q15b", "q15c", "q15d", "q16a", "q16b", "q16c", "q16d", "q17", "q18"]
        exclusiveOptions = ["q19c", "q20c", "q22a"]
        let notLearningDisability = Array(1...12).filter { $0 != 7 }
        askedWhen = ["q2c": [Condition(field: "SupportSetting", in: [1]),
                             Condition(field: "PrimarySupportReason", in: notLearningDisability)]]
    }
}
