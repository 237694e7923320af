import SurveyModel
import SurveyEstimation

extension HTMLReport {
    /// One chart per measure: every council's estimate and interval against England's value,
    /// sorted by estimate, the focus council highlighted; the numbers in a table beneath.
    static func benchmark(_ c: Context) -> String {
        var body = "<p>Every council’s estimate with its \(Fmt.level(c.input.method.level)) interval, highest first, against England’s value "
        body += "(dashed line; shaded band = England’s interval)."
        if c.focus != nil { body += " The focus council is highlighted and labelled." }
        body += "</p>\n" + benchmarkLegend(c)
        for code in c.measureCodes {
            body += benchmarkChart(code, c)
        }
        return section("benchmark", "Council benchmarking", body)
    }

    static func benchmarkLegend(_ c: Context) -> String {
        func icon(_ shape: SVG.Shape, _ cls: String) -> String {
            "<svg class=\"icon\" viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\">"
                + SVG.marker(shape, x: 7, y: 7, r: 4.5, cssClass: "mk \(cls)") + "</svg>"
        }
        var out = "<ul class=\"legend\">"
        out += "<li>\(icon(.triangleUp, "better")) interval wholly above England (better)</li>"
        out += "<li>\(icon(.triangleDown, "worse")) interval wholly below England (worse)</li>"
        out += "<li>\(icon(.circle, "similar")) interval includes England’s value</li>"
        out += "<li><svg class=\"icon\" viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\">"
            + SVG.rect(5, 0, 4, 14, cssClass: "eband") + SVG.line(7, 0, 7, 14, cssClass: "eline") + "</svg> England</li>"
        if c.focus != nil {
            out += "<li><svg class=\"icon\" viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\">"
                + SVG.rect(0, 2, 14, 10, cssClass: "fband") + SVG.marker(.circle, x: 7, y: 7, r: 3.5, cssClass: "mk focus") + "</svg> "
                + "\(HTML.escape(c.leadLabel)) (highlighted, labelled ►)</li>"
        }
        return out + "</ul>\n"
    }

    struct BenchRow {
        var council: String
        var result: MeasureResult
        var estimate: Double
        var lower: Double
        var upper: Double
    }

