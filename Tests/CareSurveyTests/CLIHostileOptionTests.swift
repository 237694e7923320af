// Every subcommand × every option × hostile values, run through the built executable: a refused
// value exits 2 (usage) or 3 (unreadable path) with a message; nothing ever ends by a signal.
import Foundation
import Testing

@Suite("caresurvey command line: hostile option values never crash", .serialized)
struct CLIHostileOptionTests {
    /// What an option takes, which decides its hostile values.
    enum Kind: Sendable {
        case open01            // --level, --alpha, --margin: (0, 1)
        case rate              // --response-rate: (0, 1]
        case count             // 0 or more
        case positive          // 1 or more
        case seed              // UInt64
        case file              // an existing regular file
        case files             // a file or a folder of returns
        case output            // a file to write
        case outputFolder
        case surveyYear
        case council
        case choice            // an enumerated value
        case by
        case text              // anything not in the table: generic values, only "no signal" asserted
    }

    /// Per subcommand: a valid invocation (must exit 0) and the kind of each option. Values are
    /// relative to the repository root; `$T` is the test's temporary folder.
    static let sace = "Tests/Fixtures/sace"
    static let commands: [String: (baseline: [String], options: [String: Kind])] = [
        "validate": (["\(sace)/carers-data.csv", "--format", "json", "--output", "$T/v.json"],
                     ["returns": .files, "--survey": .choice, "--survey-year": .surveyYear, "--council": .council,
                      "--format": .choice, "--output": .output]),
        "measures": (["\(sace)/carers-data.csv", "--population", "\(sace)/population.csv", "--format", "json", "--output", "$T/m.json"],
                     estimation.merging(["--format": .choice, "--output": .output]) { a, _ in a }),
        "tables": (["\(sace)/carers-data.csv", "--population", "\(sace)/population.csv", "--format", "json", "--output", "$T/t.json"],
                   estimation.merging(["--format": .choice, "--output": .output]) { a, _ in a }),
        "scores": (["\(sace)/carers-data.csv", "--population", "\(sace)/population.csv", "--output", "$T/s.csv"],
                   ["returns": .files, "--survey": .choice, "--survey-year": .surveyYear, "--council": .council,
                    "--population": .file, "--format": .choice, "--output": .output]),
        "compare": (["--before", "$T/base.json", "--after", "\(sace)/carers-data.csv", "--after-population", "\(sace)/population.csv",
                     "--format", "json", "--output", "$T/c.json"],
                    ["--before": .files, "--after": .files, "--before-population": .file, "--after-population": .file,
                     "--before-year": .surveyYear, "--after-year": .surveyYear, "--adjust": .choice, "--alpha": .open01,
                     "--survey": .choice, "--by": .by, "--suppress-below": .count, "--format": .choice, "--output": .output]),
        "report": (["\(sace)/carers-data.csv", "--population", "\(sace)/population.csv", "--previous", "$T/base.json", "--output", "$T/r.html"],
                   estimation.merging(["--previous": .files, "--previous-population": .file, "--previous-year": .surveyYear,
                                       "--adjust": .choice, "--alpha": .open01, "--output": .output,
                                       "--targets": .file, "--peers": .file]) { a, _ in a }),
        "plan": (["--population", "1000", "--format", "json"],
                 ["--population": .positive, "--response-rate": .rate, "--margin": .open01, "--level": .open01,
                  "--returns": .positive, "--format": .choice]),
        "example": (["--survey", "sace", "--councils", "1", "--no-xlsx", "--output", "$T/example"],
                    ["--survey": .choice, "--councils": .positive, "--seed": .seed, "--survey-year": .surveyYear,
                     "--xlsx-councils": .count, "--output": .outputFolder]),
        "codebook": (["--survey", "sace"], ["--survey": .choice, "--survey-year": .surveyYear]),
        "codebook import": (["Tests/Fixtures/reference/ascs-data-return-2021-22-blank.xlsx", "--from", "Questionnaires/ascs-2021-22.json",
                             "--output", "$T/cb.json"],
                            ["returns": .file, "--survey": .choice, "--survey-year": .surveyYear, "--from": .file,
                             "--output": .output, "--report": .output, "--format": .choice]),
        "trend": (["Tests/Fixtures/trend/ascof-2022-23.csv", "Tests/Fixtures/trend/ascof-2023-24.csv", "--council", "716",
                   "--format", "json", "--output", "$T/trend.json"],
                  ["returns": .files, "--returns": .files, "--population": .file, "--year": .surveyYear, "--council": .council,
                   "--targets": .file, "--adjust": .choice, "--alpha": .open01, "--suppress-below": .count,
                   "--format": .choice, "--output": .output]),
        "benchmark": (["Tests/Fixtures/published/ascof-2223-new-columns.csv", "--draws", "1000", "--format", "json", "--output", "$T/b.json"],
                      ["returns": .files, "--council": .council, "--peers": .file, "--groups": .file, "--year": .surveyYear,
                       "--measures": .text, "--targets": .file, "--draws": .positive, "--format": .choice, "--output": .output]),
    ]

