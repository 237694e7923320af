# Shared by make-domain-reference.R and make-domain-published-reference.R: reads a conformance
# return and its populations (a[1], a[2]), derives the strata and the eight measures of the
# domain references, and the item-design populations N (by stratum) and Nadj (1B's set).
suppressPackageStartupMessages(library(survey))
a <- commandArgs(TRUE)
d <- read.csv(a[1], colClasses = c(LaCode = "character"), na.strings = c("", "-9"))
p <- read.csv(a[2], colClasses = c(LaCode = "character"))
d <- d[d$Response == 1, ]
inr <- function(x, hi) ifelse(!is.na(x) & x >= 1 & x <= hi & x == round(x), x, NA)
d$h <- with(d, ifelse(PrimarySupportReason == 7, 1, ifelse(Age < 65, 2, ifelse(SupportSetting %in% c(2, 3), 3, 4))))
p$h <- with(p, ifelse(PSRGroup == "LearningDisability", 1, ifelse(AgeBand == "18-64", 2, ifelse(Setting %in% c("Residential", "Nursing"), 3, 4))))
p$adj <- with(p, Setting == "Community" & PSRGroup %in% c("Physical", "Sensory", "Memory", "MentalHealth"))
N <- aggregate(Population ~ LaCode + h, p, sum)
NA2 <- aggregate(Population ~ LaCode + h, p[p$adj, ], sum)
key <- paste(d$LaCode, d$h)
d$N <- N$Population[match(key, paste(N$LaCode, N$h))]
d$Nadj <- NA2$Population[match(key, paste(NA2$LaCode, NA2$h))]
it <- c("q3a", "q4a", "q5a", "q6a", "q7a", "q8a", "q9a", "q11")
X <- sapply(it, function(q) inr(d[[q]], 4))
wt <- list(q3a = c(1, .919, .541, 0), q4a = c(.911, .789, .265, .195), q5a = c(.879, .775, .294, .184),
           q6a = c(.863, .78, .374, .288), q7a = c(.88, .452, .298, .114), q8a = c(.873, .748, .497, .241),
           q9a = c(.962, .927, .567, .17), q11 = c(.847, .637, .295, .263))
complete <- rowSums(is.na(X)) == 0
d$m1A <- ifelse(complete, rowSums(4 - X), NA)
U <- 0.203 * rowSums(sapply(it, function(q) wt[[q]][X[, q]])) - 0.466
adl <- rowSums(sapply(c("q15a", "q15b", "q15c", "q15d", "q16a", "q16b", "q16c"), function(q) inr(d[[q]], 3) - 1))
q13 <- inr(d$q13, 5); q17 <- inr(d$q17, 4); q18 <- inr(d$q18, 4)
P <- 0.5798 + 0.0473 * (d$Age >= 65) - 0.0148 * (q13 == 3) - 0.109 * (q13 %in% 4:5) - 0.0202 * adl -
  0.0308 * (q17 == 2) - 0.125 * (q17 %in% 3:4) - 0.0603 * (q18 == 2) - 0.11 * (q18 %in% 3:4)
elig <- ((d$h == 2 & d$SupportSetting == 1) | d$h == 4) & d$PrimarySupportReason %in% c(1:6, 8)
d$m1B <- ifelse(complete & elig & !is.na(P), U - P, NA)
q1 <- inr(d$q1, ifelse(d$Questionnaire == 3, 5, 7)); comb <- ifelse(d$Questionnaire == 3, q1, pmin(pmax(q1 - 1, 1), 5))
q12 <- inr(d$q12, 5)
d$m3A <- as.numeric(inr(d$q3a, 4) <= 2); d$m5A1 <- as.numeric(inr(d$q8a, 4) == 1); d$m1D <- as.numeric(comb == 1)
d$m3C1 <- ifelse(q12 == 1, NA, as.numeric(q12 %in% 2:3)); d$m4A <- as.numeric(inr(d$q7a, 4) == 1); d$m4B <- as.numeric(inr(d$q7b, 2) == 1)
d$gender <- factor(c("Male", "Female", "Other")[d$Gender])
d$ageband <- cut(d$Age, c(17, 64, 74, 84, Inf), labels = c("18-64", "65-74", "75-84", "85+"))
options(survey.lonely.psu = "certainty")
