import Foundation
import SurveyFiles

/// `caresurvey --version`: the version, the git commit built from, and the built-in data files'
/// versions.
enum VersionText {
    /// The release version of CareSurvey.
    static let version = "0.1.0"

    static var text: String {
        let files = DataDirectory.folders.flatMap { (try? DataDirectory.builtIn.files(in: $0)) ?? [] }
        return """
        caresurvey \(version)
        commit \(EmbeddedBuildInfo.commit)
        built-in data files:
        \(DataFilesText.render(files, origins: false))
        """
    }
}
