import Foundation

/// A read-only file opened for positioned reads. Used only inside one call (not shared).
final class XLSXFile {
    let path: String
    let size: UInt64
    private let handle: FileHandle

    init(path: String) throws(FileError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw .unreadable(file: path, reason: "it is a directory, not a file")
        }
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            size = try handle.seekToEnd()
        } catch {
            throw .unreadable(file: path, reason: "cannot open it (\(error.localizedDescription))")
        }
    }

    deinit {
        try? handle.close()
    }

    /// Reads exactly `count` bytes at `offset`, or fails with `.notAWorkbook` (`what` names the
    /// structure being read, for the message).
    func read(at offset: UInt64, count: Int, what: String) throws(FileError) -> Data {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else {
            throw .notAWorkbook(file: path, reason: "the zip archive is truncated or damaged (\(what) lies beyond the end of the file)")
        }
        if count == 0 { return Data() }
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
