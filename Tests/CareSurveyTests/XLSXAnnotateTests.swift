// `validate RETURN.xlsx --annotate OUT.xlsx` (#15): the conformance 716 workbook with injected
// faults, annotated, then checked by an independent script (zipfile, regular expressions,
// openpyxl, LibreOffice): every fault cell highlighted, noted and listed with a link; every other
// cell and every other zip entry byte-identical; the input never modified or overwritten.
import Foundation
import Testing

@Suite("XLSX annotate: validate --annotate on the conformance 716 workbook", .serialized)
struct XLSXAnnotateTests {
    static let checker = Fixtures.path("xlsx/check-annotate.py")

    static func script(_ args: [String]) throws -> (status: Int32, output: String) { try PythonScript.run(checker, args) }

    /// A faulty copy of the 716 workbook and the faults' cells.
    static func faultyCopy(in dir: URL) throws -> (path: String, faults: [String]) {
        let source = try Fixtures.require(Fixtures.conformance("ascs-2021-22-twenty/before/return-716.xlsx"))
        let path = dir.appendingPathComponent("return-716-faulty.xlsx").path
        let injected = try script(["inject", source, path])
        try #require(injected.status == 0, "cannot inject faults: \(injected.output)")
        let faults = injected.output.split(separator: "\n").map(String.init)
        try #require(faults.count == 5)
        return (path, faults)
    }

    @Test("every fault highlighted, noted and listed; every other cell and zip entry byte-identical; LibreOffice reads the same values")
    func annotated() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (faulty, faults) = try Self.faultyCopy(in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: faulty))
        let problems = dir.appendingPathComponent("problems.csv").path
        let out = dir.appendingPathComponent("annotated.xlsx").path
        let csv = try CLIRunner.run(["validate", faulty, "--format", "csv", "-o", problems])
        #expect(csv.status == 1, "the faults are errors: \(csv.stderr)")
        let run = try CLIRunner.run(["validate", faulty, "--annotate", out, "--format", "json", "-o", dir.appendingPathComponent("v.json").path])
        #expect(run.status == 1 && !run.signalled, "\(run.stderr)")
        #expect(run.stderr.contains("5 cells highlighted"), "\(run.stderr)")
        try #require(FileManager.default.fileExists(atPath: out), "no annotated copy: \(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: faulty)) == before, "the input was modified")

        let check = try Self.script(["check", faulty, out, problems] + faults)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("OK check: 5 problems listed, 5 cells highlighted"), "\(check.output)")
        let office = try Self.script(["libreoffice", faulty, out, "Service User Data"])
        #expect(office.status == 0, "\(office.output)")
        #expect(office.output.contains("OK libreoffice"), "\(office.output)")
    }

    @Test("the annotated copy is never written over the input, and the input is untouched")
    func neverOverInput() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (faulty, _) = try Self.faultyCopy(in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: faulty))
        let same = dir.appendingPathComponent(".").appendingPathComponent("return-716-faulty.xlsx").path
        for target in [faulty, same] {
            let run = try CLIRunner.run(["validate", faulty, "--annotate", target, "--format", "json"])
            #expect(run.status == 2 || run.status == 3, "\(target): exit \(run.status)")
            #expect(!run.stderr.isEmpty)
        }
        let csvInput = try CLIRunner.run(["validate", Fixtures.conformance("ascs-2021-22-twenty/before/returns.csv"),
                                          "--annotate", dir.appendingPathComponent("x.xlsx").path, "--format", "json"])
        #expect(csvInput.status == 3 && !csvInput.stderr.isEmpty, "a CSV return cannot be annotated: \(csvInput.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: faulty)) == before)
    }
}
