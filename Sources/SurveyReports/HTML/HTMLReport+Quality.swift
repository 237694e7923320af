import SurveyModel
import SurveyEstimation

extension HTMLReport {
    /// What the read accounted for, problems by rule, and every input file.
    static func quality(_ c: Context) -> String {
        let s = c.input.summary
        let unreadable = c.input.files.filter { $0.error != nil }
        var body = "<div class=\"qgrid\">\n<table class=\"counts\">\n<caption>What was read</caption>\n<tbody>\n"
        func row(_ label: String, _ value: Int, _ note: String = "", warn: Bool = false) {
            body += "<tr\(warn && value > 0 ? " class=\"warnrow\"" : "")><th scope=\"row\">\(label)</th><td class=\"num\">\(Fmt.count(value))</td>"
            body += "<td class=\"small\">\(note)</td></tr>\n"
        }
        row("Files read", c.input.files.count - unreadable.count)
        row("Unreadable files", unreadable.count, unreadable.isEmpty ? "" : "see the file list", warn: true)
        row("Rows read", s.rowsRead, "data rows (template rows not counted)")
        row("Respondents", s.respondents)
        row("Non-respondents", s.nonRespondents)
        if s.responseUnknown > 0 { row("Response code missing or invalid", s.responseUnknown, "kept; neither respondent nor non-respondent", warn: true) }
        row("Template rows skipped", s.templateRowsSkipped, "unused rows of the Excel template")
        if s.blankRowsSkipped > 0 { row("Blank rows skipped", s.blankRowsSkipped) }
        row("Rows with errors", s.rowsWithErrors, "invalid cells are treated as missing", warn: true)
        let errors = c.input.diagnosticCounts.filter { $0.severity == .error }.reduce(0) { $0 + $1.count }
        let warnings = c.input.diagnosticCounts.filter { $0.severity == .warning }.reduce(0) { $0 + $1.count }
        row("Errors", errors, "", warn: true)
        row("Warnings", warnings)
        body += "</tbody>\n</table>\n"
        body += "<table class=\"rules\">\n<caption>Problems by rule</caption>\n"
        body += "<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Count</th></tr></thead>\n"
        if c.input.diagnosticCounts.isEmpty {
            body += "<tbody><tr><td colspan=\"3\">No errors or warnings.</td></tr></tbody>\n"
        } else {
            body += "<tbody>\n"
            for rc in c.input.diagnosticCounts {
                let sev = rc.severity == .error ? "<span class=\"sev err\">✖ error</span>" : "<span class=\"sev warn\">! warning</span>"
                body += "<tr><th scope=\"row\"><code>\(HTML.escape(rc.rule))</code></th><td>\(sev)</td><td class=\"num\">\(Fmt.count(rc.count))</td></tr>\n"
            }
            body += "</tbody>\n"
        }
        body += "</table>\n</div>\n"
        body += "<p class=\"small\">Run <code>caresurvey validate</code> on the returns for every problem with its file, sheet, row and column.</p>\n"
        body += fileTable(c)
        var notes = c.input.notes
        notes += c.input.measures.notes.filter { !notes.contains($0) }
        notes += c.input.tables.notes.filter { !notes.contains($0) }
        if !notes.isEmpty { body += "<h3>Notes from the analysis</h3>\n" + notesList(notes) }
        return section("quality", "Data quality", body)
    }

    static func fileTable(_ c: Context) -> String {
        let files = c.input.files
        guard !files.isEmpty else { return "" }
        var table = "<table class=\"files\">\n<caption>Input files</caption>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Format</th>"
        table += "<th scope=\"col\" class=\"num\">Rows</th><th scope=\"col\" class=\"num\">Respondents</th>"
        table += "<th scope=\"col\" class=\"num\">Errors</th><th scope=\"col\" class=\"num\">Warnings</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n"
        for f in files {
            table += "<tr><th scope=\"row\"><code>\(HTML.escape(Fmt.fileName(f.path)))</code></th>"
            table += "<td>\(HTML.escape(f.format))\(f.sheet.map { " · sheet “\(HTML.escape($0))”" } ?? "")</td>"
            table += "<td class=\"num\">\(Fmt.count(f.summary.rowsRead))</td><td class=\"num\">\(Fmt.count(f.summary.respondents))</td>"
            table += "<td class=\"num\">\(Fmt.count(f.summary.errors))</td><td class=\"num\">\(Fmt.count(f.summary.warnings))</td>"
            if let error = f.error {
                table += "<td><span class=\"sev err\">✖ unreadable</span> \(HTML.escape(error))</td></tr>\n"
            } else {
                table += "<td>read\(f.codebook.map { " as \(HTML.escape($0))" } ?? "")</td></tr>\n"
            }
        }
        table += "</tbody>\n</table>\n"
        // Many files (a national analyst's 150 workbooks): fold the list away.
        if files.count > 12 {
            var out = ""
            let unreadable = files.filter { $0.error != nil }
            if !unreadable.isEmpty {
                out += "<p><strong>Unreadable files:</strong></p>\n<ul class=\"notes\">"
                out += unreadable.map { "<li><code>\(HTML.escape(Fmt.fileName($0.path)))</code>: \(HTML.escape($0.error ?? ""))</li>" }.joined()
                out += "</ul>\n"
            }
            return out + "<details><summary>Input files (\(Fmt.count(files.count)))</summary>\n\(table)</details>\n"
        }
        return table
    }
}
