// `--format xlsx` outputs (#15): every workbook, read back by two independent readers — openpyxl
// and LibreOffice headless (installed by .ci/run; a missing tool FAILS the test) — holds exactly
// the values of the same command's CSV output, with the intended number formats, in the official
// statistics layout; text from user data that looks like a formula stays text.
import Foundation
import Testing

@Suite("XLSX outputs: --format xlsx read back by openpyxl and LibreOffice", .serialized)
struct XLSXOutputTests {
    static let before = "Tests/Fixtures/conformance/ascs-2021-22-twenty/before/"
    static let after = "Tests/Fixtures/conformance/ascs-2021-22-twenty/after/"
    static let checker = Fixtures.path("xlsx/check-output.py")

    static let tablesFormats = "text;0;text;text;text;text;0.0%;0.0%;0.0%;0.0%;#,##0;#,##0;#,##0;#,##0;text;text;text;text;text;text;text;text"
    static let measuresFormats = "text;text;text;text;text;text;text;estimate;estimate;estimate;estimate;#,##0;#,##0;#,##0;#,##0;0.000;text;text;text;text;text;text;text"
    static let compareFormats = "text;text;text;text;text;text;text;estimate;estimate;text;estimate;estimate;estimate;estimate;estimate;estimate;0.000;0.0000;0.0000;0.0000;text;text;text;text;text"
    static let validateFormats = "text;text;text;0;text;text;text;text"

