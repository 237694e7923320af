/// Where a row came from: the file (index into `ResponseTable.sources`) and the row number a
/// spreadsheet shows.
public struct SourceFile: Sendable, Hashable, Codable {
    public var path: String
    /// The sheet, for workbooks.
    public var sheet: String?
    public init(path: String, sheet: String?) {
        self.path = path
        self.sheet = sheet
    }
}

/// Survey returns in columns: one byte per answer cell (`Code`) for each coded field of the
/// codebook, explicit missing values (`ResponseTable.missing`), and per-row council, serial and origin.
///
/// Rows are every sampled person (respondents and non-respondents); invalid cells are already
/// missing (their diagnostics are kept beside the table by the reader).
public struct ResponseTable: Sendable {
    /// One answer cell: a code or whole number of a coded field, one byte. Codebooks keep every
    /// valid code and every integer field's range within `0...maxCode` (`CodebookCheck` refuses a
    /// codebook that does not), so a valid value always fits; the reader treats a value outside as
    /// out of range.
    public typealias Code = UInt8
    /// The largest code a cell can hold (255 is `missing`).
    public static let maxCode = 254
    /// The code stored for "no answer".
    public static let missing: Code = .max

    /// A whole number as a cell: the value itself within 0…`maxCode`, else `missing` (values
    /// produced from checked codebooks always fit).
    @inlinable
    public static func code(_ value: Int) -> Code { value >= 0 && value <= maxCode ? Code(truncatingIfNeeded: value) : missing }

    public let codebook: Codebook
    /// Per codebook field: whether its column is held. Every coded field's is, unless the reader
    /// was told which columns the command reads (`ColumnsKept`); a column not held is empty.
    public private(set) var holdsColumn: [Bool]
    /// Number of rows.
    public private(set) var count: Int = 0
    /// One column per codebook field (same order as `codebook.fields`); empty for text fields.
    public private(set) var columns: [[Code]]
    /// Number-kind fields (budgets), NaN for missing; keyed by field index. Sparse: only filled cells are held.
    public private(set) var numbers: [Int: SparseColumn<Double>] = [:]
    /// Free-text fields, keyed by field index. Never exported. Sparse: only non-blank cells are held.
    public private(set) var freeText: [Int: SparseColumn<String>] = [:]
    /// Distinct council codes in order of first appearance.
    public private(set) var councils: [String] = []
    private var councilLookup: [String: Int32] = [:]
    /// Per row: index into `councils`.
    public private(set) var council: [Int32] = []
    /// Per row: serial number, source file and row number there. Empty once `dropRowDetails()`
    /// was called (a command that needs none of them after reading, such as `measures`).
    public private(set) var serial: [String] = []
    public private(set) var source: [Int32] = []
    public private(set) var sourceRow: [Int32] = []
    /// False once `dropRowDetails()` was called.
    public private(set) var hasRowDetails = true
    public private(set) var sources: [SourceFile] = []

    /// Field indices of number and free-text fields (iterated without touching the dictionaries,
    /// so appends stay in place).
    private let numberKeys: [Int]
    private let textKeys: [Int]
    /// Coded field indices whose columns are held.
    private var codedFields: [Int]

    /// `keeping`: per codebook field, whether to hold its column (nil = every coded field's).
    public init(codebook: Codebook, keeping: [Bool]? = nil) {
        self.codebook = codebook
        self.columns = Array(repeating: [], count: codebook.fields.count)
        numberKeys = codebook.fields.indices.filter { codebook.fields[$0].kind == .number }
        textKeys = codebook.fields.indices.filter { codebook.fields[$0].kind == .freeText }
        let coded = codebook.fields.indices.filter { codebook.fields[$0].isCoded }
        codedFields = keeping.map { keep in coded.filter { $0 < keep.count && keep[$0] } } ?? coded
        var holds = [Bool](repeating: false, count: codebook.fields.count)
        for index in codedFields { holds[index] = true }
        holdsColumn = holds
        for index in numberKeys { numbers[index] = SparseColumn() }
        for index in textKeys { freeText[index] = SparseColumn() }
    }

    /// Field indices of the number fields, in the order of `append(rows:…)`'s `numbers`.
    public var numberFieldIndices: [Int] { numberKeys }
    /// Field indices of the free-text fields, in the order of `append(rows:…)`'s `text`.
    public var textFieldIndices: [Int] { textKeys }

    /// Reserves room for `rows` more rows.
    public mutating func reserveCapacity(_ rows: Int) {
        for index in codedFields { columns[index].reserveCapacity(count + rows) }
        council.reserveCapacity(count + rows)
        serial.reserveCapacity(count + rows)
        source.reserveCapacity(count + rows)
        sourceRow.reserveCapacity(count + rows)
    }

    /// Registers a source file; returns its index.
    public mutating func addSource(_ file: SourceFile) -> Int32 {
        sources.append(file)
        return Int32(sources.count - 1)
    }

    /// The index of a council code, adding it if new.
    public mutating func councilIndex(_ code: String) -> Int32 {
        if let index = councilLookup[code] { return index }
        let index = Int32(councils.count)
        councils.append(code)
        councilLookup[code] = index
        return index
    }

    /// Appends one row. `codes` has one entry per field (ignored for non-coded fields).
    public mutating func append(council: Int32, serial: String, source: Int32, row: Int32,
                                codes: UnsafeBufferPointer<Code>, numbers rowNumbers: [Int: Double] = [:],
                                text: [Int: String] = [:]) {
        for index in codedFields { columns[index].append(codes[index]) }
        for key in numberKeys { numbers[key]!.append(rowNumbers[key] ?? .nan) }
        for key in textKeys { freeText[key]!.append(text[key] ?? "") }
        self.council.append(council)
        self.serial.append(serial)
        self.source.append(source)
        self.sourceRow.append(row)
        count += 1
    }

