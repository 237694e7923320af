import Foundation

/// Writes outputs atomically (a temporary file in the same folder, then a rename), and never
/// over one of the inputs.
public enum OutputFile {
    public enum WriteError: Error, CustomStringConvertible {
        case wouldOverwriteInput(String)
        case cannotWrite(path: String, reason: String)
        public var description: String {
            switch self {
            case let .wouldOverwriteInput(path): return "\(path): refusing to write the output over an input file"
            case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
            }
        }
    }

    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
        try write(Data(text.utf8), to: path, inputs: inputs)
    }

    public static func write(_ data: Data, to path: String, inputs: [String] = []) throws(WriteError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL
        for input in inputs {
            let url = URL(fileURLWithPath: input).resolvingSymlinksInPath().standardizedFileURL
            if url.path == target.path { throw .wouldOverwriteInput(path) }
            // Also refuse to write inside an input folder's files? Only exact files are inputs.
        }
        // The same file under a name that differs as text: `Returns.csv` for `returns.csv` on a
        // case-insensitive file system (the macOS default), or a hard link. Compared by identity.
        var targetInfo = stat()
        if stat(target.path, &targetInfo) == 0 {
            // An atomic rename over a device, a pipe or a folder would replace it (as root, even
            // /dev/null): only regular files are written over.
            guard (targetInfo.st_mode & S_IFMT) == S_IFREG else {
                throw .cannotWrite(path: path, reason: "not a regular file; give a file name (leave out the output option to print instead)")
            }
            for input in inputs {
                var inputInfo = stat()
                if stat(input, &inputInfo) == 0, inputInfo.st_dev == targetInfo.st_dev, inputInfo.st_ino == targetInfo.st_ino {
                    throw .wouldOverwriteInput(path)
                }
            }
        }
        let dir = target.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: temp)
            if rename(temp.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temp)
                throw WriteError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
