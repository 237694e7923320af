// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CareSurvey",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caresurvey", targets: ["caresurvey"]),
        .library(name: "CareSurveyKit", targets: ["CareSurveyKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    // Dependencies point one way, down the pipeline read → validate → score → weight → estimate →
    // compare/benchmark → report, toward SurveyModel (docs/architecture.md).
    targets: [
        // zlib (deflate, inflate, CRC-32) from the system: the only C dependency.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Value types only: codebooks, measures, response tables, results, diagnostics. No I/O.
        .target(name: "SurveyModel"),
        // Read and validate: CSV/XLSX returns, populations, published figures, data files; atomic writes.
        .target(name: "SurveyFiles", dependencies: [
            "SurveyModel",
            "CZlib",
        ], plugins: ["EmbedSurveyData"]),
        // Score: per-respondent values of every measure, driven by the measure definitions.
        .target(name: "SurveyScoring", dependencies: ["SurveyModel"]),
        // Weight and estimate: designs, weights, grouping, estimators, intervals, distributions, year-on-year tests.
        .target(name: "SurveyEstimation", dependencies: ["SurveyModel"]),
        // Compare with others: ranks, quartiles, funnels, peers, multi-year trends, targets and RAG.
        .target(name: "SurveyBenchmark", dependencies: ["SurveyModel", "SurveyEstimation"]),
        // Report: tables and text/CSV/JSON/HTML/XLSX renderers of typed (published or suppressed) results.
        .target(name: "SurveyReports", dependencies: ["SurveyModel", "SurveyEstimation", "SurveyBenchmark", "SurveyFiles"]),
        // Synthetic returns, populations and workbooks from a codebook and the example profiles (data).
        .target(name: "SurveyExamples", dependencies: ["SurveyModel", "SurveyFiles", "SurveyEstimation"]),
        // The façade: one call per command (load → score → estimate → report), re-exporting the modules.
        .target(name: "CareSurveyKit", dependencies: [
            "SurveyModel", "SurveyFiles", "SurveyScoring", "SurveyEstimation", "SurveyBenchmark", "SurveyReports", "SurveyExamples",
        ]),
        // The command-line tool: argument parsing, output, exit codes. Thin.
        .executableTarget(name: "caresurvey", dependencies: [
            "CareSurveyKit", "SurveyModel", "SurveyFiles", "SurveyScoring", "SurveyEstimation", "SurveyBenchmark", "SurveyReports",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["EmbedBuildInfo"]),
        // Build time: the data files (Questionnaires/, Weights/, Reference/, Examples/) compiled into
        // SurveyFiles, and the git commit into the tool, by a generator run from two build plugins.
        .executableTarget(name: "SurveyDataEmbedder"),
        .plugin(name: "EmbedSurveyData", capability: .buildTool(), dependencies: ["SurveyDataEmbedder"]),
        .plugin(name: "EmbedBuildInfo", capability: .buildTool(), dependencies: ["SurveyDataEmbedder"]),
        // The tests; they also run the built `caresurvey` executable end to end.
        .testTarget(name: "CareSurveyTests", dependencies: [
            "caresurvey", "CareSurveyKit", "SurveyModel", "SurveyFiles", "SurveyScoring", "SurveyEstimation", "SurveyBenchmark",
            "SurveyReports", "SurveyExamples",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