    static func benchmarkChart(_ code: String, _ c: Context) -> String {
        let f = c.format(code)
        let england = c.result(code, .england)
        let councils = c.input.measures.results.filter { $0.measure == code && $0.group.level == .council }
        var rows: [BenchRow] = []
        var hidden: [(String, String)] = []
        for r in councils {
            let council = r.group.council ?? "?"
            if let s = r.suppression { hidden.append((council, s)); continue }
            guard let e = r.estimate?.estimate, let lo = r.lower, let hi = r.upper else { hidden.append((council, "no estimate")); continue }
            rows.append(BenchRow(council: council, result: r, estimate: e, lower: lo, upper: hi))
        }
        rows.sort { $0.estimate != $1.estimate ? $0.estimate > $1.estimate : $0.council < $1.council }
        let name = england?.name ?? c.measureDefinitions[code]?.name ?? code
        let display = england.map(c.displayCode) ?? code
        let id = HTML.id("bench", code)
        var out = "<figure class=\"bench\" id=\"\(id)\">\n<h3><span class=\"code\">\(HTML.escape(display))</span> \(HTML.escape(name))</h3>\n"
        guard !rows.isEmpty else {
            return out + "<p class=\"muted\">No council has a published value for this measure.</p>\n</figure>\n"
        }
        let englandValue = england.flatMap { $0.isSuppressed ? nil : $0.estimate?.estimate }
        var relations: [String: Context.Relation] = [:]
        for row in rows { relations[row.council] = c.relation(row.result, england: england) }
        let focusCode = c.input.focusCouncil
        let focusRank = rows.firstIndex { $0.council == focusCode }.map { $0 + 1 }

        // Geometry: rows shrink with the number of councils so 150 councils stay on a page.
        let n = rows.count
        let rowHeight: Double = n <= 30 ? 16 : (n <= 60 ? 10 : max(5, (720.0 / Double(n)).rounded(.down)))
        let labelEvery = rowHeight >= 10
        let width = 900.0, left = 64.0, right = 24.0, top = 30.0
        let plotHeight = Double(n) * rowHeight
        let height = top + plotHeight + 42
        var domain = rows.flatMap { [f.scaled($0.lower), f.scaled($0.upper)] }
        if let englandValue { domain.append(f.scaled(englandValue)) }
        let scale = SVG.Scale.nice(covering: domain, bounds: f.isProportion ? 0...100 : nil, x0: left, x1: width - right, targetTicks: 8)
        let higher = relations.values.filter { $0 == .higher }.count
        let lower = relations.values.filter { $0 == .lower }.count
        var desc = "\(n) councils sorted from highest to lowest estimate. "
        if let englandValue { desc += "England \(f.value(englandValue)). " }
        desc += "\(higher) councils have intervals wholly above England’s value, \(lower) wholly below, \(n - higher - lower) include it."
        if let focusRank, let focusRow = rows.first(where: { $0.council == focusCode }) {
            desc += " Council \(focusRow.council): \(f.value(focusRow.estimate)) (\(f.interval(focusRow.lower, focusRow.upper))), ranked \(focusRank) \(c.input.measures.aggregate.rankBase(n))."
        }
        var s = SVG.open(id: id + "-svg", width: width, height: height, title: "\(display) \(name): councils against England", desc: desc, cssClass: "benchsvg")
        // Grid and axis.
        let axisY = top + plotHeight + 6
        for t in scale.ticks {
            s += SVG.line(scale.x(t), top - 4, scale.x(t), axisY, cssClass: "grid")
            s += SVG.text(f.axis(t, step: scale.step), x: scale.x(t), y: axisY + 16, anchor: "middle", cssClass: "tick")
        }
        s += SVG.line(scale.x0, axisY, scale.x1, axisY, cssClass: "axis")
        s += SVG.text(f.isProportion ? "Percentage (weighted)" : "Mean score", x: (scale.x0 + scale.x1) / 2, y: axisY + 32, anchor: "middle", cssClass: "axtitle")
        // England's band and line.
        if let england, !england.isSuppressed, let e = englandValue, let lo = england.lower, let hi = england.upper {
            s += SVG.rect(scale.x(f.scaled(lo)), top - 4, scale.x(f.scaled(hi)) - scale.x(f.scaled(lo)), plotHeight + 10, cssClass: "eband")
            s += SVG.line(scale.x(f.scaled(e)), top - 8, scale.x(f.scaled(e)), axisY, cssClass: "eline")
            let ex = scale.x(f.scaled(e))
            let anchor = ex > width - 120 ? "end" : (ex < left + 60 ? "start" : "middle")
            s += SVG.text("England \(f.value(e))", x: ex, y: top - 12, anchor: anchor, cssClass: "elabel")
        }
        // Rows.
        let r = min(4.5, max(2.3, rowHeight * 0.32))
        for (i, row) in rows.enumerated() {
            let y = top + (Double(i) + 0.5) * rowHeight
            let isFocus = row.council == focusCode
            let style = c.style(relations[row.council], measure: code)
            if isFocus {
                s += SVG.rect(0, y - max(rowHeight, 12) / 2, width, max(rowHeight, 12), cssClass: "fband")
            }
            let cap = min(3, rowHeight * 0.3)
            s += whisker(scale, (f.scaled(row.estimate), f.scaled(row.lower), f.scaled(row.upper)), y: y,
                         cssClass: isFocus ? "whisker focus" : "whisker \(style.cls)", cap: cap)
            s += SVG.marker(style.shape, x: scale.x(f.scaled(row.estimate)), y: y, r: isFocus ? max(r, 4.5) : r,
                            cssClass: "mk \(style.cls)\(isFocus ? " focus" : "")")
            if isFocus {
                s += SVG.text("► \(row.council)", x: left - 8, y: y + 4, anchor: "end", cssClass: "lbl strong")
                let hiX = scale.x(f.scaled(row.upper)) + 8
                let loX = scale.x(f.scaled(row.lower)) - 8
                let text = "\(f.value(row.estimate)) (rank \(i + 1) \(c.input.measures.aggregate.rankBase(n)))"
                s += hiX < width - 170 ? SVG.text(text, x: hiX, y: y + 4, cssClass: "lbl strong halo")
                    : SVG.text(text, x: loX, y: y + 4, anchor: "end", cssClass: "lbl strong halo")
            } else if labelEvery {
                s += SVG.text(row.council, x: left - 8, y: y + 3.5, anchor: "end", cssClass: "lbl small")
            }
        }
        if !labelEvery {
            s += SVG.text("highest", x: left - 8, y: top + 8, anchor: "end", cssClass: "lbl small muted")
            s += SVG.text("lowest", x: left - 8, y: top + plotHeight, anchor: "end", cssClass: "lbl small muted")
        }
        s += "</svg>"
        out += s + "\n<figcaption>"
        if let focusRank, let focusCode { out += "Council \(HTML.escape(focusCode)) ranks \(focusRank) \(c.input.measures.aggregate.rankBase(n)) (1 = highest). " }
        out += "\(higher) above England, \(lower) below, \(n - higher - lower) not different."
        if !hidden.isEmpty {
            out += " Not shown: " + hidden.sorted { $0.0 < $1.0 }.map { "\(HTML.escape($0.0)) \(HTML.escape($0.1))" }.joined(separator: ", ") + "."
        }
        out += "</figcaption>\n"
        out += benchmarkTable(rows, relations: relations, hidden: hidden, code: code, display: display, c: c)
        return out + "</figure>\n"
    }

