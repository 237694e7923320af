import Foundation
import SurveyModel

/// Loading `Reference/`: the councils and the ASCOF measure catalogue. The folder sits beside
/// `Questionnaires/` and `Weights/` (built in, or overridden by the user's data folder).
extension DataDirectory {
    /// A `Reference/` file in use, or `notFound`.
    func referenceFile(_ name: String) throws(LoadError) -> DataFile {
        guard let file = try file("Reference/" + name) else { throw .notFound(searched: [(root?.path ?? "built-in") + "/Reference/" + name]) }
        return file
    }

    /// `Reference/councils.json`.
    public func councils() throws(LoadError) -> Councils {
        try Self.decode(Councils.self, from: referenceFile("councils.json"))
    }

    /// `Reference/annex-measures.json`: which annex-table answers make each ASCOF survey measure.
    public func annexMeasures() throws(LoadError) -> AnnexMeasureMap {
        try Self.decode(AnnexMeasureMap.self, from: referenceFile("annex-measures.json"))
    }

    /// `Reference/ascof-measures.json`, resolved against the codebooks in `Questionnaires/`.
    public func measureCatalogue() throws(LoadError) -> MeasureCatalogue {
        let source = try referenceFile("ascof-measures.json")
        let file = try Self.decode(MeasureCatalogueFile.self, from: source)
        do { return try MeasureCatalogue(file: file, codebooks: try codebooks()) } catch let error as LoadError {
            throw error
        } catch {
            throw .invalidFile(path: source.location, reason: "\(error)")
        }
    }
}