    /// A copy of the conformance returns with user values that a spreadsheet would run as formulas.
    static func formulaLikeReturns(in dir: URL) throws -> String {
        let text = try String(contentsOfFile: Fixtures.conformance("ascs-2021-22-twenty/before/returns.csv"), encoding: .utf8)
        // Split on the bytes: "\r\n" is one Character, which a Character split on "\n" would miss.
        var lines = Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let header = lines[0].trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map(String.init)
        let injected = [("Gender", "=1+2"), ("Age", "+44 years"), ("Ethnicity", "@SUM(A1)"), ("Sexuality", "-3"), ("Religion", "=HYPERLINK(\"x\")")]
        for (i, (column, value)) in injected.enumerated() {
            var fields = lines[i + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[try #require(header.firstIndex(of: column))] = value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            lines[i + 1] = fields.joined(separator: ",")
        }
        let path = dir.appendingPathComponent("returns-formula-like.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func python(_ args: [String]) throws -> (status: Int32, output: String) { try PythonScript.run(checker, args) }

    /// Runs the command for CSV and for xlsx and checks the workbook's `sheet` against the CSV.
    func check(_ args: [String], sheet: String, formats: String, minimumRows: Int, csvContains: [String] = []) throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("out.csv").path
        let xlsx = dir.appendingPathComponent("out.xlsx").path
        let csvRun = try CLIRunner.run(args + ["--format", "csv", "-o", csv])
        let xlsxRun = try CLIRunner.run(args + ["--format", "xlsx", "-o", xlsx])
        #expect(!csvRun.signalled && !xlsxRun.signalled)
        #expect(csvRun.status == xlsxRun.status, "\(xlsxRun.stderr)")
        try #require(FileManager.default.fileExists(atPath: xlsx), "no workbook: \(xlsxRun.stderr)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count - 1
        #expect(rows >= minimumRows)
        let csvText = try String(contentsOfFile: csv, encoding: .utf8)
        for text in csvContains { #expect(csvText.contains(text), "the CSV output lacks \(text)") }
        let openpyxl = try Self.python(["openpyxl", xlsx, sheet, csv, formats])
        #expect(openpyxl.status == 0, "openpyxl: \(openpyxl.output)")
        #expect(openpyxl.output.contains("OK openpyxl \(sheet): \(rows) rows"), "\(openpyxl.output)")
        let libreoffice = try Self.python(["libreoffice", xlsx, sheet, csv])
        #expect(libreoffice.status == 0, "LibreOffice: \(libreoffice.output)")
        #expect(libreoffice.output.contains("OK libreoffice \(sheet): \(rows) rows"), "\(libreoffice.output)")
    }

    @Test("the checking tools are installed (python3 with openpyxl, LibreOffice soffice): missing is a failure")
    func toolsPresent() throws {
        let child = try ChildProcess.run("/usr/bin/env", ["python3", "-c", "import openpyxl, shutil, sys; sys.exit(0 if shutil.which('soffice') else 3)"],
                                         environment: ProcessInfo.processInfo.environment, directory: Fixtures.root.path)
        #expect(child.status == 0, "python3 + openpyxl + soffice are needed (.ci/run installs them)")
    }

    @Test("tables: the long table equals the CSV, with percent formats on fractions")
    func tables() throws {
        try check(["tables", Self.before + "returns.csv", "--population", Self.before + "population.csv"],
                  sheet: "Answers (long)", formats: Self.tablesFormats, minimumRows: 100)
    }

    @Test("measures: the table equals the CSV; proportions as percentages, scores as decimals")
    func measures() throws {
        try check(["measures", Self.before + "returns.csv", "--population", Self.before + "population.csv"],
                  sheet: "Measures", formats: Self.measuresFormats, minimumRows: 20)
    }

    @Test("compare: the table equals the CSV; p-values as numbers")
    func compare() throws {
        try check(["compare", "--before", Self.before + "returns.csv", "--before-population", Self.before + "population.csv",
                   "--after", Self.after + "returns.csv", "--after-population", Self.after + "population.csv"],
                  sheet: "Change", formats: Self.compareFormats, minimumRows: 20)
    }

    @Test("trend: the table equals the CSV; p-values as numbers")
    func trend() throws {
        let files = (2017...2023).map { "Tests/Fixtures/trend/ascof-\($0)-\(String($0 + 1).suffix(2)).csv" }
        let formats = (0..<44).map { [26, 27, 28].contains($0) ? "0.0000" : "any" }.joined(separator: ";")
        try check(["trend"] + files + ["--council", "716"], sheet: "Trends", formats: formats, minimumRows: 20)
    }

    /// The benchmark CSV's columns and the number format each must have in the workbook (estimate =
    /// percent on percent measures, 0.000 on scores and rates, by the row's unit).
    static let benchmarkFormats: String = {
        let columns = "measure year breakdown council name unit polarity estimate standardError seSource lower upper rank of "
            + "rankLower rankUpper quartile q25 q50 q75 nextQuartileCutPoint nextQuartileGap nextQuartileGapPeople nextQuartilePeopleUnit "
            + "topQuartileCutPoint topQuartileGap topQuartileGapPeople topQuartilePeopleUnit englandValue englandComparison englandMethod "
            + "englandPValue regionValue regionComparison regionMethod regionPValue peersAverage peersStandardError peersComparison "
            + "rankInPeers peersOf funnelClass funnelZ funnelPhi funnelTau2 suppressed notes code measureName target amber rag "
            + "targetShortfall targetClear"
        let formats: [String: String] = [
            "estimate": "estimate", "standardError": "estimate", "lower": "estimate", "upper": "estimate", "q25": "estimate",
            "q50": "estimate", "q75": "estimate", "nextQuartileCutPoint": "estimate", "nextQuartileGap": "estimate",
            "topQuartileCutPoint": "estimate", "topQuartileGap": "estimate", "englandValue": "estimate", "regionValue": "estimate",
            "peersAverage": "estimate", "peersStandardError": "estimate", "rank": "General", "rankInPeers": "General",
            "funnelTau2": "General", "of": "0", "rankLower": "0", "rankUpper": "0", "quartile": "0", "peersOf": "0",
            "nextQuartileGapPeople": "#,##0", "topQuartileGapPeople": "#,##0", "funnelZ": "0.000", "funnelPhi": "0.000",
            "englandPValue": "0.0000", "regionPValue": "0.0000", "target": "estimate", "amber": "estimate", "targetShortfall": "estimate",
        ]
        return columns.split(separator: " ").map { formats[String($0)] ?? "text" }.joined(separator: ";")
    }()

    @Test("benchmark: the results table equals the CSV; percent measures as percentages, scores and rates as decimals")
    func benchmark() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let peers = dir.appendingPathComponent("peers.csv").path
        try "LaCode,NeighbourLaCode,Rank\n702,703,1\n702,704,2\n".write(toFile: peers, atomically: true, encoding: .utf8)
        let targets = dir.appendingPathComponent("targets.csv").path
        try "1A,20.3,0.1\n3A,78,2\n2B,16\n".write(toFile: targets, atomically: true, encoding: .utf8)
        let input = Fixtures.path("published/ascof-2022-23-old-columns.csv")
        // Every council (markers, rates, scores, percentages) and one focus council with peers.
        try check(["benchmark", input, "--draws", "1000"], sheet: "Benchmark", formats: Self.benchmarkFormats, minimumRows: 100,
                  csvContains: ["[c]", ",rate,", ",score,", ",percent,"])
        try check(["benchmark", input, "--council", "702", "--peers", peers, "--targets", targets, "--draws", "1000"], sheet: "Benchmark",
                  formats: Self.benchmarkFormats, minimumRows: 6)
        // The other tables: the files read and the notes.
        let xlsx = dir.appendingPathComponent("b.xlsx").path
        let run = try CLIRunner.run(["benchmark", input, "--draws", "1000", "--format", "xlsx", "-o", xlsx])
        #expect(run.status == 0, "\(run.stderr)")
        let script = """
        import openpyxl, sys
        wb = openpyxl.load_workbook(sys.argv[1])
        print("|".join(wb.sheetnames))
        files = [[c.value for c in r] for r in wb["Files read"].iter_rows(min_row=4)]
        print(len(files), files[0][0].endswith("ascof-2022-23-old-columns.csv"), files[0][3] > 0)
        notes = [r[1].value for r in wb["Notes"].iter_rows(min_row=4)]
        print(len(notes), any("[c] suppressed" in n for n in notes), any("seed" in n for n in notes))
        """
        let py = try ChildProcess.run("/usr/bin/env", ["python3", "-c", script, xlsx], environment: ProcessInfo.processInfo.environment,
                                      directory: Fixtures.root.path, mergeStandardError: true)
        let output = String(decoding: py.stdout, as: UTF8.self)
        #expect(py.status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(output)")
        #expect(lines[0] == "Contents|Notes|Benchmark|Files read|Diagnostics")
        #expect(lines[1] == "1 True True")
        #expect(lines[2].hasSuffix(" True True"))
    }

    @Test("validate: every problem, with user values that look like formulas kept as text")
    func validate() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let returns = try Self.formulaLikeReturns(in: dir)
        try check(["validate", returns], sheet: "Problems", formats: Self.validateFormats, minimumRows: 5,
                  csvContains: ["'=1+2", "'+44 years", "'@SUM(A1)", "'-3", "'=HYPERLINK"])
    }
}