    static func benchmarkTable(_ rows: [BenchRow], relations: [String: Context.Relation], hidden: [(String, String)],
                               code: String, display: String, c: Context) -> String {
        let f = c.format(code)
        var out = "<details><summary>Table of council values (\(rows.count + hidden.count) councils)</summary>\n"
        out += "<table class=\"benchtable\"><caption>\(HTML.escape(display)) by council, highest first</caption>\n<thead><tr>"
        out += "<th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Council</th><th scope=\"col\" class=\"num\">Value</th>"
        out += "<th scope=\"col\" class=\"num\">\(Fmt.level(c.input.method.level)) CI</th><th scope=\"col\" class=\"num\">n</th>"
        out += "<th scope=\"col\">Compared with England</th></tr></thead>\n<tbody>\n"
        for (i, row) in rows.enumerated() {
            let isFocus = row.council == c.input.focusCouncil
            out += "<tr\(isFocus ? " class=\"focusrow\"" : "")><td class=\"num\">\(i + 1)</td>"
            out += "<th scope=\"row\">\(HTML.escape(row.council))\(isFocus ? " (focus)" : "")</th>"
            out += "<td class=\"num\">\(f.value(row.estimate))</td><td class=\"num\">\(f.interval(row.lower, row.upper))</td>"
            out += "<td class=\"num\">\(Fmt.count(row.result.estimate?.respondents ?? 0))</td>"
            out += "<td>\(c.style(relations[row.council], measure: code).words)</td></tr>\n"
        }
        for (council, why) in hidden.sorted(by: { $0.0 < $1.0 }) {
            out += "<tr><td class=\"num\">–</td><th scope=\"row\">\(HTML.escape(council))</th><td class=\"num supp\">\(HTML.escape(why))</td>"
            out += "<td class=\"num\">–</td><td class=\"num\">–</td><td>–</td></tr>\n"
        }
        return out + "</tbody></table>\n</details>\n"
    }
}
