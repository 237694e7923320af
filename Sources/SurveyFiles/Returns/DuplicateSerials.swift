import SurveyModel

/// Flags rows that repeat a council's serial number (across all files read together).
enum DuplicateSerials {
    static func check(_ table: inout ResponseTable, rowHasError: inout [Bool]) -> (diagnostics: [Diagnostic], newErrorRows: Int) {
        struct Key: Hashable { let council: Int32; let serial: String }
        var first: [Key: Int] = [:]
        first.reserveCapacity(table.count)
        var out: [Diagnostic] = []
        var newRows = 0
        for row in 0..<table.count {
            let serial = table.serial[row]
            guard !serial.isEmpty else { continue }
            let key = Key(council: table.council[row], serial: serial)
            if let earlier = first[key] {
                let src = table.sources[Int(table.source[earlier])]
                let here = table.sources[Int(table.source[row])]
                out.append(.error("duplicate-serial", "serial number \(serial) of council \(table.councils[Int(table.council[row])]) already appears at \(src.path)\(src.sheet.map { ", sheet \"\($0)\"" } ?? ""), row \(table.sourceRow[earlier]); both rows are kept",
                                  file: here.path, sheet: here.sheet, row: Int(table.sourceRow[row]), column: "SerialNo", value: serial))
                if !rowHasError[row] { newRows += 1; rowHasError[row] = true }
            } else {
                first[key] = row
            }
        }
        return (out, newRows)
    }
}
