/// Sufficient statistics of one cell for one item: n_h valid values, their mean ȳ_h and the
/// sum of squared deviations Σ(y − ȳ_h)² (computed in two passes for accuracy).
public struct CellStats: Sendable, Hashable {
    public var n: Int
    public var mean: Double
    public var sumSquares: Double

    public init(n: Int, mean: Double, sumSquares: Double) {
        self.n = n
        self.mean = mean
        self.sumSquares = sumSquares
    }

    /// s_h² = Σ(y − ȳ_h)² / (n_h − 1); 0 when n_h < 2.
    public var sampleVariance: Double { n > 1 ? sumSquares / Double(n - 1) : 0 }

    /// Per-cell statistics of `values` (NaN = no valid value) over the cells of `cellOfRow`
    /// (negative = outside the design). `include`, if given, restricts rows (domains).
    public static func accumulate(values: [Double], cellOfRow: [Int32], cellCount: Int, include: [Bool]? = nil) -> [CellStats] {
        accumulate(values: values, cellOfRow: cellOfRow, rows: nil, cellCount: cellCount, include: include)
    }

    /// The same over a design: only its rows with a cell are visited (`Design.rowsInDesign`, in
    /// row order, so every sum adds the same values in the same order).
    public static func accumulate(values: [Double], design: Design, include: [Bool]? = nil) -> [CellStats] {
        accumulate(values: values, cellOfRow: design.cellOfRow, rows: design.rowsInDesign, cellCount: design.cells.count, include: include)
    }

    /// `rows`: the rows to visit in order (nil = every row); rows outside the design or without a
    /// value are skipped either way.
    static func accumulate(values: [Double], cellOfRow: [Int32], rows: [Int32]?, cellCount: Int, include: [Bool]?) -> [CellStats] {
        var n = [Int](repeating: 0, count: cellCount)
        var sum = [Double](repeating: 0, count: cellCount)
        var mean = [Double](repeating: 0, count: cellCount)
        var ss = [Double](repeating: 0, count: cellCount)
        let all = rows == nil ? Array(0..<Int32(min(values.count, cellOfRow.count))) : []
        let visit = rows ?? all
        values.withUnsafeBufferPointer { y in
            cellOfRow.withUnsafeBufferPointer { cell in
                visit.withUnsafeBufferPointer { visit in
                    n.withUnsafeMutableBufferPointer { n in
                        sum.withUnsafeMutableBufferPointer { sum in
                            for k in 0..<visit.count {
                                let row = Int(visit[k])
                                let h = Int(cell[row])
                                let v = y[row]
                                if h < 0 || v.isNaN { continue }
                                if let include, !include[row] { continue }
                                n[h] += 1
                                sum[h] += v
                            }
                        }
                    }
                    for h in 0..<cellCount where n[h] > 0 { mean[h] = sum[h] / Double(n[h]) }
                    mean.withUnsafeBufferPointer { mean in
                        ss.withUnsafeMutableBufferPointer { ss in
                            for k in 0..<visit.count {
                                let row = Int(visit[k])
                                let h = Int(cell[row])
                                let v = y[row]
                                if h < 0 || v.isNaN { continue }
                                if let include, !include[row] { continue }
                                let d = v - mean[h]
                                ss[h] += d * d
                            }
                        }
                    }
                }
            }
        }
        return (0..<cellCount).map { CellStats(n: n[$0], mean: mean[$0], sumSquares: ss[$0]) }
    }

    /// Statistics of a 0/1 indicator from counts: `count` ones among `n`.
    public static func indicator(count: Int, n: Int) -> CellStats {
        guard n > 0 else { return CellStats(n: 0, mean: 0, sumSquares: 0) }
        let p = Double(count) / Double(n)
        return CellStats(n: n, mean: p, sumSquares: Double(count) * (1 - p))
    }
}
