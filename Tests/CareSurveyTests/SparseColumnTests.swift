import Testing
import SurveyModel

/// `SparseColumn` reads as the full column it stands for, through appends, joins and filters.
@Suite struct SparseColumnTests {
    @Test func readsAsTheDenseColumn() {
        let dense: [String] = ["", "a", "", "", "b", "c", ""]
        var column = SparseColumn<String>()
        column.append(contentsOf: dense.prefix(3))
        var more = SparseColumn<String>()
        more.append(contentsOf: dense.dropFirst(3))
        column.append(contentsOf: more)
        #expect(column.count == dense.count)
        #expect(Array(column) == dense)
        let keep = [1, 2, 4, 6]
        #expect(Array(column.picking(keep)) == keep.map { dense[$0] })
    }

    @Test func numbersKeepNaNAsAbsent() {
        var column = SparseColumn<Double>()
        column.append(contentsOf: [.nan, 2.5, .nan, 0])
        #expect(column.count == 4)
        #expect(column[0].isNaN && column[1] == 2.5 && column[2].isNaN && column[3] == 0)
    }

    @Test func answerCellsHoldEveryStorableCode() {
        #expect(ResponseTable.code(0) == 0 && ResponseTable.code(ResponseTable.maxCode) == 254)
        #expect(ResponseTable.code(-1) == ResponseTable.missing && ResponseTable.code(255) == ResponseTable.missing)
        #expect(MemoryLayout<ResponseTable.Code>.size == 1)
    }
}
