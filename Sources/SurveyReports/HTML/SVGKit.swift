import Foundation

/// Small helpers for the report's inline SVG: linear scales with round ticks, markers whose shape
/// carries the meaning (colour is never the only cue), and accessible `<svg>` openings.
enum SVG {
    /// A linear map from display values to x positions.
    struct Scale {
        var lo: Double
        var hi: Double
        var x0: Double
        var x1: Double
        var step: Double

        func x(_ v: Double) -> Double {
            guard hi > lo else { return (x0 + x1) / 2 }
            let clamped = min(max(v, lo), hi)
            return x0 + (clamped - lo) / (hi - lo) * (x1 - x0)
        }

        var ticks: [Double] {
            guard step > 0 else { return [lo] }
            var out: [Double] = []
            var i = (lo / step).rounded(.up)
            while i * step <= hi + step * 1e-9 {
                out.append(i * step)
                i += 1
            }
            return out
        }

        /// A scale covering `values` (display units) with round ends; `bounds` caps it (0–100 for percentages).
        static func nice(covering values: [Double], bounds: ClosedRange<Double>?, x0: Double, x1: Double, targetTicks: Int = 5) -> Scale {
            let finite = values.filter(\.isFinite)
            var lo = finite.min() ?? 0
            var hi = finite.max() ?? 1
            if hi - lo < 1e-9 {
                let pad = max(abs(lo) * 0.05, 0.5)
                lo -= pad
                hi += pad
            }
            let step = niceStep((hi - lo) / Double(max(targetTicks, 1)))
            lo = (lo / step).rounded(.down) * step
            hi = (hi / step).rounded(.up) * step
            if let bounds {
                lo = max(lo, bounds.lowerBound)
                hi = min(hi, bounds.upperBound)
            }
            return Scale(lo: lo, hi: hi, x0: x0, x1: x1, step: step)
        }

        static func niceStep(_ raw: Double) -> Double {
            guard raw > 0, raw.isFinite else { return 1 }
            let magnitude = pow(10, (log10(raw)).rounded(.down))
            let f = raw / magnitude
            let nice: Double = f <= 1 ? 1 : (f <= 2 ? 2 : (f <= 2.5 ? 2.5 : (f <= 5 ? 5 : 10)))
            return nice * magnitude
        }
    }

    enum Shape { case circle, diamond, triangleUp, triangleDown, square }

    /// A marker centred at (x, y) with half-size r.
    static func marker(_ shape: Shape, x: Double, y: Double, r: Double, cssClass: String) -> String {
        let cls = "class=\"\(cssClass)\""
        switch shape {
        case .circle:
            return "<circle \(cls) cx=\"\(Fmt.c(x))\" cy=\"\(Fmt.c(y))\" r=\"\(Fmt.c(r))\"/>"
        case .square:
            return "<rect \(cls) x=\"\(Fmt.c(x - r))\" y=\"\(Fmt.c(y - r))\" width=\"\(Fmt.c(2 * r))\" height=\"\(Fmt.c(2 * r))\"/>"
        case .diamond:
            let d = r * 1.3
            return polygon([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], cls)
        case .triangleUp:
            let d = r * 1.25
            return polygon([(x, y - d), (x + d, y + d * 0.8), (x - d, y + d * 0.8)], cls)
        case .triangleDown:
            let d = r * 1.25
            return polygon([(x, y + d), (x + d, y - d * 0.8), (x - d, y - d * 0.8)], cls)
        }
    }

    private static func polygon(_ points: [(Double, Double)], _ cls: String) -> String {
        "<polygon \(cls) points=\"" + points.map { "\(Fmt.c($0.0)),\(Fmt.c($0.1))" }.joined(separator: " ") + "\"/>"
    }

    /// `<svg …><title id>…</title><desc id>…</desc>` (close with `</svg>`).
    static func open(id: String, width: Double, height: Double, title: String, desc: String, cssClass: String) -> String {
        "<svg class=\"\(cssClass)\" viewBox=\"0 0 \(Fmt.c(width)) \(Fmt.c(height))\" width=\"\(Fmt.c(width))\" height=\"\(Fmt.c(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(HTML.escape(title))</title><desc id=\"\(id)-d\">\(HTML.escape(desc))</desc>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cssClass: String) -> String {
        "<line class=\"\(cssClass)\" x1=\"\(Fmt.c(x1))\" y1=\"\(Fmt.c(y1))\" x2=\"\(Fmt.c(x2))\" y2=\"\(Fmt.c(y2))\"/>"
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, cssClass: String, fill: String? = nil) -> String {
        "<rect class=\"\(cssClass)\" x=\"\(Fmt.c(x))\" y=\"\(Fmt.c(y))\" width=\"\(Fmt.c(max(w, 0)))\" height=\"\(Fmt.c(max(h, 0)))\""
            + (fill.map { " fill=\"\($0)\"" } ?? "") + "/>"
    }

    /// Escaped text; `anchor` start|middle|end.
    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", cssClass: String = "lbl", fill: String? = nil) -> String {
        "<text class=\"\(cssClass)\" x=\"\(Fmt.c(x))\" y=\"\(Fmt.c(y))\" text-anchor=\"\(anchor)\""
            + (fill.map { " fill=\"\($0)\"" } ?? "") + ">\(HTML.escape(s))</text>"
    }
}
