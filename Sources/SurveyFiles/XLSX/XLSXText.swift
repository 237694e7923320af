#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding of XML character data: the five predefined entities, numeric character references
/// and (for strings) the OOXML `_xHHHH_` escapes. Unknown named entities stay literal text; no DTD
/// entity is ever expanded.
enum XLSXText {
    /// True when the range holds a `&` (or, with `ooxmlEscapes`, a `_`) and so needs decoding.
    @inline(__always)
    static func needsDecoding(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, ooxmlEscapes: Bool) -> Bool {
        let n = range.count
        guard n > 0 else { return false }
        if memchr(base + range.lowerBound, 0x26, n) != nil { return true }
        return ooxmlEscapes && memchr(base + range.lowerBound, 0x5F, n) != nil
    }

    static func appendDecoded(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8], ooxmlEscapes: Bool) {
        var i = range.lowerBound
        var copied = i
        let end = range.upperBound
        @inline(__always) func flush(_ upTo: Int) {
            if upTo > copied { out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: upTo - copied)) }
        }
        while i < end {
            let b = base[i]
            if b == 0x26 {  // &
                if let (scalar, length) = entity(base, i, end) {
                    flush(i)
                    appendUTF8(scalar, to: &out)
                    i += length
                    copied = i
                    continue
                }
            } else if b == 0x5F, ooxmlEscapes, let (scalar, length) = ooxmlEscape(base, i, end) {
                flush(i)
                appendUTF8(scalar, to: &out)
                i += length
                copied = i
                continue
            }
            i += 1
        }
        flush(end)
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#NN;` `&#xHH;` at `i` → (scalar, length).
    private static func entity(_ base: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int)? {
        var semi = i + 1
        while semi < end, semi < i + 12, base[semi] != 0x3B { semi += 1 }
        guard semi < end, base[semi] == 0x3B else { return nil }
        let length = semi - i + 1
        let name = UnsafeBufferPointer(start: base + i + 1, count: semi - i - 1)
        if name.count >= 2, name[0] == 0x23 {  // #
            var value: UInt32 = 0
            var digits = 0
            if name[1] == 0x78 || name[1] == 0x58 {  // x
                for b in name.dropFirst(2) {
                    guard let h = hexValue(b), value < 0x11_0000 else { return nil }
                    value = value << 4 | h
                    digits += 1
                }
            } else {
                for b in name.dropFirst(1) {
                    guard b >= 0x30, b <= 0x39, value < 0x11_0000 else { return nil }
                    value = value * 10 + UInt32(b - 0x30)
                    digits += 1
                }
            }
            guard digits > 0, isValidScalar(value), value != 0 else { return nil }
            return (value, length)
        }
        switch name.count {
        case 2 where name[0] == 0x6C && name[1] == 0x74: return (0x3C, length)  // lt
        case 2 where name[0] == 0x67 && name[1] == 0x74: return (0x3E, length)  // gt
        case 3 where name[0] == 0x61 && name[1] == 0x6D && name[2] == 0x70: return (0x26, length)  // amp
        case 4 where name[0] == 0x71 && name[1] == 0x75 && name[2] == 0x6F && name[3] == 0x74: return (0x22, length)  // quot
        case 4 where name[0] == 0x61 && name[1] == 0x70 && name[2] == 0x6F && name[3] == 0x73: return (0x27, length)  // apos
        default: return nil
        }
    }

    /// `_xHHHH_` (and a surrogate pair of two of them) at `i` → (scalar, length).
    private static func ooxmlEscape(_ base: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int)? {
        func unit(_ at: Int) -> UInt32? {
            guard at + 7 <= end, base[at] == 0x5F, base[at + 1] == 0x78 || base[at + 1] == 0x58, base[at + 6] == 0x5F,
                  let a = hexValue(base[at + 2]), let b = hexValue(base[at + 3]),
                  let c = hexValue(base[at + 4]), let d = hexValue(base[at + 5]) else { return nil }
            return a << 12 | b << 8 | c << 4 | d
        }
        guard let first = unit(i) else { return nil }
        if first >= 0xD800, first <= 0xDBFF {
            guard let second = unit(i + 7), second >= 0xDC00, second <= 0xDFFF else { return nil }
            return (0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), 14)
        }
        guard isValidScalar(first), first != 0 else { return nil }
        return (first, 7)
    }

    @inline(__always) private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    @inline(__always) private static func isValidScalar(_ v: UInt32) -> Bool {
        v < 0xD800 || (v > 0xDFFF && v <= 0x10_FFFF)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
