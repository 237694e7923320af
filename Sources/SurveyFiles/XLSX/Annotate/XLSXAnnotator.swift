import Foundation
import SurveyModel

/// `caresurvey validate RETURN.xlsx --annotate OUT.xlsx`: a copy of the council's own workbook
/// with every problem cell highlighted (a fill: red for errors, amber for warnings) and explained
/// by a cell note, and a first sheet listing every problem with a link to its cell.
///
/// Everything else is kept exactly: the parts it must change are patched in place (new cell
/// formats appended to `styles.xml`, never an existing one changed; only the problem cells' `s`
/// attributes in the data sheet; new notes appended after the sheet's own), and every other zip
/// entry is copied byte for byte (the same compressed data, CRC and timestamp). The input is only
/// read, and the output is refused when it would replace the input.
public enum XLSXAnnotator {
    public struct Summary: Sendable, Equatable {
        /// Problems listed on the first sheet.
        public var problems: Int
        /// Cells highlighted.
        public var cells: Int
        /// The sheet whose cells were highlighted.
        public var sheet: String
        /// Name of the problem list sheet.
        public var listSheet: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case file(FileError)
        case unsupported(file: String, reason: String)
        case cannotWrite(String)

        public var description: String {
            switch self {
            case let .file(error): return error.description
            case let .unsupported(file, reason): return "\(file): cannot annotate this workbook: \(reason)"
            case let .cannotWrite(reason): return reason
            }
        }
    }

    static let worksheetType = XLSXPackageParts.relationshipNamespace + "/worksheet"
    static let commentsType = XLSXPackageParts.relationshipNamespace + "/comments"
    static let vmlType = XLSXPackageParts.relationshipNamespace + "/vmlDrawing"

    /// Writes the annotated copy of `input` to `output` (atomically; never over the input).
    @discardableResult
    public static func annotate(_ input: String, diagnostics: [Diagnostic], codebook: Codebook, to output: String) throws(Failure) -> Summary {
        let (bytes, summary) = try data(input, diagnostics: diagnostics, codebook: codebook)
        do { try OutputFile.write(bytes, to: output, inputs: [input]) } catch { throw .cannotWrite(error.description) }
        return summary
    }

    /// The annotated copy's bytes.
    public static func data(_ input: String, diagnostics: [Diagnostic], codebook: Codebook) throws(Failure) -> (Data, Summary) {
        do {
            return try build(input, diagnostics: diagnostics, codebook: codebook)
        } catch let error as Failure {
            throw error
        } catch let error as FileError {
            throw .file(error)
        } catch let error as XLSXSheetPatcher.Failure {
            if case let .malformed(reason) = error { throw .unsupported(file: input, reason: reason) }
            throw .unsupported(file: input, reason: "\(error)")
        } catch let error as XLSXStylesPatcher.Failure {
            if case let .malformed(reason) = error { throw .unsupported(file: input, reason: "styles: " + reason) }
            throw .unsupported(file: input, reason: "\(error)")
        } catch {
            throw .unsupported(file: input, reason: "\(error)")
        }
    }

