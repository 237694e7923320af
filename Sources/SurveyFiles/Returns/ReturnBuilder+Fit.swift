import SurveyModel

/// Whether the codebook chosen for a file fits its columns, or another codebook fits them better.
extension ReturnBuilder {
    /// The required columns (mandatory or value-required) of `codebook` that the header lacks.
    func missingRequired(_ codebook: Codebook, _ result: HeaderMatcher.Result) -> [String] {
        codebook.fields.enumerated().compactMap { index, field in
            guard result.fieldColumn[index] == nil, !(mode == .csv && field.isExcelOnly) else { return nil }
            guard field.isMandatory || field.isValueRequired else { return nil }
            if field.name == codebook.councilFieldName && fallbackCouncil != nil { return nil }
            return field.name
        }
    }

    /// A codebook that fits the header better than `chosen`: one whose detection rule holds when
    /// `chosen`'s does not, or (when none holds) one that leaves fewer required columns missing and
    /// finds at least as many. Nil when `chosen` fits as well as any.
    func betterFit(than chosen: Codebook, result: HeaderMatcher.Result, detected: Bool,
                   fileColumns: Set<String>) -> (codebook: Codebook, missing: [String])? {
        guard !detected else { return nil }
        let missing = missingRequired(chosen, result).count
        var best: (codebook: Codebook, fits: Bool, missing: Int, matched: Int)?
        var seen: Set<String> = [chosen.id]
        for other in candidates + alternatives where seen.insert(other.id).inserted {
            let match = HeaderMatcher.match(header: header, codebook: other, mode: mode)
            let fits = other.matches(columns: match.tidyNames, fileColumns: fileColumns)
            let otherMissing = missingRequired(other, match).count
            guard fits || (otherMissing < missing && match.matched >= result.matched) else { continue }
            let candidate = (other, fits, otherMissing, match.matched)
            if let current = best {
                if (fits && !current.fits) || (fits == current.fits && (otherMissing, -match.matched) < (current.missing, -current.matched)) {
                    best = candidate
                }
            } else {
                best = candidate
            }
        }
        guard let best else { return nil }
        return (best.codebook, missingRequired(chosen, result))
    }

    /// Refuses the file (a fatal `codebookMismatch`) when another codebook fits it better, unless
    /// forced; forced, the file carries a `codebook-forced` warning. Returns false when refused.
    mutating func checkFit(_ codebook: Codebook, result: HeaderMatcher.Result, detected: Bool, fileColumns: Set<String>) -> Bool {
        guard let (better, missing) = betterFit(than: codebook, result: result, detected: detected, fileColumns: fileColumns) else { return true }
        let reason = missing.isEmpty
            ? "its detection columns \(codebook.detect.all.joined(separator: ", ")) are not all present"
            : "\(missing.count) required column\(missing.count == 1 ? "" : "s") missing: \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")"
        if !force {
            fatal = .codebookMismatch(file: file, sheet: sheet, expected: codebook.id, fits: better.id, reason: reason)
            return false
        }
        report(.warning("codebook-forced", "read as \(codebook.id) because --force-codebook was given, although the columns do not fit it (\(reason)) and fit \(better.id); results may come from the wrong questions",
                        row: headerRow))
        return true
    }
}
