/// Encodes any `Encodable` into a `JSONValue`, object keys in the order they are encoded, so a
/// `Codable` model (`ResultsFile`) writes the documented layout byte for byte through
/// `JSONValue.serialized` (Foundation's `JSONEncoder` neither keeps that order nor writes numbers
/// the same way). Non-finite doubles become null, as everywhere in the JSON outputs.
public enum JSONValueEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = Node()
        try value.encode(to: NodeEncoder(node: node, codingPath: []))
        return node.json
    }

    /// `encode` for the outputs' own models, whose `encode(to:)` never throws (this encoder throws
    /// nothing itself); should one ever throw, the output says so instead of going silent.
    static func value<T: Encodable>(of model: T) -> JSONValue {
        do { return try encode(model) } catch {
            return .object([("error", .string("cannot encode \(T.self): \(error)"))])
        }
    }

    /// One value under construction; containers append children to it. Members are kept in the
    /// node's own arrays (not in an enum payload), so appending one never copies the others
    /// (copying them made encoding a long results array quadratic).
    final class Node {
        enum Kind { case empty, value, object, array }
        private(set) var kind = Kind.empty
        private var value = JSONValue.null
        private var pairs: [(String, Node)] = []
        private var items: [Node] = []

        var json: JSONValue {
            switch kind {
            case .empty: return .object([])
            case .value: return value
            case .object: return .object(pairs.map { ($0.0, $0.1.json) })
            case .array: return .array(items.map(\.json))
            }
        }

        var count: Int { kind == .array ? items.count : 0 }

        func setValue(_ v: JSONValue) {
            kind = .value
            value = v
        }

        /// Makes an empty node an empty object (or array).
        func open(asArray: Bool) {
            guard kind == .empty else { return }
            kind = asArray ? .array : .object
        }

        func child(_ key: String) -> Node {
            if kind != .object { pairs = []; kind = .object }
            if let found = pairs.first(where: { $0.0 == key }) { return found.1 }
            let node = Node()
            pairs.append((key, node))
            return node
        }

        func appended() -> Node {
            if kind != .array { items = []; kind = .array }
            let node = Node()
            items.append(node)
            return node
        }

        /// Sets a number, text, truth value or an optional one (nil is null); false for other types.
        func setPrimitive<T>(_ value: T) -> Bool {
            let type = ObjectIdentifier(T.self)
            if type == ObjectIdentifier(Double.self) || type == ObjectIdentifier(Double?.self) {
                setValue(.number(value as? Double))
            } else if type == ObjectIdentifier(Int.self) || type == ObjectIdentifier(Int?.self) {
                setValue((value as? Int).map(JSONValue.int) ?? .null)
            } else if type == ObjectIdentifier(String.self) || type == ObjectIdentifier(String?.self) {
                setValue((value as? String).map(JSONValue.string) ?? .null)
            } else if type == ObjectIdentifier(Bool.self) {
                setValue(.bool(value as! Bool))
            } else {
                return false
            }
            return true
        }

        func set<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
            switch value {
            case let v as Double: setValue(.number(v))
            case let v as Float: setValue(.number(Double(v)))
            case let v as Int: setValue(.int(v))
            case let v as Bool: setValue(.bool(v))
            case let v as String: setValue(.string(v))
            default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
            }
        }
    }

    struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.open(asArray: false)
            return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.open(asArray: true)
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).setValue(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let child = node.child(key.stringValue)
            // Numbers, text and their optionals (most fields of a results file) directly: without
            // an encoder for each and without building its coding path.
            if child.setPrimitive(value) { return }
            try child.set(value, codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child("super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.count }

        mutating func encodeNil() throws { node.appended().setValue(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.appended().set(value, codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.appended(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.appended(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appended(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.setValue(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.set(value, codingPath: codingPath) }
    }
}
