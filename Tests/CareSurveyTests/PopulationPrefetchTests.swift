import Foundation
import Testing
@testable import CareSurveyKit
@testable import SurveyFiles
import SurveyModel

/// The population files read alongside the returns load (`PopulationPrefetch`): started by the
/// codebook a large CSV's header line names, used only for the loaded table's population scheme,
/// and the same as reading the files after the load.
@Suite struct PopulationPrefetchTests {
    static let returns = Fixtures.root.appendingPathComponent("Examples/ascs/returns.csv").path
    static let population = Fixtures.root.appendingPathComponent("Examples/ascs/population.csv").path

    final class Found: @unchecked Sendable {
        let lock = NSLock()
        var ids: [String] = []
        func add(_ codebook: Codebook) { lock.lock(); ids.append(codebook.id); lock.unlock() }
    }

    /// A large CSV (above the one-pass size) tells the codebook its table gets, once, before it is read.
    @Test func largeCSVTellsItsCodebook() throws {
        let size = try #require(FileManager.default.attributesOfItem(atPath: Self.returns)[.size] as? Int)
        try #require(size >= ParallelCSV.chunkThreshold)
        let found = Found()
        var options = LoadOptions()
        options.codebookFound = { found.add($0) }
        let loaded = Fixtures.toolkit.load([Self.returns], options: options)
        let table = try #require(loaded.table)
        #expect(found.ids == (ProcessInfo.processInfo.activeProcessorCount > 1 ? [table.codebook.id] : []))
        let plain = Fixtures.toolkit.load([Self.returns])
        #expect(plain.diagnostics == loaded.diagnostics)
        #expect(plain.summary == loaded.summary)
    }

    /// A header line with a quote, or no line break, names no codebook (the chunks decide).
    @Test func headerWithQuotesIsNotGuessed() throws {
        let codebooks = Fixtures.toolkit.codebooks
        let text = try String(contentsOfFile: Self.returns, encoding: .utf8)
        let header = String(text.prefix { $0 != "\n" && $0 != "\r\n" })
        for (line, named) in [(header + "\n1,2\n", true), ("\"" + header + "\"\n", false), (header, false)] {
            let found = Array(line.utf8).withUnsafeBytes { raw in
                ParallelCSV.headerCodebook(raw, path: "r.csv", candidates: codebooks, options: LoadOptions())
            }
            #expect((found != nil) == named, "\(line.prefix(20))")
        }
    }

    /// Read ahead, the files give what reading them afterwards gives; another scheme is not used.
    @Test func prefetchedIsTheSameAsReadAfterwards() throws {
        let ascs = try #require(Fixtures.toolkit.codebooks.first { $0.survey.lowercased() == "ascs" })
        let sace = try #require(Fixtures.toolkit.codebooks.first { $0.survey.lowercased() == "sace" })
        #expect(PopulationPrefetch(files: [Self.population]).take(scheme: ascs.populations) == nil)
        let prefetch = PopulationPrefetch(files: [Self.population, Self.population])
        prefetch.start(ascs)
        prefetch.start(sace)
        let read = try #require(prefetch.take(scheme: ascs.populations))
        #expect(read.count == 2)
        let ahead = try PopulationInputs.load(files: [Self.population, Self.population], workbookRows: [], codebook: ascs, prefetched: read)
        let after = try PopulationInputs.load(files: [Self.population, Self.population], workbookRows: [], codebook: ascs)
        #expect(ahead.diagnostics == after.diagnostics)
        #expect(ahead.notes == after.notes)
        let other = PopulationPrefetch(files: [Self.population])
        other.start(sace)
        #expect(other.take(scheme: ascs.populations) == nil)
    }

    /// A file that cannot be read ends the read ahead; the error is the one reading afterwards gives.
    @Test func firstUnreadableFileEndsTheRead() throws {
        let ascs = try #require(Fixtures.toolkit.codebooks.first { $0.survey.lowercased() == "ascs" })
        let files = ["/nonexistent/population.csv", Self.population]
        let prefetch = PopulationPrefetch(files: files)
        prefetch.start(ascs)
        let read = try #require(prefetch.take(scheme: ascs.populations))
        #expect(read.count == 1)
        var ahead = "", after = ""
        do throws(PopulationInputs.Failure) { _ = try PopulationInputs.load(files: files, workbookRows: [], codebook: ascs, prefetched: read) } catch { ahead = error.description }
        do throws(PopulationInputs.Failure) { _ = try PopulationInputs.load(files: files, workbookRows: [], codebook: ascs) } catch { after = error.description }
        #expect(!ahead.isEmpty)
        #expect(ahead == after)
    }
}
