import Foundation
import Testing
import SurveyFiles

/// Outputs are written atomically (temporary file + rename) and never over an input.
@Suite("Safety: atomic outputs, never over an input")
struct SafetyOutputFileTests {
    static func refused(_ body: () throws -> Void) -> Bool {
        do { try body() } catch let error as OutputFile.WriteError {
            if case .wouldOverwriteInput = error { return true }
            Issue.record("unexpected error \(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return false
    }

    @Test func refusesToWriteOverAnInput() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("returns.csv")
        try "LaCode,SerialNo\n716,1\n".write(to: input, atomically: false, encoding: .utf8)
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let before = SafetyFixtures.listing(dir)
        #expect(Self.refused { try OutputFile.write("results", to: input.path, inputs: [input.path]) })
        // The same file named differently: `./`, and `..` that resolves back.
        #expect(Self.refused { try OutputFile.write("results", to: dir.path + "/./returns.csv", inputs: [input.path]) })
        #expect(Self.refused { try OutputFile.write("results", to: sub.path + "/../returns.csv", inputs: [input.path]) })
        #expect(try String(contentsOf: input, encoding: .utf8) == "LaCode,SerialNo\n716,1\n")
        #expect(SafetyFixtures.listing(dir) == before)
    }

    /// A rename over a device or pipe replaces it (as root even /dev/null, which broke this machine
    /// once): only regular files are written over. Tested on a pipe and a folder, never on /dev/null.
    @Test func refusesToReplaceAPipeOrAFolder() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipe = dir.appendingPathComponent("pipe")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let folder = dir.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for target in [pipe, folder] {
            #expect(throws: OutputFile.WriteError.self) { try OutputFile.write("results", to: target.path) }
        }
        var info = stat()
        #expect(stat(pipe.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the pipe is still a pipe")
        #expect(stat(folder.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR, "the folder is still a folder")
        #expect(SafetyFixtures.listing(dir).count == 2, "no temporary file left")
    }

    @Test func refusesToWriteThroughASymlinkToAnInput() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("returns.csv")
        try "original".write(to: input, atomically: false, encoding: .utf8)
        let link = dir.appendingPathComponent("results.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        #expect(Self.refused { try OutputFile.write("results", to: link.path, inputs: [input.path]) })
        // The input given through a symlink, the output as the real file.
        let inputLink = dir.appendingPathComponent("input-link.csv")
        try FileManager.default.createSymbolicLink(at: inputLink, withDestinationURL: input)
        #expect(Self.refused { try OutputFile.write("results", to: input.path, inputs: [inputLink.path]) })
        // A symlinked folder on the way.
        let dirLink = dir.appendingPathComponent("folder-link")
        try FileManager.default.createSymbolicLink(at: dirLink, withDestinationURL: dir)
        #expect(Self.refused { try OutputFile.write("results", to: dirLink.path + "/returns.csv", inputs: [input.path]) })
        #expect(try String(contentsOf: input, encoding: .utf8) == "original")
        #expect(SafetyFixtures.listing(dir) == ["folder-link", "input-link.csv", "results.json", "returns.csv"])
    }

    /// A hard link is the same file under another name: refused too (compared by device and inode,
    /// which also covers case-insensitive file systems where `Returns.csv` is `returns.csv`).
    @Test func refusesToWriteOverAHardLinkToAnInput() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("returns.csv")
        try "original".write(to: input, atomically: false, encoding: .utf8)
        let hard = dir.appendingPathComponent("results.json")
        try FileManager.default.linkItem(at: input, to: hard)
        #expect(Self.refused { try OutputFile.write("results", to: hard.path, inputs: [input.path]) })
        #expect(try String(contentsOf: input, encoding: .utf8) == "original")
        #expect(try String(contentsOf: hard, encoding: .utf8) == "original")
    }

    @Test func atomicWriteReplacesTheOldContentFullyAndLeavesNoTemporaryFile() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("returns.csv")
        try "input".write(to: input, atomically: false, encoding: .utf8)
        let output = dir.appendingPathComponent("results.json")
        try String(repeating: "old content that is much longer than the new one\n", count: 1000)
            .write(to: output, atomically: false, encoding: .utf8)
        try OutputFile.write("{\"new\":true}\n", to: output.path, inputs: [input.path])
        #expect(try String(contentsOf: output, encoding: .utf8) == "{\"new\":true}\n")
        #expect(SafetyFixtures.listing(dir) == ["results.json", "returns.csv"])
        // Data, and a new file in a new folder.
        let nested = dir.appendingPathComponent("out/deeper/results.csv")
        try OutputFile.write(Data([0x61, 0x0A]), to: nested.path, inputs: [input.path])
        #expect(try Data(contentsOf: nested) == Data([0x61, 0x0A]))
        #expect(SafetyFixtures.listing(nested.deletingLastPathComponent()) == ["results.csv"])
        // Writing through a symlink to a non-input replaces the link's target, and keeps the link.
        let target = dir.appendingPathComponent("target.txt")
        try "old".write(to: target, atomically: false, encoding: .utf8)
        let link = dir.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try OutputFile.write("new", to: link.path, inputs: [input.path])
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil)
    }

    @Test func aFailedWriteLeavesNoTemporaryFileAndTheOldOutput() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The output path is an existing non-empty folder: the rename fails.
        let folder = dir.appendingPathComponent("results.json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "keep".write(to: folder.appendingPathComponent("keep.txt"), atomically: false, encoding: .utf8)
        do {
            try OutputFile.write("x", to: folder.path, inputs: [])
            Issue.record("expected an error writing over a folder")
        } catch {
            #expect("\(error)".contains(folder.path))
        }
        #expect(SafetyFixtures.listing(dir) == ["results.json"])
        #expect(SafetyFixtures.listing(folder) == ["keep.txt"])
    }
}
