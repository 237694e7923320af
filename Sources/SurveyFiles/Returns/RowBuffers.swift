import SurveyModel

/// A `ReturnBuilder`'s per-row state and its block of rows waiting to be appended to the table,
/// in manually managed memory. Plain pointers: the per-cell path reads and writes them without
/// reference counting or copy-on-write checks. Allocated and freed by `RowStorage`.
///
/// Per field of the current row: `values` (the parsed whole number), `state` (the `State` bits)
/// and the code in the block (`ResponseTable.missing` unless present and valid).
struct RowBuffers {
    /// Bits of `state`.
    enum State {
        /// The cell has a value (not a "no answer" code).
        static let present: UInt8 = 1
        /// The cell could not be parsed (not a number, not whole).
        static let bad: UInt8 = 2
        /// The value is outside the field's codes (reported and made missing at the end of the row).
        static let invalid: UInt8 = 4
        /// The value's validity depends on the easy-read questionnaire (decided at the end of the row).
        static let pending: UInt8 = 8
    }

    /// Bits of an `outcome` entry: the cell's new `State` bits (low four), and
    enum Outcome {
        /// the field is a question (the row has an answer),
        static let question: UInt8 = 0x10
        /// the code is stored as is (else `ResponseTable.missing`),
        static let stored: UInt8 = 0x20
        /// no entry: the general path decides (not a coded field).
        static let none: UInt8 = 0x80
    }

    /// Rows per block: each column of the table grows once per block.
    static let blockCapacity = 512

    let fieldCount: Int
    let columnCount: Int
    /// Source column → field index (−1 = ignored).
    let columnField: UnsafeMutablePointer<Int>
    let rules: UnsafeMutablePointer<FieldRule>
    let validTable: UnsafeBufferPointer<Bool>
    let values: UnsafeMutablePointer<Int>
    let state: UnsafeMutablePointer<UInt8>
    /// Field → slot among the table's number fields (−1 = not a number field), and per-row numbers.
    let numberSlot: UnsafeMutablePointer<Int>
    let numberCount: Int
    let textSlot: UnsafeMutablePointer<Int>
    let textCount: Int
    /// The block: codes row-major (`fieldCount` per row), numbers (`numberCount` per row), and per row
    /// the council index and the source row number.
    let codes: UnsafeMutablePointer<ResponseTable.Code>
    /// What a whole value 0…254 written in a coded field's cell does, decided once per field and
    /// value (`ReturnBuilder.setCode`'s checks): entry `field << 8 | value`, `Outcome` bits.
    let outcome: UnsafeMutablePointer<UInt8>
    let numbers: UnsafeMutablePointer<Double>
    let councils: UnsafeMutablePointer<Int32>
    let sourceRows: UnsafeMutablePointer<Int32>

    /// The current row's codes when `pending` rows are already in the block.
    @inline(__always)
    func rowCodes(_ pending: Int) -> UnsafeMutablePointer<ResponseTable.Code> { codes + pending &* fieldCount }

    /// Clears the current row: nothing present, every code missing, every number NaN.
    @inline(__always)
    func resetRow(_ pending: Int) {
        state.update(repeating: 0, count: fieldCount)
        rowCodes(pending).update(repeating: ResponseTable.missing, count: fieldCount)
        if numberCount > 0 { (numbers + pending &* numberCount).update(repeating: .nan, count: numberCount) }
    }

    /// Makes a field of the current row missing.
    @inline(__always)
    func clear(_ field: Int, pending: Int) {
        state[field] &= ~(State.present | State.invalid | State.pending)
        rowCodes(pending)[field] = ResponseTable.missing
    }

    /// Whether a field of the current row is present, and its value.
    @inline(__always)
    func value(_ field: Int) -> Int? { state[field] & State.present != 0 ? values[field] : nil }
}

/// Owns the memory of a `RowBuffers`.
final class RowStorage {
    let buffers: RowBuffers

    init(rules: FieldRules, columnField: [Int], numberFields: [Int], textFields: [Int]) {
        let fieldCount = rules.rules.count
        let block = RowBuffers.blockCapacity
        func allocate<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
            p.initialize(repeating: value, count: Swift.max(count, 1))
            return p
        }
        let columns = allocate(columnField.count, -1)
        for (i, f) in columnField.enumerated() { columns[i] = f }
        let ruleStore = UnsafeMutablePointer<FieldRule>.allocate(capacity: Swift.max(fieldCount, 1))
        ruleStore.initialize(from: rules.rules, count: fieldCount)
        let numberSlot = allocate(fieldCount, -1)
        for (k, f) in numberFields.enumerated() { numberSlot[f] = k }
        let textSlot = allocate(fieldCount, -1)
        for (k, f) in textFields.enumerated() { textSlot[f] = k }
        let validTable = rules.table.withUnsafeBufferPointer { source in
            let copy = UnsafeMutableBufferPointer<Bool>.allocate(capacity: Swift.max(source.count, 1))
            _ = copy.initialize(from: source)
            return UnsafeBufferPointer(rebasing: copy[0..<source.count])
        }
        buffers = RowBuffers(fieldCount: fieldCount, columnCount: columnField.count, columnField: columns, rules: ruleStore,
                             validTable: validTable, values: allocate(fieldCount, 0), state: allocate(fieldCount, 0),
                             numberSlot: numberSlot, numberCount: numberFields.count, textSlot: textSlot, textCount: textFields.count,
                             codes: allocate(block * fieldCount, ResponseTable.missing),
                             outcome: allocate(fieldCount << 8, RowBuffers.Outcome.none), numbers: allocate(block * numberFields.count, Double.nan),
                             councils: allocate(block, 0), sourceRows: allocate(block, 0))
    }

    deinit {
        let b = buffers
        b.columnField.deallocate()
        b.rules.deallocate()
        UnsafeMutableRawPointer(mutating: b.validTable.baseAddress)?.deallocate()
        b.values.deallocate()
        b.state.deallocate()
        b.numberSlot.deallocate()
        b.textSlot.deallocate()
        b.codes.deallocate()
        b.outcome.deallocate()
        b.numbers.deallocate()
        b.councils.deallocate()
        b.sourceRows.deallocate()
    }
}
