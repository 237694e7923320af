#!/usr/bin/env Rscript
# Reference values for design-based domain estimates (statistics.md §4, `--domains design`):
# R survey's svyby(~y, ~domain, design, svymean) on the item design of each measure, for England and
# within each council, for the domains gender and age-band. Run once; the CSV it writes is committed.
# Needs: apt-get install -y r-base-core r-cran-survey
# usage: Rscript make-domain-reference.R returns.csv population.csv out.csv
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "domain-data.R"))
out <- NULL
for (m in c("1A", "1B", "3A", "5A1", "1D", "3C1", "4A", "4B")) {
  s <- d[!is.na(d[[paste0("m", m)]]), ]
  s$y <- s[[paste0("m", m)]]; s$NN <- if (m == "1B") s$Nadj else s$N
  s$cell <- paste(s$LaCode, s$h); s$n <- ave(rep(1, nrow(s)), s$cell, FUN = sum); s$w <- s$NN / s$n
  des <- svydesign(ids = ~1, strata = ~cell, fpc = ~NN, weights = ~w, data = s)
  for (dv in c("gender", "ageband")) {
    f <- as.formula(paste0("~", dv))
    e <- svyby(~y, f, des, svymean, keep.var = TRUE)
    out <- rbind(out, data.frame(measure = m, council = "england", by = ifelse(dv == "ageband", "age-band", dv),
                                 value = as.character(e[[dv]]), estimate = e$y, se = SE(e)))
    f2 <- as.formula(paste0("~LaCode+", dv))
    e2 <- svyby(~y, f2, des, svymean, keep.var = TRUE)
    out <- rbind(out, data.frame(measure = m, council = e2$LaCode, by = ifelse(dv == "ageband", "age-band", dv),
                                 value = as.character(e2[[dv]]), estimate = e2$y, se = SE(e2)))
  }
}
write.csv(out, a[3], row.names = FALSE)
cat(sprintf("%d domain estimates\n", nrow(out)))
