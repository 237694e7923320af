import Foundation
import SurveyModel

/// Parses an eligible-population file one row at a time (`PopulationFile.read`): the first row is
/// the header, each later row is checked and kept or reported as it comes, and `finish` gives the
/// rows and diagnostics (the same, in the same order, as parsing the whole grid at once).
struct PopulationRowParser {
    private let path: String
    private let scheme: PopulationScheme
    /// The header's problem (thrown by `finish`, after any error of the CSV reader itself).
    private var headerError: FileError?
    private var sawHeader = false
    private var councilCol = 0
    private var popCol = 0
    private var dimCols: [(String, Int?)] = []
    private var detailed = false
    private var stratumCol: Int?
    /// Allowed values per dimension column (a short list: a linear search beats hashing).
    private var allowedLists: [[String]?] = []
    /// Duplicate rows are found by the key "council|value|…". When every dimension has a list of
    /// allowed values without "|", a key is exactly (council, the values' positions in their
    /// lists), which hashes far faster; and rows with the same values share one dictionary.
    private var fast = false
    /// The number of distinct (value positions) combinations of a fast key: the product of
    /// (list length + 1) over the dimensions.
    private var radix = 1
    private var seen: Set<String> = []
    private var seenFast: Set<PopulationKey> = []
    /// Fast keys of small radix (`bitmapRadix`): per council (by `councilIndex`), a bit per
    /// combination seen, so a row costs a bit test instead of hashing its council's text.
    private var seenBits: [[UInt64]] = []
    private var councilIndex: [String: Int] = [:]
    /// The previous row's council and its index (rows usually come council by council).
    private var lastCouncil = ""
    private var lastIndex = -1
    /// The largest radix held as bits (8 KiB per council).
    private static let bitmapRadix = 1 << 16
    private var shared: [Int: [String: String]] = [:]
    private var out: [PopulationRow] = []
    private var diagnostics: [Diagnostic] = []
    private var rowsRead = 0

    init(path: String, scheme: PopulationScheme) {
        self.path = path
        self.scheme = scheme
    }

    /// One CSV row (`number` as a spreadsheet shows it; the first row given is the header).
    mutating func row(_ number: Int, _ cells: [String]) {
        guard sawHeader else {
            sawHeader = true
            header(cells)
            return
        }
        guard headerError == nil else { return }
        data(number, cells)
    }

    /// The rows used and the diagnostics; throws the header's problem, or that the file is empty.
    func finish() throws(FileError) -> PopulationFile.Result {
        guard sawHeader else { throw .malformed(file: path, sheet: nil, row: 1, column: nil, reason: "the population file is empty") }
        if let headerError { throw headerError }
        return PopulationFile.Result(rows: out, diagnostics: diagnostics, rowsRead: rowsRead)
    }

    private mutating func header(_ header: [String]) {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func col(_ name: String) -> Int? { names.firstIndex(of: name.lowercased()) }
        guard let councilCol = col("LaCode"), let popCol = col("Population") else {
            headerError = .missingColumns(file: path, sheet: nil, columns: ["LaCode", "Population"].filter { col($0) == nil })
            return
        }
        self.councilCol = councilCol
        self.popCol = popCol
        dimCols = scheme.dimensions.map { ($0, col($0)) }
        detailed = dimCols.allSatisfy { $0.1 != nil }
        stratumCol = col("Stratum")
        if !detailed, dimCols.contains(where: { $0.1 != nil }) {
            headerError = .missingColumns(file: path, sheet: nil, columns: dimCols.filter { $0.1 == nil }.map(\.0))
            return
        }
        allowedLists = dimCols.map { scheme.values[$0.0] }
        var radix = 1
        fast = allowedLists.allSatisfy { list in
            guard let list, !list.contains(where: { $0.contains("|") }) else { return false }
            radix = radix.multipliedReportingOverflow(by: list.count + 1).partialValue
            return radix > 0 && radix < 1 << 40
        }
        self.radix = radix
    }

