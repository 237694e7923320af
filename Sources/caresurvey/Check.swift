import ArgumentParser
import Foundation
import CareSurveyKit

/// Checks of option values, run by the commands' `validate()` before any work: a bad value is a
/// usage error (exit 2) with a message naming the option; a path that does not exist or cannot be
/// read is exit 3 (the message printed here). Nothing here reads a file's content.
enum Check {
    /// A level or significance in the open interval (0, 1); NaN and infinities are refused.
    static func open01(_ value: Double, _ option: String) throws {
        guard value.isFinite, value > 0, value < 1 else { throw ValidationError("\(option) must be between 0 and 1 (exclusive), not \(value)") }
    }

    /// A proportion in (0, 1].
    static func rate(_ value: Double?, _ option: String) throws {
        guard let value else { return }
        guard value.isFinite, value > 0, value <= 1 else { throw ValidationError("\(option) must be in (0, 1], not \(value)") }
    }

    static func nonNegative(_ value: Int?, _ option: String) throws {
        guard let value else { return }
        guard value >= 0 else { throw ValidationError("\(option) must be 0 or more, not \(value)") }
    }

    static func positive(_ value: Int?, _ option: String) throws {
        guard let value else { return }
        guard value > 0 else { throw ValidationError("\(option) must be 1 or more, not \(value)") }
    }

    /// A survey year: `YYYY-YY` with consecutive years (2021-22).
    static func surveyYear(_ value: String?, _ option: String) throws {
        guard let value else { return }
        let b = Array(value.utf8)
        let digits = b.count == 7 && b[4] == UInt8(ascii: "-") && (b[0..<4] + b[5..<7]).allSatisfy { $0 >= 48 && $0 <= 57 }
        guard digits, let first = Int(value.prefix(4)), let second = Int(value.suffix(2)), (first + 1) % 100 == second else {
            throw ValidationError("\(option) must be a survey year such as 2021-22, not \"\(value)\"")
        }
    }

    /// A council code: letters and digits only (e.g. 716, E09000033).
    static func council(_ value: String?, _ option: String) throws {
        guard let value else { return }
        guard !value.isEmpty, value.utf8.count <= 16,
              value.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else {
            throw ValidationError("\(option) must be a council code of letters and digits (e.g. 716), not \"\(value)\"")
        }
    }

    /// Input paths: not empty text, existing (exit 3 otherwise), and regular files unless `folders`.
    static func inputs(_ paths: [String], _ what: String, folders: Bool) throws {
        for path in paths {
            guard !path.isEmpty else { throw ValidationError("\(what): an empty path was given") }
            var info = stat()
            guard stat(path, &info) == 0 else { throw unreadable("\(path): no such file or folder (\(what))") }
            let isDir = (info.st_mode & S_IFMT) == S_IFDIR
            let isFile = (info.st_mode & S_IFMT) == S_IFREG
            if isDir && !folders { throw ValidationError("\(what) \(path): a folder, not a file") }
            if !isDir && !isFile { throw ValidationError("\(what) \(path): not a regular file") }
            guard access(path, R_OK) == 0 else { throw unreadable("\(path): cannot be read (permission denied)") }
        }
    }

    /// Exit 3 from `validate()`: the argument parser passes an `ExitCode` through unchanged.
    private static func unreadable(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("caresurvey: \(message)\n".utf8))
        return ExitCode(3)
    }

    /// An output path: not empty, not a folder or device, not one of the inputs.
    static func output(_ path: String?, _ option: String, inputs: [String]) throws {
        guard let path else { return }
        guard !path.isEmpty else { throw ValidationError("\(option): an empty path was given") }
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw ValidationError("\(option) \(path): a folder; give a file name") }
            if (info.st_mode & S_IFMT) != S_IFREG {
                throw ValidationError("\(option) \(path): not a regular file (to discard the output, leave out \(option))")
            }
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
                    throw ValidationError("\(option) \(path): is an input; refusing to write over it")
                }
            }
        }
    }

    /// An output folder (`example`): not empty text, not an existing file.
    static func outputFolder(_ path: String, _ option: String) throws {
        guard !path.isEmpty else { throw ValidationError("\(option): an empty path was given") }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw ValidationError("\(option) \(path): exists and is not a folder")
        }
    }

    /// `--by`: council, england, domain names or an existing LaCode,Group file (comma-separated).
    static func grouping(_ by: String) throws {
        let parts = by.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { throw ValidationError("--by: an empty value was given") }
        // A name that is neither a built-in domain nor a file may be a domain of a --data folder's
        // codebook: it is checked when the codebooks are loaded (a usage error if it is not one).
        try inputs(EstimationArguments.groupFiles(by).filter { FileManager.default.fileExists(atPath: $0) }, "--by", folders: false)
    }
}
