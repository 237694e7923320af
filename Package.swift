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
    targets: [
        // zlib (deflate, inflate, CRC-32) from the system: the only C dependency.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Value types only: identifiers, codebooks, measures, response tables, diagnostics. No I/O.
        .target(name: "SurveyModel"),
        // Reading and writing files: CSV, XLSX, populations, data files.
        .target(name: "SurveyFiles", dependencies: [
            "SurveyModel",
            "CZlib",
        ], plugins: ["EmbedSurveyData"]),
        // Per-respondent values of every measure, driven by the measure definitions.
        .target(name: "SurveyScoring", dependencies: ["SurveyModel"]),
        // Designs, estimators, variance, intervals, domains, comparisons, distributions.
        .target(name: "SurveyEstimation", dependencies: ["SurveyModel"]),
        // Benchmarking and trends from published national figures: ranks, rank intervals, quartiles,
        // funnel plots, comparisons with England/region/peers, multi-year trends, targets and RAG.
        .target(name: "SurveyBenchmark", dependencies: ["SurveyModel", "SurveyEstimation"]),
        // Tables, CSV/JSON/HTML/XLSX renderers, disclosure control.
        .target(name: "SurveyReports", dependencies: ["SurveyModel", "SurveyEstimation", "SurveyBenchmark", "SurveyFiles"]),
        // The pipeline that ties loading, scoring, estimation and reports together.
        .target(name: "CareSurveyKit", dependencies: [
            "SurveyModel", "SurveyFiles", "SurveyScoring", "SurveyEstimation", "SurveyBenchmark", "SurveyReports",
        ]),
        // The command-line tool: argument parsing, output, exit codes. Thin.
        .executableTarget(name: "caresurvey", dependencies: [
            "CareSurveyKit", "SurveyModel", "SurveyFiles", "SurveyScoring", "SurveyEstimation", "SurveyBenchmark", "SurveyReports",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["EmbedBuildInfo"]),
        // Build time: the survey content (Questionnaires/, Weights/, Reference/) compiled into
        // SurveyFiles, and the git commit into the tool, by a generator run from two build plugins.
        .executableTarget(name: "SurveyDataEmbedder"),
        .plugin(name: "EmbedSurveyData", capability: .buildTool(), dependencies: ["SurveyDataEmbedder"]),
        .plugin(name: "EmbedBuildInfo", capability: .buildTool(), dependencies: ["SurveyDataEmbedder"]),
        // The tests; they also run the built `caresurvey` executable end to end.
        .testTarget(name: "CareSurveyTests", dependencies: [
            "caresurvey", "CareSurveyKit", "SurveyModel", "SurveyFiles", "SurveyScoring", "SurveyEstimation", "SurveyBenchmark", "SurveyReports",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
