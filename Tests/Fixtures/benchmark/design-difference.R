# Reference for the design-based council-vs-England difference (DesignDifferenceTests).
# Run once: Rscript design-difference.R   (writes design-difference.csv and design-difference.json; commit both)
# Design as statistics.md §2: strata = council x stratum cells, fpc = N_h, weights N_h/n_h.
# England = all councils; council minus England by svycontrast on svyby(..., covmat = TRUE).
library(survey)
set.seed(1998)
cells <- expand.grid(stratum = 1:3, council = c("101", "202", "303", "404"), stringsAsFactors = FALSE)
cells$N <- c(400, 900, 250, 1200, 3000, 800, 300, 500, 150, 2000, 2500, 900)
cells$n <- c(40, 60, 25, 80, 120, 40, 30, 45, 1, 100, 90, 50)
cells$p <- c(0.6, 0.75, 0.8, 0.55, 0.7, 0.65, 0.9, 0.8, 0.5, 0.62, 0.71, 0.77)
rows <- do.call(rbind, lapply(seq_len(nrow(cells)), function(i) {
  data.frame(council = cells$council[i], stratum = cells$stratum[i], N = cells$N[i],
             y = rbinom(cells$n[i], 1, cells$p[i]))
}))
rows$cell <- paste(rows$council, rows$stratum)
rows$w <- ave(rows$N, rows$cell, FUN = function(v) v / length(v))
write.csv(rows[, c("council", "stratum", "N", "y")], "design-difference.csv", row.names = FALSE)
options(survey.lonely.psu = "certainty")
des <- svydesign(ids = ~1, strata = ~cell, fpc = ~N, weights = ~w, data = rows)
by <- svyby(~y, ~council, des, svymean, covmat = TRUE)
eng <- svymean(~y, des)
Nc <- tapply(rows$w, rows$council, sum)
N <- sum(Nc)
out <- c()
for (k in seq_along(Nc)) {
  coef <- -Nc / N
  coef[k] <- coef[k] + 1
  con <- svycontrast(by, coef)
  out <- c(out, sprintf('  {"council": "%s", "mean": %.17g, "variance": %.17g, "population": %.17g, "difference": %.17g, "se": %.17g}',
                        names(Nc)[k], coef(by)[k], vcov(by)[k, k], Nc[k], coef(con), SE(con)))
}
json <- sprintf('{"source": "design-difference.R (survey %s)", "england": {"mean": %.17g, "variance": %.17g, "population": %.17g},\n "councils": [\n%s\n]}\n',
                packageVersion("survey"), coef(eng), vcov(eng)[1, 1], N, paste(out, collapse = ",\n"))
cat(json, file = "design-difference.json")
