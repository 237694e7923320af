import SurveyExamples

extension Toolkit {
    /// Writes synthetic returns, populations and workbooks with the toolkit's codebooks and the
    /// example profiles in use (`SurveyExamples`).
    public func writeExamples(_ options: ExampleOptions) throws(ExampleError) -> [ExampleFileSummary] {
        try ExampleWriter.write(options, codebooks: codebooks, surveys: surveys, profiles: ExampleProfileFile.load(from: data))
    }
}