    static let estimation: [String: Kind] = [
        "returns": .files, "--survey": .choice, "--survey-year": .surveyYear, "--council": .council, "--population": .file,
        "--by": .by, "--interval": .choice, "--level": .open01, "--domains": .choice, "--single-respondent": .choice,
        "--suppress-below": .count,
    ]

    /// Values that must be refused for each kind (exit 2 or 3 with a message), and values that may
    /// be accepted but must not crash.
    static func hostile(_ kind: Kind, dir: String) -> (refused: [String], tolerated: [String]) {
        let missing = "\(dir)/missing-ü.csv", folder = "\(dir)/empty-folder"
        let numbers = ["nan", "inf", "-inf", "", "ü", "99999999999999999999999"]
        switch kind {
        case .open01: return (["0", "-1", "1", "1e400"] + numbers, ["1e-300"])
        case .rate: return (["0", "-1", "1e400"] + numbers, ["1", "5e-324"])
        case .count: return (["-1", "1.5"] + numbers, ["0", "9223372036854775807"])
        case .positive: return (["0", "-1"] + numbers, ["1", "9223372036854775807"])
        case .seed: return (["-1", "18446744073709551616"] + numbers, ["18446744073709551615"])
        case .file: return (["", "0", "ü", missing, folder, "/dev/null"], [])
        case .files: return (["", "ü", missing, folder, "/dev/null"], [])
        case .output: return (["", folder, "/dev/null"], ["\(dir)/out-ü.json"])
        case .outputFolder: return (["", "/dev/null", "\(sace)/population.csv"], ["\(dir)/out-ü"])
        case .surveyYear: return (["", "-1", "1", "ü", "2021-23", "99999999999999999999"], [])
        case .council: return (["", "-1", "ü", String(repeating: "9", count: 40)], ["0"])
        case .choice: return (["", "0", "-1", "ü", "nan"], [])
        case .by: return (["", "0", "ü", ",", folder, "/dev/null"], [])
        case .text: return ([], ["", "0", "-1", "1", "nan", "inf", "ü", missing, folder, "/dev/null"])
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var command: String
        var option: String
        var value: String
        var refused: Bool
        var args: [String]
        var description: String { "caresurvey \(command) \(option) \"\(value)\"" }
    }

    /// The options of every subcommand as the executable describes itself (`--experimental-dump-help`),
    /// so that an option added later is exercised too, with generic values, even before it is in the table.
    static func declaredOptions() throws -> [String: [String]] {
        let outcome = try CLIRunner.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: outcome.stdout) as? [String: Any])
        let subcommands = try #require((root["command"] as? [String: Any])?["subcommands"] as? [[String: Any]])
        var out: [String: [String]] = [:]
        // A command with subcommands (codebook): its default subcommand's options are the command's own,
        // the others are listed as "codebook import".
        let flattened = subcommands.flatMap { sub -> [[String: Any]] in
            guard let nested = sub["subcommands"] as? [[String: Any]], let parent = sub["commandName"] as? String else { return [sub] }
            return nested.map { child in
                var c = child
                let name = child["commandName"] as? String ?? ""
                c["commandName"] = name == sub["defaultSubcommand"] as? String ? parent : parent + " " + name
                return c
            }
        }
        for sub in flattened {
            guard let name = sub["commandName"] as? String, name != "help", !name.hasSuffix(" help") else { continue }
            let arguments = sub["arguments"] as? [[String: Any]] ?? []
            out[name] = arguments.compactMap { arg -> String? in
                switch arg["kind"] as? String {
                case "positional": return "returns"
                case "option": return ((arg["names"] as? [[String: Any]])?.first { $0["kind"] as? String == "long" }?["name"] as? String).map { "--" + $0 }
                default: return nil // flags take no value
                }
            }
        }
        return out
    }

    static func substitute(_ baseline: [String], option: String, value: String, dir: String) -> [String] {
        var args = baseline.map { $0.replacingOccurrences(of: "$T", with: dir) }
        if option == "returns" {
            if let first = args.first, !first.hasPrefix("-") { args[0] = value } else { args.insert(value, at: 0) }
        } else if let i = args.firstIndex(of: option), i + 1 < args.count {
            args[i + 1] = value
        } else {
            args += [option, value]
        }
        return args
    }

    @Test("every subcommand × option × hostile value: exit 2 or 3 with a message when refused, never a signal")
    func hostileValues() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty-folder"), withIntermediateDirectories: true)
        let base = try CLIRunner.run(["measures", "\(Self.sace)/carers-data.csv", "--population", "\(Self.sace)/population.csv",
                                      "--format", "json", "--output", dir.appendingPathComponent("base.json").path])
        try #require(base.status == 0, "the base results JSON could not be made: \(base.stderr)")

        let declared = try Self.declaredOptions()
        #expect(Set(declared.keys) == Set(Self.commands.keys), "every subcommand has a baseline in the table")
        for (name, entry) in Self.commands.sorted(by: { $0.key < $1.key }) {
            let ok = try CLIRunner.run(name.split(separator: " ").map(String.init) + entry.baseline.map { $0.replacingOccurrences(of: "$T", with: dir.path) })
            #expect(ok.status == 0 && !ok.signalled, "baseline of \(name) must succeed: \(ok.stderr)")
            for option in entry.options.keys {
                #expect(declared[name]?.contains(option) == true, "\(name) \(option) is in the table but not an option")
            }
        }

        var cases: [Case] = []
        for (name, options) in declared.sorted(by: { $0.key < $1.key }) {
            let entry = Self.commands[name] ?? ([], [:])
            for option in options {
                let kind = entry.options[option] ?? .text
                let values = Self.hostile(kind, dir: dir.path)
                for value in values.refused + values.tolerated {
                    cases.append(Case(command: name, option: option, value: value, refused: values.refused.contains(value),
                                      args: name.split(separator: " ").map(String.init) + Self.substitute(entry.baseline, option: option, value: value, dir: dir.path)))
                }
            }
        }
        // 9 subcommands, 66 options and 390 cases when this was written: the table must not shrink unnoticed.
        #expect(cases.count >= 390, "only \(cases.count) cases")
        #expect(cases.filter(\.refused).count >= 330)

        let all = cases
        let outcomes = ParallelOutcomes(count: all.count)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for i in stride(from: worker, to: all.count, by: 4) {
                outcomes.set(i, Result { try CLIRunner.run(all[i].args, timeout: 120) })
            }
        }
        #expect(outcomes.values.count == cases.count)
        for (c, result) in zip(cases, outcomes.values) {
            let outcome: CLIRunner.Outcome
            switch result {
            case let .success(o): outcome = o
            case let .failure(error): Issue.record("\(c): could not run: \(error)"); continue
            case nil: Issue.record("\(c): not run"); continue
            }
            #expect(!outcome.signalled, "\(c) ended by signal \(outcome.status): \(outcome.stderr.prefix(300))")
            #expect(!outcome.timedOut, "\(c) did not finish")
            if c.refused {
                #expect([2, 3].contains(outcome.status) && !outcome.signalled, "\(c) exited \(outcome.status), not 2 or 3")
            }
            if outcome.status != 0 {
                #expect(!outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(c) exited \(outcome.status) without a message")
            }
        }
    }

    @Test("regression: plan --population 1000 --level 1 is a usage error, not a trap")
    func planLevelOne() throws {
        let outcome = try CLIRunner.run(["plan", "--population", "1000", "--level", "1"])
        #expect(!outcome.signalled)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--level"))
    }

    @Test("an unknown option value lists the valid values")
    func enumeratedValuesListed() throws {
        let outcome = try CLIRunner.run(["measures", "\(Self.sace)/carers-data.csv", "--interval", "exact"])
        #expect(outcome.status == 2)
        for valid in ["wald", "wald-t", "wilson", "logit", "korn-graubard"] { #expect(outcome.stderr.contains("'\(valid)'")) }
    }
}

/// Results written by concurrent workers, one slot each.
final class ParallelOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<CLIRunner.Outcome, Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<CLIRunner.Outcome, Error>) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [Result<CLIRunner.Outcome, Error>?] { lock.lock(); defer { lock.unlock() }; return slots }
}
