/// A JSON value with ordered object keys, so outputs follow the documented contract's order.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Optional helpers.
    public static func number(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .double($0) : .null } ?? .null }
    public static func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Serialises with two-space indentation (or compact). Doubles use the shortest representation
    /// that reads back exactly; NaN and infinities become null.
    public func serialized(pretty: Bool = true) -> String {
        // Built as UTF-8 bytes (appends without String's per-append checks), one String at the end.
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: 0, pretty: pretty)
        if pretty { out.append(10) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value as it stands at depth `indent` of a document (also for parts of one rendered in parallel).
    public func write(into out: inout [UInt8], indent: Int, pretty: Bool) {
        switch self {
        case .null: JSONValue.append("null", to: &out)
        case let .bool(b): JSONValue.append(b ? "true" : "false", to: &out)
        case let .int(i): JSONValue.append(i, to: &out)
        case let .double(d):
            if d.isFinite { JSONValue.append(number: d, to: &out) } else { JSONValue.append("null", to: &out) }
        case let .string(s): JSONValue.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { JSONValue.append("[]", to: &out); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 1, into: &out) }
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            if pairs.isEmpty { JSONValue.append("{}", to: &out); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 1, into: &out) }
                JSONValue.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { JSONValue.newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and two spaces per level.
    @inline(__always)
    static func newline(_ indent: Int, into out: inout [UInt8]) {
        let n = 2 * indent + 1
        if n <= lineBreakAndSpaces.count {
            // One copy from a ready-made run (appending a repeated element went byte by byte).
            lineBreakAndSpaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
        } else {
            out.append(10)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        }
    }

    /// A line break followed by enough spaces for 63 levels of indentation.
    private static let lineBreakAndSpaces: [UInt8] = [10] + [UInt8](repeating: UInt8(ascii: " "), count: 126)

    @inline(__always)
    static func append(_ s: StaticString, to out: inout [UInt8]) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    @inline(__always)
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Decimal digits of an integer, as `String(i)` writes them.
    static func append(_ i: Int, to out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var m = i.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = 0
            repeat {
                buffer[23 - n] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                n += 1
            } while m > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - n)...]))
        }
    }

    /// `2235.0`, `0.7712`, `1e-05`: Swift's shortest round-trip form.
    public static func format(_ d: Double) -> String {
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        return "\(d)"
    }

    /// The bytes of `format(d)`, appended without making a `String`: Double's own `write(to:)` (what
    /// `"\(d)"` calls) hands its shortest round-trip digits to the stream's `_writeASCII`, which here
    /// copies them straight into `out`.
    static func append(number d: Double, to out: inout [UInt8]) {
        if d == 0 { append(d.sign == .minus ? "-0.0" : "0.0", to: &out); return }
        var sink = ByteSink()
        swap(&sink.bytes, &out)  // O(1): the sink appends to `out`'s own storage
        d.write(to: &sink)
        swap(&sink.bytes, &out)
    }

    /// A text output stream into a byte array.
    struct ByteSink: TextOutputStream {
        var bytes: [UInt8] = []
        mutating func write(_ string: String) { JSONValue.append(string, to: &bytes) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
    }

    /// A JSON string literal: `"` `\\` and control characters escaped (`\n` `\r` `\t`, others `\u00xx`),
    /// everything else as its UTF-8 bytes. Every byte to escape is ASCII, so bytes are scalars here.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 10: out.append(UInt8(ascii: "n"))
                case 13: out.append(UInt8(ascii: "r"))
                case 9: out.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
