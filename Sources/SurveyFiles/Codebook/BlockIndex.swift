import SurveyModel

/// Which codes-sheet block belongs to which data-sheet column: a question's blocks by the id
/// their titles name (the easy-read variant apart), an admin field's by its header text without
/// parenthesised notes (the block title's first line against the whole header).
struct BlockIndex {
    private var standard: [Int: CodebookTemplate.CodesBlock] = [:]
    private var easy: [Int: CodebookTemplate.CodesBlock] = [:]
    /// Rows of the blocks some column uses.
    private(set) var used: Set<Int> = []

    init(_ blocks: [CodebookTemplate.CodesBlock], columns: [CodebookTemplate.Column]) {
        for (index, column) in columns.enumerated() {
            if let id = column.questionID {
                let mine = blocks.filter { $0.questionID == id }
                if let b = mine.first(where: { !$0.easyRead }) { standard[index] = b }
                if let b = mine.first(where: \.easyRead) { easy[index] = b }
            } else {
                let key = TemplateText.adminKey(column.header)
                if let b = blocks.first(where: { !used.contains($0.row) && $0.questionID == nil
                    && TemplateText.adminKey(FieldImport.firstLine($0.title)) == key }) { standard[index] = b }
            }
            for b in [standard[index], easy[index]].compactMap({ $0 }) { used.insert(b.row) }
        }
    }

    func block(_ column: Int) -> CodebookTemplate.CodesBlock? { standard[column] }
    func easyRead(_ column: Int) -> CodebookTemplate.CodesBlock? { easy[column] }
}
