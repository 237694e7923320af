// TEMPORARY until Intervals/ lands.
public enum IntervalMethod: String, CaseIterable, Sendable, Codable { case wald, waldT = "wald-t", wilson, logit, kornGraubard = "korn-graubard" }
