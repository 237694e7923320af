import SurveyModel

/// Realistic synthetic returns for a codebook, deterministic by seed.
///
/// Everything is driven by the codebook: the columns and their order, valid codes, easy-read
/// codes, tick-all groups, who is a respondent, the non-respondent rules, the strata rules and the
/// population dimensions. `ExampleProfile` only adds realism (sizes, response rates, answer shares).
///
/// Per council: eligible populations by cell; a stratified sample sized for ±5 points at 95%
/// (about 40% respond); demographics consistent with each person's cell, so the reported stratum is
/// the derived one; answers correlated through a latent wellbeing (council and stratum effects),
/// health and ability answers through a correlated health factor; 1–6% item non-response;
/// easy-read questionnaires (mostly learning-disability support) answered on their 5-point scale;
/// tick-all groups with at least one option ticked; non-respondents with every question blank.
///
/// Each council has its own random stream derived from (seed, survey, council index), so councils
/// can be generated in any order or in parallel with identical results.
public struct ExampleGenerator: Sendable {
    public let codebook: Codebook
    public let seed: UInt64
    let plan: ExamplePlan

    public init(codebook: Codebook, profile: ExampleProfile, seed: UInt64) {
        self.codebook = codebook
        self.seed = seed
        plan = ExamplePlan(codebook: codebook, profile: profile)
    }

    /// Council codes for `count` councils: three digits, the same for every seed.
    public static func councilCodes(count: Int) -> [String] { ExamplePopulation.councilCodes(count: count) }

    /// The council with this position in `councilCodes` and this code.
    public func council(index: Int, code: String) -> ExampleCouncil {
        let rng = ExampleRandom(seed: seed, stream: Self.tag(codebook.survey), UInt64(index))
        var builder = ExampleCouncilBuilder(plan: plan, code: code, rng: rng)
        return builder.build()
    }

    /// Tidy CSV columns: every field that is not Excel-only, in codebook order.
    public var csvColumns: [Int] { codebook.fields.indices.filter { !codebook.fields[$0].isExcelOnly } }

    /// The header line of the tidy CSV.
    public var csvHeader: String {
        csvColumns.map { ExampleCSV.escape(codebook.fields[$0].name) }.joined(separator: ",") + "\n"
    }

    /// The council's rows of the tidy CSV (no header).
    public func csvRows(_ council: ExampleCouncil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(council.rowCount * csvColumns.count * 2)
        council.appendCSV(to: &out, columns: csvColumns)
        return out
    }

    /// The header line of the population file.
    public var populationHeader: String {
        (["LaCode"] + codebook.populations.dimensions + ["Population"]).joined(separator: ",") + "\n"
    }

    /// The council's rows of the population file (no header).
    public func populationRows(_ council: ExampleCouncil) -> String {
        var out = ""
        for row in council.population {
            var cells = [ExampleCSV.escape(row.council)]
            for dimension in codebook.populations.dimensions { cells.append(ExampleCSV.escape(row.dimensions?[dimension] ?? "")) }
            cells.append(ExampleCSV.population(row.population))
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Whether this codebook carries the official Excel headers needed to write workbooks.
    public var canWriteWorkbooks: Bool { codebook.fields.allSatisfy { $0.header != nil } }

    /// A response rate for a stratum from a table keyed by stratum (0 = any other).
    static func rate(_ table: [Int: Double], _ stratum: Int) -> Double {
        table[stratum] ?? table[0] ?? 0.4
    }

    /// A stable 64-bit tag for a survey name (FNV-1a; `hashValue` changes between runs).
    static func tag(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
