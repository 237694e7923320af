import Foundation

/// Recognises what a file is from its first bytes before it is opened as a zip archive.
enum XLSXSniffer {
    static let ole2Magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// "EncryptedPackage" in UTF-16LE: the stream an encrypted OOXML file keeps in its OLE2 container.
    static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

    /// Returns when the file starts like a zip archive; otherwise throws the matching error.
    static func check(_ file: XLSXFile) throws(FileError) {
        let head = [UInt8](try file.readPrefix(512))
        let path = file.path
        if head.isEmpty { throw .notAWorkbook(file: path, reason: "the file is empty") }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return }
        if head.starts(with: ole2Magic) {
            if try containsEncryptedPackage(file) { throw .encryptedWorkbook(file: path) }
            throw .legacyExcel(file: path)
        }
        if head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            throw .notAWorkbook(file: path, reason: "an empty zip archive")
        }
        throw .notAWorkbook(file: path, reason: describe(head))
    }

    private static func describe(_ head: [UInt8]) -> String {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let firstNonSpace = bytes.first { !XLSXXMLCursor.isSpace($0) }
        let isText = bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) {
            return "a PDF document, not an Excel workbook"
        }
        if isText, firstNonSpace == UInt8(ascii: "<") {
            return "an HTML or XML text file named like a workbook (perhaps a web page or an old XML spreadsheet); open it in Excel and save it as an Excel Workbook (.xlsx)"
        }
        if isText {
            return "a text file (perhaps CSV) named like a workbook; an .xlsx workbook is a zip archive"
        }
        return "not a zip archive (an .xlsx workbook is a zip archive starting with \"PK\")"
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Searches the whole OLE2 file, in chunks, for the UTF-16LE name "EncryptedPackage".
    private static func containsEncryptedPackage(_ file: XLSXFile) throws(FileError) -> Bool {
        let needle = encryptedPackageName
        let chunk = 1 << 20
        var offset: UInt64 = 0
        var carry: [UInt8] = []
        while offset < file.size {
            let n = Int(min(UInt64(chunk), file.size - offset))
            let data = try file.read(at: offset, count: n, what: "the file")
            var window = carry
            window.append(contentsOf: data)
            if contains(window, needle) { return true }
            carry = Array(window.suffix(needle.count - 1))
            offset += UInt64(n)
        }
        return false
    }
}
