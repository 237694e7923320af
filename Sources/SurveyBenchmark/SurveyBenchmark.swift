/// Benchmarking and trends from published national figures (benchmarking.md): ranks and rank
/// intervals, quartiles and distances to them, comparisons with England, the region and peers,
/// funnel plots, multi-year series, the recent-trend test, targets and RAG.
public enum SurveyBenchmark {}
