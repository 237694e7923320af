import Foundation

/// A data file's JSON (codebooks, score models, reference data), parsed once from its bytes and
/// decoded into `Decodable` types without Foundation's `JSONDecoder`, which costs several times
/// more per file at every start of the tool.
///
/// The fast path is exact or it gives up: numbers decode as integers only when written as
/// integers, duplicate keys and anything unusual make it give up, and then `JSONDecoder` decodes
/// the same bytes, so results and error messages (with their coding paths) are `JSONDecoder`'s.
public struct DataFileJSON {
    let data: Data
    let root: JSONNode?

    /// Parses `data` (nil root: not plain JSON the fast path understands).
    public init(_ data: Data) {
        self.data = data
        root = data.withUnsafeBytes { raw in
            var parser = JSONNodeParser(bytes: raw)
            return parser.document()
        }
    }

    /// The document as `T`: the fast path, else `JSONDecoder` (its result or its error).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let root, let value = try? JSONNodeDecoder.unbox(root, as: type) { return value }
        return try JSONDecoder().decode(type, from: data)
    }
}

/// A parsed JSON value.
enum JSONNode {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits an `Int`.
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JSONNode])
    /// Members in file order (keys are unique: the parser gives up on a duplicate). Data-file
    /// objects are small, so a member is found by a linear search, cheaper than hashing every key.
    case object([(key: String, value: JSONNode)])
}

/// The fast path gave up; `JSONDecoder` decides.
struct JSONFastPathUnavailable: Error {}

/// A recursive-descent parser over bytes (RFC 8259); nil for anything it does not accept.
struct JSONNodeParser {
    let bytes: UnsafeRawBufferPointer
    var i = 0
    var depth = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func document() -> JSONNode? {
        guard let value = value() else { return nil }
        skipSpace()
        return i == bytes.count ? value : nil
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
    }

    mutating func value() -> JSONNode? {
        skipSpace()
        guard i < bytes.count, depth < 512 else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            i += 1
            var object: [(key: String, value: JSONNode)] = []
            var keys: Set<String>?  // for the duplicate check of a large object
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let member = value(), !Self.isDuplicate(key, in: object, keys: &keys) else { return nil }
                object.append((key, member))
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
                return nil
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            i += 1
            var array: [JSONNode] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(array) }
            while true {
                guard let item = value() else { return nil }
                array.append(item)
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(array) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map(JSONNode.string)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    /// Whether `key` is already a member: a linear search while the object is small, then a set.
    static func isDuplicate(_ key: String, in object: [(key: String, value: JSONNode)], keys: inout Set<String>?) -> Bool {
        if object.count < 32 { return object.contains { $0.key == key } }
        if keys == nil { keys = Set(object.map(\.key)) }
        return !keys!.insert(key).inserted
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
    mutating func number() -> JSONNode? {
        let start = i
        func digits(_ p: inout JSONNodeParser) -> Int {
            let s = p.i
            while p.i < p.bytes.count, p.bytes[p.i] >= 48, p.bytes[p.i] <= 57 { p.i += 1 }
            return p.i - s
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let whole = digits(&self)
        guard whole > 0, !(whole > 1 && bytes[intStart] == 48) else { return nil }
        var integral = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { return nil }
            integral = false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { return nil }
            integral = false
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if integral, whole <= 18, let n = Int(text) { return .integer(n) }
        guard let d = Double(text), d.isFinite else { return nil }
        return .double(d)
    }

    /// A string at `i` (which must be a quote).
    mutating func string() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "\"") {
            let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
            i += 1
            return String(validating: raw, as: UTF8.self)
        }
        guard bytes[i] == UInt8(ascii: "\\") else { return nil }
        var out = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(validating: out, as: UTF8.self)
            }
            guard b >= 0x20 else { return nil }
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            guard i + 1 < bytes.count else { return nil }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                    i += 2
                    guard let low = hex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let s = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default: return nil
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case 48...57: d = b - 48
            case 65...70: d = b - 55
            case 97...102: d = b - 87
            default: return nil
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }
}