    private mutating func data(_ number: Int, _ cells: [String]) {
        func cell(_ i: Int) -> String { i < cells.count ? trim(cells[i]) : "" }
        if cells.allSatisfy({ trim($0).isEmpty }) { return }
        rowsRead += 1
        let council = cell(councilCol)
        let popText = cell(popCol)
        guard !council.isEmpty else {
            diagnostics.append(.error("council-missing", "population row without a council code", file: path, row: number, column: "LaCode"))
            return
        }
        let population: Double
        switch PopulationNumber.parse(popText) {
        case let .success(value): population = value
        case let .failure(refusal):
            diagnostics.append(.error("invalid-population", "population \"\(popText)\" is not a number of people (0 or more): \(refusal.reason); the row is not used", file: path, row: number, column: "Population", value: popText))
            return
        }
        var row = PopulationRow(council: council, population: population)
        let isNew: Bool
        if detailed && fast {
            var bad = false
            var combination = 0
            var exact = true
            for (d, (name, c)) in dimCols.enumerated() {
                let value = cell(c!)
                let allowed = allowedLists[d]!
                guard let k = allowed.firstIndex(of: value) else {
                    diagnostics.append(.error("invalid-dimension", "\(name) \"\(value)\" is not one of \(allowed.joined(separator: ", "))", file: path, row: number, column: name, value: value))
                    bad = true
                    continue
                }
                if exact && !sameBytes(value, allowed[k]) { exact = false }
                combination = combination * (allowed.count + 1) + k + 1
            }
            if bad { return }
            if exact, let dims = shared[combination] {
                row.dimensions = dims
            } else {
                var dims: [String: String] = Dictionary(minimumCapacity: dimCols.count)
                for (name, c) in dimCols { dims[name] = cell(c!) }
                if exact { shared[combination] = dims }
                row.dimensions = dims
            }
            isNew = radix <= Self.bitmapRadix ? insertBit(council: council, combination: combination)
                : seenFast.insert(PopulationKey(council: council, detail: combination)).inserted
        } else if detailed {
            var key = council
            var dims: [String: String] = Dictionary(minimumCapacity: dimCols.count)
            var bad = false
            for (d, (name, c)) in dimCols.enumerated() {
                let value = cell(c!)
                if let allowed = allowedLists[d], !allowed.contains(value) {
                    diagnostics.append(.error("invalid-dimension", "\(name) \"\(value)\" is not one of \(allowed.joined(separator: ", "))", file: path, row: number, column: name, value: value))
                    bad = true
                }
                dims[name] = value
                key.append("|")
                key.append(value)
            }
            if bad { return }
            row.dimensions = dims
            isNew = seen.insert(key).inserted
        } else if let stratumCol {
            let text = cell(stratumCol)
            guard let stratum = Int(text), stratum > 0 else {
                diagnostics.append(.error("invalid-stratum", "stratum \"\(text)\" is not a stratum number", file: path, row: number, column: "Stratum", value: text))
                return
            }
            row.stratum = stratum
            // "council|stratum": the stratum has no "|", so the pair is the key.
            isNew = seenFast.insert(PopulationKey(council: council, detail: stratum)).inserted
        } else {
            row.stratum = 1
            isNew = seenFast.insert(PopulationKey(council: council, detail: 0)).inserted
        }
        if !isNew {
            diagnostics.append(.warning("duplicate-population-row", "this population row repeats an earlier one for the same council and cell; both are added", file: path, row: number))
        }
        out.append(row)
    }

    /// Marks (council, combination) as seen; whether it was new. Councils are told apart by
    /// `String` equality, as `PopulationKey` does.
    private mutating func insertBit(council: String, combination: Int) -> Bool {
        if lastIndex < 0 || council != lastCouncil {
            if let index = councilIndex[council] {
                lastIndex = index
            } else {
                lastIndex = seenBits.count
                councilIndex[council] = lastIndex
                seenBits.append([UInt64](repeating: 0, count: (radix + 63) / 64))
            }
            lastCouncil = council
        }
        let (word, bit) = (combination / 64, UInt64(1) << UInt64(combination % 64))
        if seenBits[lastIndex][word] & bit != 0 { return false }
        seenBits[lastIndex][word] |= bit
        return true
    }
}
