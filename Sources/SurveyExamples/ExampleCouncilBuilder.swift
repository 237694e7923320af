import SurveyModel

/// Generates one council's people: demographics consistent with their population cell, response,
/// admin codes, and answers correlated through a latent wellbeing (and, for health and ability
/// questions, a health factor correlated with it), with some item non-response.
struct ExampleCouncilBuilder {
    let plan: ExamplePlan
    let code: String
    var rng: ExampleRandom

    /// Council-level variation: wellbeing level, response propensity, whether the council fills in
    /// the voluntary columns.
    private var councilEffect = 0.0
    private var responseFactor = 1.0
    private var fillsVoluntary = true

    init(plan: ExamplePlan, code: String, rng: ExampleRandom) {
        self.plan = plan
        self.code = code
        self.rng = rng
    }

    mutating func build() -> ExampleCouncil {
        let profile = plan.profile
        let scheme = plan.codebook.populations
        let population = ExamplePopulation.generate(scheme: scheme, profile: profile, rng: &rng)
        councilEffect = 0.2 * rng.normal()
        responseFactor = 0.85 + 0.3 * rng.uniform()
        fillsVoluntary = rng.bernoulli(0.5)
        let sample = population.sample(profile: profile, rng: &rng)
        let fieldCount = plan.codebook.fields.count
        var values = [Int32](repeating: ExampleCouncil.blank, count: sample.count * fieldCount)
        var strata: [Int?] = []
        strata.reserveCapacity(sample.count)
        var respondents = 0
        values.withUnsafeMutableBufferPointer { all in
            for (row, cellIndex) in sample.enumerated() {
                let slice = UnsafeMutableBufferPointer(rebasing: all[(row * fieldCount)..<((row + 1) * fieldCount)])
                let (stratum, responded) = person(cell: population.cells[cellIndex], into: slice)
                strata.append(stratum)
                if responded { respondents += 1 }
            }
        }
        let width = max(5, String(sample.count).count)
        let serials = (0..<sample.count).map { i -> String in
            let digits = String(i + 1)
            return profile.serialPrefix + code + "-" + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return ExampleCouncil(code: code, population: population.rows(council: code, detailed: !scheme.dimensions.isEmpty),
                              rowCount: sample.count, respondents: respondents, serials: serials, strata: strata,
                              stratumPopulations: population.strata, plan: plan, values: values)
    }

    /// Fills one row; returns the derived stratum and whether the person responded.
    private mutating func person(cell: ExamplePopulation.Cell, into row: UnsafeMutableBufferPointer<Int32>) -> (Int?, Bool) {
        let profile = plan.profile
        // Demographics from the population cell, then per-person fields (SACE).
        for binding in plan.dimensions {
            guard let value = cell.dimensions[binding.dimension] else { continue }
            if let codes = binding.mapping.codes[value] {
                let keys = codes.keys.sorted()
                row[binding.field] = Int32(keys[rng.index(weights: keys.map { codes[$0]! })])
            } else if let range = binding.mapping.ranges[value] {
                row[binding.field] = Int32(age(in: range))
            }
        }
        for (index, role) in plan.roles.enumerated() {
            switch role {
            case let .personCode(choice): row[index] = Int32(choice.draw(&rng))
            case let .personRange(range): row[index] = Int32(age(in: range))
            default: continue
            }
        }
        let stratum = plan.derivedStratum(row)
        let responded = rng.bernoulli(ExampleGenerator.rate(profile.responseRate, stratum ?? 0) * responseFactor)
        if let r = plan.responseField {
            row[r] = Int32(responded ? plan.respondentCode : (plan.nonResponse.codes.isEmpty ? plan.respondentCode : plan.nonResponse.draw(&rng)))
        }
        // Admin fields, in codebook order (conditional ones read fields set before them).
        for (index, role) in plan.roles.enumerated() {
            switch role {
            case let .admin(choice, conditional, voluntary, respondentOnly, missingRate):
                if (voluntary && !fillsVoluntary) || (respondentOnly && !responded) { continue }
                if missingRate > 0, rng.bernoulli(missingRate), let missing = plan.missingCode {
                    row[index] = Int32(missing)
                    continue
                }
                var use = choice
                if let conditional, let on = plan.value(row, conditional.on), let specific = conditional.choices[on] { use = specific }
                row[index] = Int32(use.draw(&rng))
            case let .number(range, voluntary):
                if voluntary && !fillsVoluntary { continue }
                // Skewed towards the low end, rounded to whole units.
                let u = rng.uniform()
                row[index] = Int32(range.lowerBound + Int(Double(range.upperBound - range.lowerBound) * u * u))
            case .reportedStratum:
                if let stratum { row[index] = Int32(stratum) }
            default:
                continue
            }
        }
        var easyRead = false
        if let field = plan.easyReadField, let code = plan.easyReadCode,
           rng.bernoulli(profile.easyReadRate[stratum ?? 0] ?? 0) {
            row[field] = Int32(code)
            easyRead = true
        }
        if !responded {
            for (field, value) in plan.nonRespondentFixed { row[field] = Int32(value) }
            return (stratum, false)
        }
        answer(row: row, stratum: stratum, easyRead: easyRead)
        return (stratum, true)
    }

    /// Ages (and other ranges): triangular over the range, so the middle is most common.
    private mutating func age(in range: ClosedRange<Int>) -> Int {
        let u = (rng.uniform() + rng.uniform()) / 2
        return min(range.upperBound, range.lowerBound + Int(Double(range.upperBound - range.lowerBound + 1) * u))
    }

    private mutating func answer(row: UnsafeMutableBufferPointer<Int32>, stratum: Int?, easyRead: Bool) {
        let profile = plan.profile
        let shift = profile.wellbeingShift[stratum ?? 0] ?? 0
        let personal = rng.normal()
        let wellbeing = councilEffect + shift + 0.98 * personal
        let health = (profile.healthShift[stratum ?? 0] ?? 0) + 0.5 * personal + 0.866 * rng.normal()
        // Item non-response propensity: 1%–6% per question, 2.7% on average.
        let u = rng.uniform()
        let skip = 0.01 + 0.05 * u * u
        let missing = plan.missingCode.map(Int32.init) ?? ExampleCouncil.blank
        for question in plan.questions {
            if !question.asked.allSatisfy({ $0.condition.holds(for: plan.value(row, $0.field)) }) { continue }
            if rng.bernoulli(skip) {
                row[question.field] = missing
                continue
            }
            let scale = easyRead ? (question.easyRead ?? question.standard) : question.standard
            let factor = question.health ? health : wellbeing
            if scale.outsideShare > 0, rng.uniform() < scale.outsideShare || scale.ordinal == nil {
                row[question.field] = Int32(scale.outside.draw(&rng))
            } else if let ordinal = scale.ordinal {
                let latent = -question.loading * factor + question.noise * rng.normal()
                row[question.field] = Int32(ordinal.code(latent: latent))
            }
        }
        for group in plan.groups {
            if rng.bernoulli(skip) {
                for member in group.members { row[member] = missing }
                continue
            }
            var ticked = [Bool](repeating: false, count: group.members.count)
            let primary = rng.index(weights: group.weights)
            ticked[primary] = true
            if !group.exclusive[primary] {
                for i in group.members.indices where i != primary && !group.exclusive[i] {
                    ticked[i] = rng.bernoulli(group.weights[i] * 0.6)
                }
            }
            for (i, member) in group.members.enumerated() {
                row[member] = Int32(ticked[i] ? group.ticked : group.notTicked)
            }
        }
    }
}
