import Foundation

/// A read-only file opened for positioned reads. Used only inside one call (not shared).
final class XLSXFile {
    let path: String
    let size: UInt64
    /// nil when the whole file is in `contents`.
    private let handle: FileHandle?
    /// The whole file, read at once when it is at most `wholeFileLimit` bytes (an official return
    /// is a few hundred kB): the zip directory and every part are then sliced from memory instead
    /// of a seek and a read each, and re-opening the workbook for each sheet costs no system call.
    let contents: Data?
    static let wholeFileLimit: UInt64 = 16 << 20

    /// A file already read into memory.
    init(path: String, contents: Data) {
        self.path = path
        self.size = UInt64(contents.count)
        self.contents = contents
        handle = nil
    }

    /// Opens `path`; reads it whole when it is at most `wholeFileLimit` bytes.
    init(path: String, wholeFileLimit: UInt64 = XLSXFile.wholeFileLimit) throws(FileError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw .unreadable(file: path, reason: "it is a directory, not a file")
        }
        let opened: FileHandle
        do {
            opened = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            size = try opened.seekToEnd()
        } catch {
            throw .unreadable(file: path, reason: "cannot open it (\(error.localizedDescription))")
        }
        // A failed or short whole read is not an error here: the file is then read part by part.
        if size <= wholeFileLimit, (try? opened.seek(toOffset: 0)) != nil,
           let all = try? opened.read(upToCount: Int(size)) ?? Data(), all.count == Int(size) {
            contents = all
            try? opened.close()
            handle = nil
        } else {
            contents = nil
            handle = opened
        }
    }

    deinit {
        try? handle?.close()
    }

    /// Reads exactly `count` bytes at `offset`, or fails with `.notAWorkbook` (`what` names the
    /// structure being read, for the message).
    func read(at offset: UInt64, count: Int, what: String) throws(FileError) -> Data {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else {
            throw .notAWorkbook(file: path, reason: "the zip archive is truncated or damaged (\(what) lies beyond the end of the file)")
        }
        if count == 0 { return Data() }
        guard let handle else {
            let start = contents!.startIndex + Int(offset)
            return contents!.subdata(in: start..<(start + count))
        }
        let data: Data?
        do {
            try handle.seek(toOffset: offset)
            data = try handle.read(upToCount: count)
        } catch {
            throw .unreadable(file: path, reason: "read error (\(error.localizedDescription))")
        }
        guard let data, data.count == count else {
            throw .notAWorkbook(file: path, reason: "the zip archive is truncated (\(what) is cut short)")
        }
        return data
    }

    /// Reads up to `count` bytes from the start of the file.
    func readPrefix(_ count: Int) throws(FileError) -> Data {
        try read(at: 0, count: Int(min(UInt64(count), size)), what: "the file header")
    }
}
