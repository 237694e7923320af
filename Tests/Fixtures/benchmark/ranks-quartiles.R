# Reference ranks, quartile cut points and bins for BenchmarkStatisticsTests.
# Run once: Rscript ranks-quartiles.R > ranks-quartiles.json   (commit the output)
# rank(ties.method = "average") with 1 = best by polarity; quantile(type = 7);
# bin = the first ascending bin whose upper bound is >= the value (1 + number of cut points below it).
cases <- list(
  list(name = "ties-higher", higher = TRUE, x = c(77.7, 80.1, 77.7, 65.0, 90.2, 80.1, 71.3, 77.7, 85.0, 60.4)),
  list(name = "ties-lower", higher = FALSE, x = c(77.7, 80.1, 77.7, 65.0, 90.2, 80.1, 71.3, 77.7, 85.0, 60.4)),
  list(name = "rates-lower", higher = FALSE, x = c(14.2, 9.8, 22.5, 14.2, 30.1, 5.0, 18.7, 11.1, 14.2, 25.3, 7.7, 19.9, 16.4)),
  list(name = "n3", higher = TRUE, x = c(10.5, 12.0, 11.2)),
  list(name = "n2-lower", higher = FALSE, x = c(0.4, 0.3)),
  list(name = "n1", higher = TRUE, x = c(5)),
  list(name = "all-equal", higher = TRUE, x = rep(50, 6)),
  list(name = "all-equal-lower", higher = FALSE, x = rep(0.8, 5)),
  list(name = "on-cut-points", higher = TRUE, x = c(1, 2, 3, 4, 5)),
  list(name = "on-cut-points-lower", higher = FALSE, x = c(1, 2, 3, 4, 5))
)
num <- function(v) paste0("[", paste(format(v, digits = 17, scientific = FALSE, trim = TRUE), collapse = ", "), "]")
out <- c()
for (k in cases) {
  ranks <- if (k$higher) rank(-k$x, ties.method = "average") else rank(k$x, ties.method = "average")
  cuts <- unname(quantile(k$x, c(0.25, 0.5, 0.75), type = 7))
  bins <- sapply(k$x, function(v) 1 + sum(v > cuts))
  quartiles <- if (k$higher) 5 - bins else bins
  out <- c(out, sprintf('  {"name": "%s", "higher": %s, "values": %s, "ranks": %s, "cutPoints": %s, "bins": %s, "quartiles": %s}',
                        k$name, tolower(k$higher), num(k$x), num(ranks), num(cuts), num(bins), num(quartiles)))
}
cat("{\"source\": \"ranks-quartiles.R (R ", R.version$major, ".", R.version$minor, ")\", \"cases\": [\n", paste(out, collapse = ",\n"), "\n]}\n", sep = "")
