/// A `Decoder` over a parsed `JSONNode` (see `DataFileJSON`). It throws `JSONFastPathUnavailable`
/// for anything `JSONDecoder` might treat differently, so that `JSONDecoder` decides; coding paths
/// are not tracked (errors are reported by `JSONDecoder`).
struct JSONNodeDecoder: Decoder {
    let node: JSONNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `node` as `T`: primitives directly, everything else through its `init(from:)`.
    static func unbox<T: Decodable>(_ node: JSONNode, as type: T.Type) throws -> T {
        if T.self == String.self { guard case let .string(s) = node else { throw JSONFastPathUnavailable() }; return s as! T }
        if T.self == Int.self { guard case let .integer(n) = node else { throw JSONFastPathUnavailable() }; return n as! T }
        if T.self == Double.self {
            switch node {
            case let .integer(n): return Double(n) as! T
            case let .double(d): return d as! T
            default: throw JSONFastPathUnavailable()
            }
        }
        if T.self == Bool.self { guard case let .bool(b) = node else { throw JSONFastPathUnavailable() }; return b as! T }
        return try T(from: JSONNodeDecoder(node: node))
    }

    /// A number written as an integer that `T` holds exactly.
    static func integer<T: FixedWidthInteger>(_ node: JSONNode, _ type: T.Type) throws -> T {
        guard case let .integer(n) = node, let value = T(exactly: n) else { throw JSONFastPathUnavailable() }
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(object) = node else { throw JSONFastPathUnavailable() }
        return KeyedDecodingContainer(Keyed<Key>(object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .array(items) = node else { throw JSONFastPathUnavailable() }
        return Unkeyed(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(node: node) }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [(key: String, value: JSONNode)]
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { object.compactMap { Key(stringValue: $0.key) } }

        func contains(_ key: Key) -> Bool { find(key.stringValue) != nil }

        func find(_ name: String) -> JSONNode? {
            for member in object where member.key == name { return member.value }
            return nil
        }

        func member(_ key: Key) throws -> JSONNode {
            guard let node = find(key.stringValue) else { throw JSONFastPathUnavailable() }
            return node
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try member(key) { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try JSONNodeDecoder.unbox(try member(key), as: type) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try JSONNodeDecoder.unbox(try member(key), as: type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try JSONNodeDecoder.unbox(try member(key), as: type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try JSONNodeDecoder.unbox(try member(key), as: type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try JSONNodeDecoder.unbox(try member(key), as: type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw JSONFastPathUnavailable() }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try JSONNodeDecoder.integer(try member(key), type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try JSONNodeDecoder.integer(try member(key), type) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONNodeDecoder(node: try member(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONNodeDecoder(node: try member(key)).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw JSONFastPathUnavailable() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw JSONFastPathUnavailable() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONNode]
        var codingPath: [any CodingKey] { [] }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }
        var currentIndex = 0

        init(items: [JSONNode]) { self.items = items }

        mutating func next() throws -> JSONNode {
            guard currentIndex < items.count else { throw JSONFastPathUnavailable() }
            currentIndex += 1
            return items[currentIndex - 1]
        }

        mutating func decodeNil() throws -> Bool {
            guard currentIndex < items.count else { throw JSONFastPathUnavailable() }
            if case .null = items[currentIndex] { currentIndex += 1; return true }
            return false
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONNodeDecoder.unbox(try next(), as: type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONNodeDecoder(node: try next()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try JSONNodeDecoder(node: try next()).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw JSONFastPathUnavailable() }
    }

    struct Single: SingleValueDecodingContainer {
        let node: JSONNode
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool {
            if case .null = node { return true }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONNodeDecoder.unbox(node, as: type) }
        func decode(_ type: Bool.Type) throws -> Bool { try JSONNodeDecoder.unbox(node, as: type) }
        func decode(_ type: String.Type) throws -> String { try JSONNodeDecoder.unbox(node, as: type) }
        func decode(_ type: Double.Type) throws -> Double { try JSONNodeDecoder.unbox(node, as: type) }
        func decode(_ type: Int.Type) throws -> Int { try JSONNodeDecoder.unbox(node, as: type) }
        func decode(_ type: Float.Type) throws -> Float { throw JSONFastPathUnavailable() }
        func decode(_ type: Int8.Type) throws -> Int8 { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: UInt.Type) throws -> UInt { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONNodeDecoder.integer(node, type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONNodeDecoder.integer(node, type) }
    }
}
