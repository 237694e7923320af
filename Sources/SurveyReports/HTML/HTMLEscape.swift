import SurveyModel
import SurveyEstimation

/// Escaping and identifiers for the HTML report. Every piece of text that comes from data
/// (codebook labels, file names, notes, council codes) goes through `escape`.
enum HTML {
    /// Text and attribute-value escaping (`&`, `<`, `>`, `"`, `'`).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += " "
            case let c where c.value < 0x20 && c != "\n" && c != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A fragment identifier made of `[A-Za-z0-9-]` only.
    static func id(_ parts: String...) -> String {
        parts.joined(separator: "-").unicodeScalars.map { s -> String in
            let v = s.value
            let ok = (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || s == "-"
            return ok ? String(s) : "_"
        }.joined()
    }

    /// `<th>`/`<td>` cells.
    static func cells(_ values: [String], tag: String = "td", numeric: Set<Int> = []) -> String {
        values.enumerated().map { i, v in numeric.contains(i) ? "<\(tag) class=\"num\">\(v)</\(tag)>" : "<\(tag)>\(v)</\(tag)>" }.joined()
    }
}

/// Fixed, locale-independent number formatting (the golden file depends on it).
enum Fmt {
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "–" }
        if digits <= 0 {
            let r = x.rounded()
            return r == 0 ? "0" : String(Int(r))
        }
        return MeasuresText.fixed(x, digits)
    }

    /// For reading: like `fixed` with a true minus sign (`−0.1`).
    static func display(_ x: Double, _ digits: Int) -> String {
        let s = fixed(x, digits)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }

    /// `12,345`.
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A p-value: `0.012`, `< 0.001`.
    static func p(_ p: Double) -> String { p < 0.001 ? "&lt; 0.001" : fixed(p, 3) }

    /// An SVG coordinate (one decimal).
    static func c(_ x: Double) -> String { fixed(x, 1) }

    /// The Wald multiplier at a level, as text: `1.96` at 95% (the published convention), else 3 decimals.
    static func multiplier(_ level: Double) -> String {
        level == 0.95 ? "1.96" : MeasuresText.fixed(CriticalValue.z(level: level), 3)
    }

    static func level(_ level: Double) -> String {
        let pct = level * 100
        return pct == pct.rounded() ? "\(Int(pct.rounded()))%" : fixed(pct, 1) + "%"
    }

    static func pow10(_ n: Int) -> Double { (0..<max(n, 0)).reduce(1.0) { a, _ in a * 10 } }

    /// The last component of a path (the report never shows absolute paths).
    static func fileName(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }
}

/// How a measure's values are shown: percentages with one decimal for proportions; means on
/// their own scale: three decimals below 2 in size (adjusted SCRQoL), two below 15 (carer QoL,
/// 0–12), else one (SCRQoL, 0–24).
struct ValueFormat: Sendable {
    var kind: Measure.Kind
    var decimals: Int

    init(kind: Measure.Kind, typical: Double?) {
        self.kind = kind
        if kind == .proportion {
            decimals = 1
        } else {
            let size = abs(typical ?? 20)
            decimals = size < 2 ? 3 : (size < 15 ? 2 : 1)
        }
    }

    var isProportion: Bool { kind == .proportion }

    /// The value in display units (percent for proportions).
    func scaled(_ x: Double) -> Double { isProportion ? x * 100 : x }

    func value(_ x: Double) -> String { Fmt.display(scaled(x), decimals) + (isProportion ? "%" : "") }

    /// An axis label in display units.
    func axis(_ displayValue: Double, step: Double) -> String {
        var digits = 0
        while digits < 4, abs(step * Fmt.pow10(digits) - (step * Fmt.pow10(digits)).rounded()) > 1e-6 { digits += 1 }
        return Fmt.display(displayValue, digits) + (isProportion ? "%" : "")
    }

    /// `+4.1 points`, `−0.120`.
    func change(_ d: Double) -> String {
        let text = Fmt.fixed(abs(scaled(d)), decimals)
        let sign = text.allSatisfy({ $0 == "0" || $0 == "." }) ? "±" : (d >= 0 ? "+" : "−")
        return sign + text + (isProportion ? " points" : "")
    }

    func interval(_ lo: Double, _ hi: Double) -> String { value(lo) + " to " + value(hi) }

    /// A change's interval without units: `−0.3 to +13.9`.
    func changeInterval(_ lo: Double, _ hi: Double) -> String {
        func signed(_ d: Double) -> String {
            let text = Fmt.fixed(abs(scaled(d)), decimals)
            return (text.allSatisfy({ $0 == "0" || $0 == "." }) ? "" : (d >= 0 ? "+" : "−")) + text
        }
        return signed(lo) + " to " + signed(hi)
    }
}
