import Foundation
import SurveyModel

/// Loading `Reference/`: the councils and the ASCOF measure catalogue. The folder sits beside
/// `Questionnaires/` and `Weights/`.
extension DataDirectory {
    public var referenceURL: URL { root.appendingPathComponent("Reference") }

    /// `Reference/councils.json`.
    public func councils() throws(LoadError) -> Councils {
        try Self.decode(Councils.self, at: referenceURL.appendingPathComponent("councils.json"))
    }

    /// `Reference/ascof-measures.json`, resolved against the codebooks in `Questionnaires/`.
    public func measureCatalogue() throws(LoadError) -> MeasureCatalogue {
        let url = referenceURL.appendingPathComponent("ascof-measures.json")
        let file = try Self.decode(MeasureCatalogueFile.self, at: url)
        do { return try MeasureCatalogue(file: file, codebooks: try codebooks()) } catch let error as LoadError {
            throw error
        } catch {
            throw .invalidFile(path: url.path, reason: "\(error)")
        }
    }
}
