import Foundation
import Testing

/// End-to-end snapshots of the executable's main outputs (issue 16, item 6): `measures`, `tables` and
/// `compare` as text, CSV and JSON on the bundled Examples/ and the conformance pair, byte for byte
/// against Tests/Fixtures/snapshots/. Any change to a figure, a label, a note or the layout fails
/// here. After an intended change look at the difference, then re-record with
///
///     CARESURVEY_RECORD_GOLDEN=1 swift test --filter CLISnapshotTests
///
/// which rewrites the files and FAILS the run (one issue per file); run again without the variable,
/// review `git diff Tests/Fixtures/snapshots`, commit.
@Suite("CLI snapshots")
struct CLISnapshotTests {
    static let ascs = ["Examples/ascs/returns.csv", "--population", "Examples/ascs/population.csv"]
    static let sace = ["Examples/sace/returns.csv", "--population", "Examples/sace/population.csv"]
    static let twenty = "Tests/Fixtures/conformance/ascs-2021-22-twenty"
    static let compare = ["compare", "--before", twenty + "/before/returns.csv", "--before-population", twenty + "/before/population.csv",
                          "--after", twenty + "/after/returns.csv", "--after-population", twenty + "/after/population.csv"]

    /// (snapshot file, arguments): every format of the three main commands, and `--level 0.9`.
    static let cases: [(String, [String])] = [
        ("measures-ascs.txt", ["measures"] + ascs + ["--format", "text"]),
        ("measures-ascs.csv", ["measures"] + ascs + ["--format", "csv"]),
        ("measures-ascs.json", ["measures"] + ascs + ["--format", "json"]),
        ("measures-ascs-level90.txt", ["measures"] + ascs + ["--by", "england", "--level", "0.9", "--format", "text"]),
        ("measures-ascs-level90.json", ["measures"] + ascs + ["--by", "england", "--level", "0.9", "--interval", "wald-t", "--format", "json"]),
        ("measures-sace.json", ["measures"] + sace + ["--format", "json"]),
        ("tables-ascs-england.txt", ["tables"] + ascs + ["--by", "england", "--format", "text"]),
        ("tables-ascs-england.csv", ["tables"] + ascs + ["--by", "england", "--format", "csv"]),
        ("tables-ascs-england.json", ["tables"] + ascs + ["--by", "england", "--format", "json"]),
        ("compare-twenty.txt", compare + ["--format", "text"]),
        ("compare-twenty.csv", compare + ["--format", "csv"]),
        ("compare-twenty.json", compare + ["--format", "json"]),
    ]

    @Test("the output equals its snapshot", arguments: cases.map(\.0))
    func snapshot(_ name: String) throws {
        let args = try #require(Self.cases.first { $0.0 == name }?.1)
        let run = try CLIRunner.run(args)
        #expect(run.status == 0, "exit \(run.status): \(run.stderr)")
        #expect(!run.signalled && !run.timedOut)
        try Golden.check(run.stdoutText, against: Fixtures.root.appendingPathComponent("Tests/Fixtures/snapshots/" + name).path)
    }

    @Test("every snapshot file belongs to a case (none left over)")
    func noStaleSnapshots() throws {
        let dir = Fixtures.root.appendingPathComponent("Tests/Fixtures/snapshots")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == Self.cases.map(\.0).sorted())
    }
}
