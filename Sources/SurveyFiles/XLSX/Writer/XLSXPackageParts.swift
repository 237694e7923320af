/// The fixed parts of a minimal workbook package (content types, relationships, workbook, styles).
enum XLSXPackageParts {
    static let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".utf8)
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeDocumentType = relationshipNamespace + "/officeDocument"
    private static let worksheetType = relationshipNamespace + "/worksheet"
    private static let stylesType = relationshipNamespace + "/styles"
    private static let sharedStringsType = relationshipNamespace + "/sharedStrings"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var xml = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(contentTypePrefix)sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(contentTypePrefix)styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(contentTypePrefix)sharedStrings+xml\"/>"
        for index in 1...max(sheetCount, 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"\(contentTypePrefix)worksheet+xml\"/>"
        }
        xml += "</Types>"
        return declaration + Array(xml.utf8)
    }

    static let rootRelationships: [UInt8] = declaration + Array(
        ("<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
         + "<Relationship Id=\"rId1\" Type=\"\(officeDocumentType)\" Target=\"xl/workbook.xml\"/>"
         + "</Relationships>").utf8)

    static func workbook(sheetNames: [String]) -> [UInt8] {
        var xml = "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"16000\" windowHeight=\"10000\"/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += "<sheet name=\"\(XLSXEscape.attribute(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets></workbook>"
        return declaration + Array(xml.utf8)
    }

    /// Sheets are rId1…rIdN; styles and shared strings follow.
    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var xml = "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for index in 1...max(sheetCount, 1) {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(worksheetType)\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(stylesType)\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(sharedStringsType)\" Target=\"sharedStrings.xml\"/>"
        xml += "</Relationships>"
        return declaration + Array(xml.utf8)
    }

    /// Four fonts (normal, title, bold, link), the two required fills, one border, and one cell
    /// format per `XLSXWriter.Style`, in its order. Custom number formats: 164 `0.0%`, 165 `0.000`,
    /// 166 `0.0000`; built-in 3 `#,##0` and 1 `0`.
    static let styles: [UInt8] = declaration + Array(
        ("<styleSheet xmlns=\"\(mainNamespace)\">"
         + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/><numFmt numFmtId=\"165\" formatCode=\"0.000\"/>"
         + "<numFmt numFmtId=\"166\" formatCode=\"0.0000\"/></numFmts>"
         + "<fonts count=\"4\"><font><sz val=\"10\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
         + "<font><b/><sz val=\"14\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
         + "<font><b/><sz val=\"10\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
         + "<font><u/><sz val=\"10\"/><color rgb=\"FF0563C1\"/><name val=\"Arial\"/><family val=\"2\"/></font></fonts>"
         + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
         + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
         + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
         + "<cellXfs count=\"\(XLSXWriter.Style.allCases.count)\">"
         + XLSXWriter.Style.allCases.map(cellFormat).joined()
         + "</cellXfs>"
         + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
         + "</styleSheet>").utf8)

    private static func cellFormat(_ style: XLSXWriter.Style) -> String {
        let (format, font): (Int, Int)
        switch style {
        case .normal, .wrapped: (format, font) = (0, 0)
        case .title: (format, font) = (0, 1)
        case .header: (format, font) = (0, 2)
        case .count: (format, font) = (3, 0)
        case .percent: (format, font) = (164, 0)
        case .decimal: (format, font) = (165, 0)
        case .pValue: (format, font) = (166, 0)
        case .link: (format, font) = (0, 3)
        case .whole: (format, font) = (1, 0)
        }
        var xf = "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
        if format != 0 { xf += " applyNumberFormat=\"1\"" }
        if font != 0 { xf += " applyFont=\"1\"" }
        if style == .wrapped { return xf + " applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>" }
        return xf + "/>"
    }
}
