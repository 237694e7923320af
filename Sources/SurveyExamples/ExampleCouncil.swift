import SurveyModel

/// One council's synthetic return and eligible population, ready to render as tidy CSV rows or as
/// the official workbook.
public struct ExampleCouncil: Sendable {
    /// Stored for a blank cell.
    static let blank = Int32.min

    public let code: String
    /// Rows of the population file (detailed cells, or one row when the council is the only stratum).
    public let population: [PopulationRow]
    /// Sampled people (respondents and non-respondents).
    public let rowCount: Int
    public let respondents: Int
    /// Serial numbers, one per row.
    public let serials: [String]
    /// The stratum of each row as the codebook's rules derive it.
    public let strata: [Int?]
    /// Stratum → eligible population.
    public let stratumPopulations: [Int: Int]
    let plan: ExamplePlan
    /// Row-major codes and whole numbers, `blank` for empty cells.
    let values: [Int32]

    var fieldCount: Int { plan.codebook.fields.count }

    /// A cell's value (nil = blank).
    public func value(row: Int, field: Int) -> Int? {
        let v = values[row * fieldCount + field]
        return v == Self.blank ? nil : Int(v)
    }

    /// The primary key as the template's formula writes it: council code and data-row number.
    func primaryKey(row: Int) -> String { code + String(row + 1) }

    /// Appends the tidy CSV rows (no header) to `out`.
    func appendCSV(to out: inout [UInt8], columns: [Int]) {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        let councilBytes = Array(ExampleCSV.escape(code).utf8)
        for row in 0..<rowCount {
            for (position, field) in columns.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                switch plan.roles[field] {
                case .council: out.append(contentsOf: councilBytes)
                case .serial: out.append(contentsOf: ExampleCSV.escape(serials[row]).utf8)
                case .primaryKey: out.append(contentsOf: primaryKey(row: row).utf8)
                case .stratumPopulation:
                    if let s = strata[row], let n = stratumPopulations[s] { ExampleCSV.append(n, to: &out, scratch: &digits) }
                default:
                    let v = values[row * fieldCount + field]
                    if v != Self.blank { ExampleCSV.append(Int(v), to: &out, scratch: &digits) }
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
    }
}

/// Small helpers for writing CSV bytes.
enum ExampleCSV {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @inline(__always)
    static func append(_ n: Int, to out: inout [UInt8], scratch: inout [UInt8]) {
        if n >= 0, n < 10 {
            out.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        scratch.removeAll(keepingCapacity: true)
        var value = n.magnitude
        repeat {
            scratch.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
        } while value > 0
        if n < 0 { scratch.append(UInt8(ascii: "-")) }
        out.append(contentsOf: scratch.reversed())
    }

    /// A number of people as written in population files: whole numbers without a decimal point.
    static func population(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
