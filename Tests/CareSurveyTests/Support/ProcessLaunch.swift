import Foundation

/// Every child process the tests start goes through here. swift-corelibs-foundation's
/// `Process.run()` is not safe to call from several threads at once (CI crashed once in a `memcpy`
/// inside `Process.run()` while the hostile-option test and a Python check launched together), so
/// launches are serialised; the children still run in parallel. Pipes are read with `read(2)`,
/// retried on EINTR, because `FileHandle.readDataToEndOfFile()` traps on an interrupted read.
enum ProcessLaunch {
    private static let lock = NSLock()

    static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }

    /// Everything until end of file from a pipe's reading end.
    static func readAll(_ handle: FileHandle) -> Data {
        let fd = handle.fileDescriptor
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                data.append(contentsOf: buffer[0..<n])
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return data
    }
}
