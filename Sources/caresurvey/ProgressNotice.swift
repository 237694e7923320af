import Foundation

/// "working… 3 s" on standard error, only when standard error is a terminal and the run has taken
/// over a second; cleared when the command finishes or prints a note. Never on a pipe or in a file.
final class ProgressNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private var shown = false
    private static let current = Mutex()

    static func start() -> ProgressNotice {
        let notice = ProgressNotice()
        guard isatty(STDERR_FILENO) != 0 else { notice.running = false; return notice }
        current.set(notice)
        let started = Date()
        DispatchQueue.global(qos: .utility).async {
            var tick = 1.0
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                let elapsed = Date().timeIntervalSince(started)
                guard elapsed >= tick else { continue }
                tick = elapsed.rounded(.down) + 1
                guard notice.show("\rcaresurvey: working… \(Int(elapsed)) s") else { return }
            }
        }
        return notice
    }

    /// Writes the line while running; false once stopped.
    private func show(_ text: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard running else { return false }
        shown = true
        FileHandle.standardError.write(Data(text.utf8))
        return true
    }

    func stop() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        running = false
        shown = false
    }

    /// Clears the progress line before a note is printed, so that the note starts a clean line.
    static func clearLine() {
        guard let notice = current.get() else { return }
        notice.lock.lock(); defer { notice.lock.unlock() }
        if notice.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); notice.shown = false }
    }

    private final class Mutex: @unchecked Sendable {
        private let lock = NSLock()
        private var value: ProgressNotice?
        func set(_ v: ProgressNotice) { lock.lock(); value = v; lock.unlock() }
        func get() -> ProgressNotice? { lock.lock(); defer { lock.unlock() }; return value }
    }
}
