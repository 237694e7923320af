import SurveyModel

/// The field half of an import: pairs the template's columns with the previous codebook's fields
/// (questions by text and answer labels, admin fields by header text and key), builds the new
/// field list in the template's column order and records renumbering, rewording and code changes.
struct FieldImport {
    let template: CodebookTemplate
    let previous: Codebook
    /// New fields in column order.
    var result: [Field] = []
    var repointer = CodebookRepointer()
    /// Column index → previous field index.
    var pairs: [Int: Int] = [:]

    init(template: CodebookTemplate, previous: Codebook) {
        self.template = template
        self.previous = previous
    }

    mutating func run(into report: inout CodebookChangeReport) {
        let blocks = BlockIndex(template.blocks, columns: template.columns)
        pairQuestions(blocks)
        pairAdmin()
        for (column, col) in template.columns.enumerated() {
            let codes = blocks.block(column).map { validCodes($0) }
            let easy = blocks.easyRead(column).map { validCodes($0).map(\.code) }
            if let index = pairs[column] {
                result.append(carried(previous.fields[index], col, codes: codes, easy: easy, into: &report))
            } else {
                result.append(added(col, codes: codes, easy: easy, into: &report))
            }
        }
        let paired = Set(pairs.values)
        for (index, field) in previous.fields.enumerated() where !paired.contains(index) {
            repointer.removed.insert(field.name)
            report.removed.append(.init(name: field.name, column: nil, header: field.header ?? field.label, mandatory: field.isMandatory))
        }
        for block in template.blocks where !blocks.used.contains(block.row) {
            report.notes.append("codes sheet row \(block.row): \"\(block.title.prefix(60))\" names no column of the data sheet; its codes are not used")
        }
        fixKeys(into: &report)
    }

    // MARK: Pairing

    /// Questions: same text and labels; same text; same number and labels; the only unpaired
    /// question with those labels; same number and mostly the same words.
    private mutating func pairQuestions(_ blocks: BlockIndex) {
        let old = previous.fields.enumerated().filter { $0.element.isQuestion }.map(\.offset)
        let new = template.columns.enumerated().filter { $0.element.questionID != nil }.map(\.offset)
        let columns = template.columns
        let newLabels = columns.indices.map { c in (blocks.block(c).map(validCodes) ?? []).map { TemplateText.textKey($0.label) } }
        func labels(_ f: Field) -> [String] { (f.codes ?? []).map { TemplateText.textKey($0.label) } }
        func labels(_ c: Int) -> [String] { newLabels[c] }
        func text(_ f: Field) -> String { TemplateText.textKey(f.text ?? "") }
        func text(_ c: Int) -> String { TemplateText.textKey(columns[c].questionText ?? "") }
        let passes: [(Field, Int, [Int]) -> Bool] = [
            { f, c, _ in text(f) == text(c) && labels(f) == labels(c) },
            { f, c, _ in text(f) == text(c) },
            { f, c, _ in f.name == columns[c].questionID && labels(f) == labels(c) },
            // (Only for a question with codes: two uncoded ones, e.g. free text and a number, are not alike.)
            { f, c, candidates in !labels(f).isEmpty && labels(f) == labels(c) && candidates.filter { labels(f) == labels($0) }.count == 1 },
            { f, c, _ in f.name == columns[c].questionID && Self.similarity(f.text ?? "", columns[c].questionText ?? "") >= 0.5 },
        ]
        for pass in passes {
            for o in old where !pairs.values.contains(o) {
                let free = new.filter { pairs[$0] == nil }
                if let c = free.first(where: { pass(previous.fields[o], $0, free) }) { pairs[c] = o }
            }
        }
    }

    /// Admin fields: the same header text, else the field's key in the normalised header (the
    /// reading rule, each column once), else the same header words without parenthesised notes.
    private mutating func pairAdmin() {
        let old = previous.fields.enumerated().filter { !$0.element.isQuestion }.map(\.offset)
        let new = template.columns.enumerated().filter { $0.element.questionID == nil }.map(\.offset)
        let template = self.template
        let passes: [(Field, CodebookTemplate.Column) -> Bool] = [
            { f, c in f.header == c.header },
            { f, c in f.key.map { HeaderMatcher.normalise(c.header).contains($0) } ?? false },
            { f, c in f.header.map { TemplateText.adminKey($0) == TemplateText.adminKey(c.header) } ?? false },
        ]
        for pass in passes {
            for o in old where !pairs.values.contains(o) {
                if let c = new.first(where: { pairs[$0] == nil && pass(previous.fields[o], template.columns[$0]) }) { pairs[c] = o }
            }
        }
    }

    /// A block's codes without the "no answer" codes.
    func validCodes(_ block: CodebookTemplate.CodesBlock) -> [CodeLabel] {
        block.codes.filter { !previous.missingCodes.contains($0.code) }
    }

    /// Word overlap (Jaccard) of two texts.
    static func similarity(_ a: String, _ b: String) -> Double {
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        }
        let (x, y) = (words(a), words(b))
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }
}
