// The façade re-exports the module whose types its API returns only through CareSurveyKit
// (`writeExamples`): importing CareSurveyKit gives ExampleOptions, ExampleFileSummary, ExampleError.
@_exported import SurveyExamples
