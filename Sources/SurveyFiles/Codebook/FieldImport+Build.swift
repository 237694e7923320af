import SurveyModel

extension FieldImport {
    /// A previous field carried onto its new column: new header, text, number and codes.
    mutating func carried(_ old: Field, _ col: CodebookTemplate.Column, codes: [CodeLabel]?, easy: [Int]?,
                          into report: inout CodebookChangeReport) -> Field {
        var f = old
        let name = col.questionID ?? old.name
        if old.isQuestion, name != old.name {
            repointer.rename[old.name] = name
            report.renumbered.append(.init(from: old.name, to: name))
            f.name = name
            f.key = name + "-"
            f.label = Self.renumberLabel(old.label, from: old.name, to: name)
        }
        if old.isQuestion {
            let text = col.questionText ?? ""
            if TemplateText.textKey(old.text ?? "") != TemplateText.textKey(text) {
                report.reworded.append(.init(field: name, before: old.text ?? "", after: text))
            }
            f.text = text
        } else if let header = old.header, TemplateText.adminKey(header) != TemplateText.adminKey(col.header) {
            report.reworded.append(.init(field: name, before: header, after: col.header))
        }
        f.header = col.header
        if let codes, old.kind == .code {
            let change = Self.compare(old.codes ?? [], codes, field: name)
            repointer.codeMaps[old.name] = change.map
            if !change.relabelled.isEmpty { repointer.relabelled[old.name] = change.relabelled }
            if let added = change.report?.added, !added.isEmpty { repointer.addedCodes[old.name] = added }
            if let list = change.report { report.codeLists.append(list) }
            f.codes = codes
        } else if old.kind == .code {
            report.notes.append("\(name): the codes sheet has no block for \"\(Self.firstLine(col.header))\"; codes kept from \(previous.id)")
        }
        if let easy { f.easyReadCodes = easy } else if old.easyReadCodes != nil {
            report.notes.append("\(name): the codes sheet has no easy-read block; easy-read codes kept from \(previous.id)")
        }
        if col.voluntary, old.isMandatory {
            f.mandatory = nil
            report.mandatory.append(.init(field: name, before: true, after: false))
        } else if !col.voluntary, !col.generated, !old.isMandatory, !old.isExcelOnly, !old.isQuestion {
            report.notes.append("\(name) (column \(col.letter)): the header does not say voluntary; kept voluntary as in \(previous.id)")
        }
        return f
    }

    /// A column with no previous field: a new question or admin field, an open point.
    mutating func added(_ col: CodebookTemplate.Column, codes: [CodeLabel]?, easy: [Int]?,
                        into report: inout CodebookChangeReport) -> Field {
        let first = Self.firstLine(col.header)
        var f: Field
        if let id = col.questionID {
            let text = col.questionText ?? ""
            let short = text.split(separator: " ").prefix(8).joined(separator: " ")
            f = Field(name: id, key: id + "-", label: Self.display(id) + " " + short, kind: codes == nil ? .freeText : .code,
                      codes: codes, easyReadCodes: easy, question: true, mandatory: col.voluntary ? nil : true, text: text)
            report.openPoints.append("fields.\(id): new question in column \(col.letter) (\"\(short)\"): check its label, its codes and whether a measure should use it")
        } else {
            var name = Self.camelCase(TemplateText.adminWords(first))
            if name.isEmpty || result.contains(where: { $0.name == name }) || previous.field(name) != nil { name += col.letter }
            f = Field(name: name, key: HeaderMatcher.normalise(col.header), label: first, kind: codes == nil ? .text : .code, codes: codes,
                      mandatory: col.voluntary || col.generated ? nil : true, excelOnly: col.generated ? true : nil)
            report.openPoints.append("fields.\(name): new column \(col.letter) (\"\(first)\"): check its name, kind and validation")
        }
        f.header = col.header
        report.added.append(.init(name: f.name, column: col.letter, header: col.header, mandatory: f.isMandatory))
        return f
    }

    /// Makes every key find its own column under the reading rule; a key that would claim another
    /// column (or none) becomes the whole normalised header.
    mutating func fixKeys(into report: inout CodebookChangeReport) {
        var codebook = previous
        for _ in 0..<2 {
            codebook.fields = result
            let match = HeaderMatcher.match(header: template.columns.map(\.header), codebook: codebook, mode: .excel)
            var changed = false
            for (index, column) in match.fieldColumn.enumerated() where column != index {
                let key = HeaderMatcher.normalise(template.columns[index].header)
                guard result[index].key != key else { continue }
                report.notes.append("\(result[index].name): key \"\(result[index].key ?? "")\" no longer finds column \(template.columns[index].letter); key set to its whole header")
                result[index].key = key
                changed = true
            }
            if !changed { return }
        }
    }

    struct Comparison {
        var map: [Int: Int?] = [:]
        var relabelled: [Int: String] = [:]
        var report: CodebookChangeReport.CodeListChange?
    }

    /// Old and new code lists paired by label: the same label under another number is re-coded, a
    /// new label on an old number is relabelled, the rest are added or removed.
    static func compare(_ old: [CodeLabel], _ new: [CodeLabel], field: String) -> Comparison {
        var out = Comparison()
        var change = CodebookChangeReport.CodeListChange(field: field, added: [], removed: [], relabelled: [], recoded: [])
        var taken = Set<Int>()
        for item in old {
            let key = TemplateText.textKey(item.label)
            let same = new.filter { TemplateText.textKey($0.label) == key && !taken.contains($0.code) }
            guard let pick = same.first(where: { $0.code == item.code }) ?? same.first else { out.map[item.code] = .some(nil); continue }
            taken.insert(pick.code)
            out.map[item.code] = pick.code
            if pick.code != item.code { change.recoded.append(.init(label: item.label, before: item.code, after: pick.code)) }
        }
        for item in old where out.map[item.code] == .some(nil) {
            if let reworded = new.first(where: { $0.code == item.code && !taken.contains($0.code) }) {
                taken.insert(reworded.code)
                out.map[item.code] = item.code
                out.relabelled[item.code] = "\"\(item.label)\" → \"\(reworded.label)\""
                change.relabelled.append(.init(code: item.code, before: item.label, after: reworded.label))
            } else {
                change.removed.append(item)
            }
        }
        change.added = new.filter { !taken.contains($0.code) }
        let unchanged = change.added.isEmpty && change.removed.isEmpty && change.relabelled.isEmpty && change.recoded.isEmpty
        out.report = unchanged ? nil : change
        return out
    }

    static func display(_ id: String) -> String { "Q" + id.dropFirst() }

    static func renumberLabel(_ label: String, from old: String, to new: String) -> String {
        let prefix = display(old)
        guard label.hasPrefix(prefix + " ") || label == prefix else { return label }
        return display(new) + label.dropFirst(prefix.count)
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(whereSeparator: \.isNewline).first ?? "").templateTrimmed
    }

    static func camelCase(_ words: [String]) -> String {
        words.prefix(5).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }
}
