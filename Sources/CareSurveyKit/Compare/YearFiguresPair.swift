import Foundation
import SurveyFiles
import SurveyModel

/// One side of a comparison as `yearFigures` takes it.
public struct YearFiguresRequest: Sendable {
    public var paths: [String]
    public var populations: [String]
    public var options: LoadOptions
    public init(paths: [String], populations: [String], options: LoadOptions) {
        self.paths = paths
        self.populations = populations
        self.options = options
    }
}

extension Toolkit {
    /// Both sides of a comparison, read and estimated at the same time (the two years share
    /// nothing until they are compared, so on two cores this halves the wall time of `compare`
    /// from returns). The result and the error are those of reading them one after the other:
    /// the before side's error first.
    public func yearFigures(before: YearFiguresRequest, after: YearFiguresRequest,
                            estimation: EstimationOptions) throws(PipelineError) -> (before: YearFigures, after: YearFigures) {
        let sides = [before, after]
        let slots = ParallelResults<Result<YearFigures, PipelineError>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let side = sides[i]
            do throws(PipelineError) {
                slots.set(i, .success(try yearFigures(paths: side.paths, populations: side.populations,
                                                      options: side.options, estimation: estimation)))
            } catch {
                slots.set(i, .failure(error))
            }
        }
        return (try slots.take(0).get(), try slots.take(1).get())
    }
}