    private static func build(_ input: String, diagnostics: [Diagnostic], codebook: Codebook) throws -> (Data, Summary) {
        let workbook = try XLSXWorkbook(path: input)
        let file = try XLSXFile(path: input)
        let directory = workbook.directory
        func part(_ name: String) throws -> [UInt8]? {
            guard let entry = directory.entry(named: name) else { return nil }
            return try XLSXZipInflater.extract(entry, from: file, limits: workbook.limits)
        }
        func require(_ name: String) throws -> [UInt8] {
            guard let bytes = try part(name) else { throw Failure.unsupported(file: input, reason: "no \(name)") }
            return bytes
        }
        // The data sheet and its cells.
        let sheetName = diagnostics.first { $0.sheet != nil && $0.row != nil }?.sheet ?? codebook.excel.sheet
        guard let sheetIndex = workbook.sheets.firstIndex(where: { $0.name == sheetName }), let sheetPart = workbook.sheetParts[sheetIndex],
              let sheetEntry = directory.entry(named: sheetPart) else {
            throw Failure.unsupported(file: input, reason: "no sheet \"\(sheetName)\"")
        }
        let columns = try columnsOfFields(workbook: workbook, sheet: sheetName, codebook: codebook)
        let cells = locate(diagnostics, sheet: sheetName, columns: columns)

        // Styles: highlight formats appended.
        var styles = try XLSXStylesPatcher(require("xl/styles.xml"))
        let listStyles = styles.listStyles()
        let sheetXML = try XLSXZipInflater.extract(sheetEntry, from: file, limits: workbook.limits)
        var patchedSheet = try XLSXSheetPatcher.patch(sheetXML, targets: Set(cells.keys)) { target, original in
            styles.highlighted(original, error: cells[target] ?? true)
        }
        let notes = notesByCell(diagnostics, sheet: sheetName, columns: columns)

        var changed: [String: [UInt8]] = [:]
        var added: [(String, [UInt8])] = []
        var contentOverrides: [(String, String)] = []
        let names = Set(directory.entries.map { $0.name.lowercased() })
        func fresh(_ base: String, _ ext: String) -> String {
            var name = base + "." + ext
            var n = 2
            while names.contains(name.lowercased()) || added.contains(where: { $0.0 == name }) { name = "\(base)\(n).\(ext)"; n += 1 }
            return name
        }

        // Notes: the sheet's comments part and VML drawing, appended to or created.
        let sheetDir = (sheetPart as NSString).deletingLastPathComponent
        let relsName = sheetDir + "/_rels/" + (sheetPart as NSString).lastPathComponent + ".rels"
        var rels = try part(relsName)
        let existing = rels.map { XLSXRelationships.parse($0) } ?? []
        var noteCells = notes
        if let comments = existing.first(where: { $0.type == commentsType }) {
            let name = XLSXRelationships.resolve(comments.target, from: sheetDir)
            let (xml, kept) = try XLSXCommentParts.append(notes, to: require(name))
            changed[name] = xml
            noteCells = kept
        } else {
            let name = fresh("xl/comments-caresurvey", "xml")
            added.append((name, XLSXCommentParts.newComments(notes)))
            contentOverrides.append(("/" + name, "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"))
            rels = XLSXRelationships.add(type: commentsType, target: XLSXRelationships.relative(name, from: sheetDir), to: rels).0
        }
        var needsVMLDefault = false
        if let vml = existing.first(where: { $0.type == vmlType }) {
            let name = XLSXRelationships.resolve(vml.target, from: sheetDir)
            changed[name] = try XLSXCommentParts.append(noteCells, toDrawing: require(name))
        } else {
            let name = fresh("xl/drawings/vmlDrawing-caresurvey", "vml")
            added.append((name, XLSXCommentParts.newDrawing(noteCells)))
            needsVMLDefault = true
            let (newRels, id) = XLSXRelationships.add(type: vmlType, target: XLSXRelationships.relative(name, from: sheetDir), to: rels)
            rels = newRels
            patchedSheet = try XLSXWorkbookPatcher.addLegacyDrawing(patchedSheet, relationship: id)
        }
        if let rels {
            if directory.entry(named: relsName) != nil { changed[relsName] = rels } else { added.append((relsName, rels)) }
        }
        changed[sheetPart] = patchedSheet
        changed["xl/styles.xml"] = try styles.result()

        // The problem list, first in the workbook.
        let listName = freshSheetName("CareSurvey problems", taken: workbook.sheetNames)
        let listPart = fresh("xl/worksheets/caresurvey-problems", "xml")
        let list = XLSXAnnotationList.sheet(name: listName, file: input, diagnostics: diagnostics, cells: cells, dataSheet: sheetName,
                                            columns: columns)
        added.append((listPart, try XLSXSheetXML.bytes(list, inlineStyles: listStyles)))
        let workbookRels = try require("xl/_rels/workbook.xml.rels")
        let (newWorkbookRels, listID) = XLSXRelationships.add(type: worksheetType, target: XLSXRelationships.relative(listPart, from: "xl"),
                                                             to: workbookRels)
        changed["xl/_rels/workbook.xml.rels"] = newWorkbookRels
        changed["xl/workbook.xml"] = try XLSXWorkbookPatcher.insertFirstSheet(require("xl/workbook.xml"), name: listName, relationship: listID)
        contentOverrides.append(("/" + listPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
        changed["[Content_Types].xml"] = try XLSXWorkbookPatcher.addContentTypes(require("[Content_Types].xml"), overrides: contentOverrides,
                                                                                vmlDefault: needsVMLDefault)

        // The package: changed parts rewritten, every other entry copied raw, new parts last.
        var archive = ZipArchiveWriter(level: 1)  // fastest: the data sheet alone can be 45 MB of XML
        for entry in directory.entries {
            if let bytes = changed[entry.name] {
                try archive.add(entry.name, bytes)
            } else {
                try archive.addRaw(entry.name, compressed: XLSXZipInflater.rawData(entry, from: file), method: entry.method, flags: entry.flags,
                                   crc: entry.crc32, uncompressedSize: entry.uncompressedSize,
                                   time: entry.modificationTime, date: entry.modificationDate)
            }
        }
        for (name, bytes) in added { try archive.add(name, bytes) }
        let summary = Summary(problems: diagnostics.count, cells: cells.count, sheet: sheetName, listSheet: listName)
        return (Data(try archive.finish()), summary)
    }

    /// Each diagnostic's cell in the data sheet (header matched as the loader matches it), with
    /// whether any error (not just warnings) is in it.
    static func locate(_ diagnostics: [Diagnostic], sheet: String, columns: [String: Int]) -> [XLSXSheetPatcher.Target: Bool] {
        var cells: [XLSXSheetPatcher.Target: Bool] = [:]
        for d in diagnostics {
            guard let target = cell(of: d, sheet: sheet, columns: columns) else { continue }
            cells[target] = (cells[target] ?? false) || d.severity == .error
        }
        return cells
    }

    static func cell(of d: Diagnostic, sheet: String, columns: [String: Int]) -> XLSXSheetPatcher.Target? {
        guard d.sheet == sheet, let row = d.row, row >= 1, let name = d.column, let column = columns[name] else { return nil }
        return XLSXSheetPatcher.Target(row: row, column: column)
    }

    static func columnsOfFields(workbook: XLSXWorkbook, sheet: String, codebook: Codebook) throws -> [String: Int] {
        var sink = XLSXGridSink()
        try workbook.readSheet(sheet, upToRow: codebook.excel.headerRow, into: &sink)
        let headerCells = sink.grid[codebook.excel.headerRow] ?? [:]
        let width = (headerCells.keys.max() ?? -1) + 1
        let header = (0..<width).map { headerCells[$0] ?? "" }
        let match = HeaderMatcher.match(header: header, codebook: codebook, mode: .excel)
        var columns: [String: Int] = [:]
        for (i, column) in match.fieldColumn.enumerated() { if let column { columns[codebook.fields[i].name] = column } }
        return columns
    }

    private static func notesByCell(_ diagnostics: [Diagnostic], sheet: String, columns: [String: Int]) -> [XLSXCommentParts.Note] {
        var texts: [XLSXSheetPatcher.Target: [String]] = [:]
        for d in diagnostics {
            guard let target = cell(of: d, sheet: sheet, columns: columns) else { continue }
            texts[target, default: []].append("\(d.severity.rawValue) (\(d.rule)): \(d.message)")
        }
        return texts.keys.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
            .map { XLSXCommentParts.Note(row: $0.row, column: $0.column, text: texts[$0]!.joined(separator: "\n")) }
    }

    static func freshSheetName(_ base: String, taken: [String]) -> String {
        let lower = Set(taken.map { $0.lowercased() })
        var name = base
        var n = 2
        while lower.contains(name.lowercased()) { name = "\(base) \(n)"; n += 1 }
        return name
    }
}