    /// Appends a block of `rows` rows held row-major: `codes` has `stride` entries per row, one per
    /// codebook field (entries of fields that are not coded are ignored); `numbers` and `text` have
    /// one entry per row for each of `numberFieldIndices` and `textFieldIndices`; `council`,
    /// `serial` and `sourceRow` one per row. Each column grows once per block, not once per row.
    public mutating func append(rows: Int, codes: UnsafeBufferPointer<Code>, stride: Int, council rowCouncils: UnsafeBufferPointer<Int32>,
                                serial rowSerials: ArraySlice<String>, source rowSource: Int32, sourceRow rowNumbers: UnsafeBufferPointer<Int32>,
                                numbers rowValues: UnsafeBufferPointer<Double>, text rowText: ArraySlice<String>) {
        guard rows > 0 else { return }
        precondition(codes.count >= rows * stride && rowCouncils.count >= rows && rowSerials.count >= rows && rowNumbers.count >= rows
                     && rowValues.count >= rows * numberKeys.count && rowText.count >= rows * textKeys.count, "block arrays too short")
        // Grow (geometrically) with a fill, then copy the strided values in place.
        for index in codedFields {
            let old = columns[index].count
            columns[index].append(contentsOf: repeatElement(0, count: rows))
            columns[index].withUnsafeMutableBufferPointer { column in
                var source = index
                for row in old..<(old + rows) {
                    column[row] = codes[source]
                    source &+= stride
                }
            }
        }
        for (k, key) in numberKeys.enumerated() {
            let width = numberKeys.count
            numbers[key]!.append(contentsOf: (0..<rows).lazy.map { rowValues[$0 &* width &+ k] })
        }
        for (k, key) in textKeys.enumerated() {
            let width = textKeys.count
            let start = rowText.startIndex
            freeText[key]!.append(contentsOf: (0..<rows).lazy.map { rowText[start + $0 * width + k] })
        }
        council.append(contentsOf: UnsafeBufferPointer(rebasing: rowCouncils[0..<rows]))
        serial.append(contentsOf: rowSerials.prefix(rows))
        source.append(contentsOf: repeatElement(rowSource, count: rows))
        sourceRow.append(contentsOf: UnsafeBufferPointer(rebasing: rowNumbers[0..<rows]))
        count += rows
    }

    /// Appends every row of another table of the same codebook (used to merge files read in parallel).
    /// `sameSource`: the other table holds later rows of the same file (parallel chunks), so its
    /// sources are not added again.
    public mutating func append(contentsOf other: ResponseTable, sameSource: Bool = false) {
        precondition(other.codebook.id == codebook.id, "tables of different codebooks")
        let sourceOffset: Int32 = sameSource ? 0 : Int32(sources.count)
        if !sameSource { sources.append(contentsOf: other.sources) }
        let councilMap = other.councils.map { councilIndex($0) }
        for index in codedFields {
            precondition(other.holdsColumn[index], "appending a table that lacks a column this one holds")
            columns[index].append(contentsOf: other.columns[index])
        }
        for key in numberKeys { numbers[key]!.append(contentsOf: other.numbers[key] ?? SparseColumn()) }
        for key in textKeys { freeText[key]!.append(contentsOf: other.freeText[key] ?? SparseColumn()) }
        council.append(contentsOf: other.council.map { councilMap[Int($0)] })
        precondition(hasRowDetails && other.hasRowDetails, "appending after dropRowDetails()")
        serial.append(contentsOf: other.serial)
        source.append(contentsOf: other.source.map { $0 + sourceOffset })
        sourceRow.append(contentsOf: other.sourceRow)
        count += other.count
    }

    /// The rows where `keep` is true, in order (sources and council codes unchanged).
    public func filtered(_ keep: [Bool]) -> ResponseTable {
        precondition(keep.count == count, "one flag per row")
        let rows = keep.indices.filter { keep[$0] }
        func pick<T>(_ values: [T]) -> [T] { values.isEmpty ? values : rows.map { values[$0] } }
        var out = self
        for index in columns.indices { out.columns[index] = pick(columns[index]) }
        for key in numberKeys { out.numbers[key] = numbers[key]?.picking(rows) }
        for key in textKeys { out.freeText[key] = freeText[key]?.picking(rows) }
        out.council = pick(council)
        out.serial = pick(serial)
        out.source = pick(source)
        out.sourceRow = pick(sourceRow)
        out.count = rows.count
        return out
    }

    /// Gives up the columns of the coded fields where `keep` is false (their memory is freed;
    /// `holdsColumn` says which are left). Columns already dropped stay dropped.
    public mutating func keepColumns(_ keep: [Bool]) {
        for index in codedFields where !(index < keep.count && keep[index]) {
            columns[index] = []
            holdsColumn[index] = false
        }
        codedFields = codedFields.filter { holdsColumn[$0] }
    }

    /// Gives up the per-row serial numbers and source rows (needed only while reading: duplicate
    /// checks and diagnostics), for a command that reads none of them afterwards.
    public mutating func dropRowDetails() {
        serial = []
        source = []
        sourceRow = []
        hasRowDetails = false
    }

    /// The column of a coded field by name (nil when not coded or not held).
    public func column(_ name: String) -> [Code]? {
        guard let index = codebook.fieldIndex(name), codebook.fields[index].isCoded, holdsColumn[index] else { return nil }
        return columns[index]
    }

    /// One value as an optional Int.
    public func value(_ field: Int, row: Int) -> Int? {
        let code = columns[field][row]
        return code == ResponseTable.missing ? nil : Int(code)
    }
}
