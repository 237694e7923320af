import Foundation

/// A large regular file mapped read-only into memory (`mmap`), as `Data` that does not copy it:
/// the kernel's page cache backs the bytes, so reading a file of gigabytes costs no copy and no
/// anonymous memory, and `ParallelCSV.releasePages` can give a parsed chunk's pages back.
/// Files under `threshold`, and anything that cannot be mapped (pipes, special files, errors),
/// are read with `readFile` as before, with its error messages.
enum MappedFile {
    /// Smaller files are read into memory (a copy is cheaper than setting up a mapping).
    static let threshold = 8 << 20

    /// The bytes of `path`; `mapped` says whether they are a mapping of the file (whose pages may
    /// be released once read) or a copy.
    static func read(_ path: String) throws(FileError) -> (data: Data, mapped: Bool) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return (try readFile(path), false) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= threshold else {
            close(fd)
            return (try readFile(path), false)
        }
        let size = Int(info.st_size)
        let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        close(fd)
        guard let pointer, pointer != MAP_FAILED else { return (try readFile(path), false) }
        _ = madvise(pointer, size, Int32(MADV_SEQUENTIAL))
        let data = Data(bytesNoCopy: pointer, count: size, deallocator: .custom { p, n in _ = munmap(p, n) })
        return (data, true)
    }
}
