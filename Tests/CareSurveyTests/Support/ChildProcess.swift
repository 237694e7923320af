import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every child process the tests start goes through here, launched with `posix_spawn` and read
/// with `poll`/`read` on the calling thread. Foundation's `Process` is not used: on Linux its
/// `run()` crashes intermittently (a 256-byte over-read of `dirent.d_name` while it lists
/// `/proc/self/fd`, swift-corelibs-foundation PR #5472; CI hit it twice, once with launches already
/// serialised), and its `readDataToEndOfFile()` traps on an interrupted read.
///
/// Pipes are created close-on-exec, so one child never holds another child's pipe open; the
/// child's standard input is `/dev/null`.
enum ChildProcess {
    struct Outcome: Sendable {
        var status: Int32
        /// True when the child ended by a signal that the timeout did not send.
        var signalled: Bool
        var timedOut: Bool
        var stdout: Data
        var stderr: Data
    }

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    // glibc's pipe2 and posix_spawn_file_actions_addchdir_np are GNU extensions that the Glibc
    // module does not import; they are looked up once in the C library.
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private nonisolated(unsafe) static let pipe2: Pipe2? = symbol("pipe2")
    private nonisolated(unsafe) static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")

    private static func symbol<F>(_ name: String) -> F? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: F.self)
    }

    private static func makePipe(_ fds: inout [Int32]) throws {
        guard let pipe2 else { throw LaunchError(description: "pipe2 is not in the C library") }
        guard fds.withUnsafeMutableBufferPointer({ pipe2($0.baseAddress!, O_CLOEXEC) }) == 0 else {
            throw LaunchError(description: "pipe2: errno \(errno)")
        }
    }

    /// Runs `executable arguments…` in `directory` with exactly `environment`, collecting standard
    /// output and standard error (both into `stdout` when `mergeStandardError`). After `timeout`
    /// seconds the child is killed and `timedOut` is set.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    directory: String, mergeStandardError: Bool = false,
                    timeout: TimeInterval = 120) throws -> Outcome {
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard let addChdir else { throw LaunchError(description: "posix_spawn_file_actions_addchdir_np is not in the C library") }
        try makePipe(&outPipe)
        if !mergeStandardError {
            do { try makePipe(&errPipe) } catch {
                close(outPipe[0]); close(outPipe[1])
                throw error
            }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, mergeStandardError ? outPipe[1] : errPipe[1], 2)
        _ = addChdir(&actions, directory)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        // Its own process group, so that a timeout kills whatever the child started too.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outPipe[1])
        if !mergeStandardError { close(errPipe[1]) }
        guard spawned == 0 else {
            close(outPipe[0])
            if !mergeStandardError { close(errPipe[0]) }
            throw LaunchError(description: "posix_spawn \(executable): \(String(cString: strerror(spawned)))")
        }

        var collected = [Data(), Data()]
        var open: [Int32] = mergeStandardError ? [outPipe[0]] : [outPipe[0], errPipe[0]]
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 && !timedOut {
                timedOut = true
                kill(-pid, SIGKILL)
            }
            let waitMs = timedOut ? 1000 : Int32(min(remaining * 1000, 1000).rounded(.up))
            let ready = poll(&fds, nfds_t(fds.count), max(waitMs, 1))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            var finished: [Int32] = []
            for entry in fds where entry.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    collected[entry.fd == outPipe[0] ? 0 : 1].append(contentsOf: buffer[0..<n])
                } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
                    continue
                } else {
                    finished.append(entry.fd)
                }
            }
            for fd in finished { close(fd) }
            open.removeAll { finished.contains($0) }
        }
        for fd in open { close(fd) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { throw LaunchError(description: "waitpid: errno \(errno)") }
        }
        // The <sys/wait.h> macros are not imported: decode the status word by hand.
        let signal = status & 0x7f
        let exitedNormally = signal == 0
        return Outcome(status: exitedNormally ? (status >> 8) & 0xff : 128 + signal,
                       signalled: !exitedNormally && !timedOut, timedOut: timedOut,
                       stdout: collected[0], stderr: collected[1])
    }
}
