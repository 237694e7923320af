import Foundation
import Testing

/// The tests' own process launcher: exit status, signals, timeouts, both pipes, many at once.
@Suite("test support: child processes (posix_spawn)")
struct ChildProcessTests {
    static let env = ProcessInfo.processInfo.environment

    @Test("exit status, standard output and standard error are kept apart")
    func statusAndPipes() throws {
        let child = try ChildProcess.run("/bin/sh", ["-c", "printf out; printf err >&2; exit 3"],
                                         environment: Self.env, directory: "/")
        #expect(child.status == 3)
        #expect(!child.signalled && !child.timedOut)
        #expect(String(decoding: child.stdout, as: UTF8.self) == "out")
        #expect(String(decoding: child.stderr, as: UTF8.self) == "err")
    }

    @Test("the working directory and the environment are the ones given")
    func directoryAndEnvironment() throws {
        let child = try ChildProcess.run("/bin/sh", ["-c", "pwd; printf %s \"$CHILD_PROCESS_TEST\""],
                                         environment: ["CHILD_PROCESS_TEST": "x y", "PATH": "/usr/bin:/bin"], directory: "/tmp")
        #expect(String(decoding: child.stdout, as: UTF8.self) == "/tmp\nx y")
    }

    @Test("a crash is reported as a signal; a hang is killed at the timeout")
    func signalAndTimeout() throws {
        let crash = try ChildProcess.run("/bin/sh", ["-c", "kill -SEGV $$"], environment: Self.env, directory: "/")
        #expect(crash.signalled)
        let hang = try ChildProcess.run("/bin/sh", ["-c", "sleep 30"], environment: Self.env, directory: "/", timeout: 0.3)
        #expect(hang.timedOut && !hang.signalled)
    }

    @Test("large output on both pipes does not block; 64 launches from several threads at once")
    func concurrentLaunches() throws {
        let results = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let child = try? ChildProcess.run("/bin/sh", ["-c", "head -c 200000 /dev/zero; head -c 100000 /dev/zero >&2"],
                                              environment: Self.env, directory: "/")
            results.mutate { $0.append((child?.stdout.count ?? -1) + (child?.stderr.count ?? -1) * 1_000_000) }
        }
        let all = results.value
        try #require(all.count == 64)
        for total in all { #expect(total == 200_000 + 100_000 * 1_000_000) }
    }
}

/// A value shared between threads of one test.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate(_ body: (inout Value) -> Void) { lock.lock(); defer { lock.unlock() }; body(&stored) }
}
