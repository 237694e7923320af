#!/usr/bin/env Rscript
# Reference values, made with R survey, for
#  (1) domain estimates by the PUBLISHED method (statistics.md §4, the default `--domains published`):
#      each cell h's population is split by the domain's share of the cell's respondents (any item),
#      N̂_dh = N_h · r_dh / r_h, and the domain's rows form a stratified design with strata (d, h),
#      fpc N̂_dh and weights N̂_dh / n_dh: svymean on svydesign(ids=~1, strata=~cell, fpc=~Nd, weights=~w);
#  (2) t-based intervals of DESIGN-based domain estimates (`--domains design --interval wald-t`):
#      svymean on subset(design, domain) with confint(..., df = degf(subset)), i.e. degrees of freedom
#      = the domain's respondents − the cells holding them, at the 95% and 90% levels.
# For England and within each council, domains gender and age-band. Run once; the CSVs are committed.
# Needs: apt-get install -y r-base-core r-cran-survey
# usage: Rscript make-domain-published-reference.R returns.csv population.csv published.csv design-t.csv
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "domain-data.R"))
d$cell <- paste(d$LaCode, d$h)
published <- NULL
design <- NULL
for (m in c("1A", "1B", "3A", "5A1", "1D", "3C1", "4A", "4B")) {
  s <- d[!is.na(d[[paste0("m", m)]]), ]
  s$y <- s[[paste0("m", m)]]; s$NN <- if (m == "1B") s$Nadj else s$N
  s$n <- ave(rep(1, nrow(s)), s$cell, FUN = sum); s$w <- s$NN / s$n
  des <- svydesign(ids = ~1, strata = ~cell, fpc = ~NN, weights = ~w, data = s)
  for (dv in c("gender", "ageband")) {
    by <- ifelse(dv == "ageband", "age-band", dv)
    r <- table(d$cell)                                   # respondents per cell, any item
    for (value in levels(d[[dv]])) {
      rd <- table(factor(d$cell[!is.na(d[[dv]]) & d[[dv]] == value], levels = names(r)))
      sd <- s[!is.na(s[[dv]]) & s[[dv]] == value, ]
      if (nrow(sd) == 0) next
      sd$Nd <- sd$NN * as.numeric(rd[sd$cell]) / as.numeric(r[sd$cell])
      sd$nd <- ave(rep(1, nrow(sd)), sd$cell, FUN = sum); sd$wd <- sd$Nd / sd$nd
      for (council in c("england", sort(unique(sd$LaCode)))) {
        part <- if (council == "england") sd else sd[sd$LaCode == council, ]
        if (nrow(part) >= 2) {  # svydesign refuses a design of one respondent
          pd <- svydesign(ids = ~1, strata = ~cell, fpc = ~Nd, weights = ~wd, data = part)
          e <- svymean(~y, pd)
          published <- rbind(published, data.frame(measure = m, council = council, by = by, value = value,
                                                   estimate = coef(e)[[1]], se = SE(e)[[1]]))
        }
        sub <- if (council == "england") subset(des, !is.na(get(dv)) & get(dv) == value)
               else subset(des, !is.na(get(dv)) & get(dv) == value & LaCode == council)
        t <- svymean(~y, sub); df <- degf(sub)
        if (df < 1) next
        c95 <- confint(t, df = df, level = 0.95); c90 <- confint(t, df = df, level = 0.90)
        design <- rbind(design, data.frame(measure = m, council = council, by = by, value = value,
                                           estimate = coef(t)[[1]], se = SE(t)[[1]], df = df,
                                           lower95 = c95[1, 1], upper95 = c95[1, 2], lower90 = c90[1, 1], upper90 = c90[1, 2]))
      }
    }
  }
}
write.csv(published, a[3], row.names = FALSE)
write.csv(design, a[4], row.names = FALSE)
cat(sprintf("%d published-method and %d t-interval domain estimates\n", nrow(published), nrow(design)))
