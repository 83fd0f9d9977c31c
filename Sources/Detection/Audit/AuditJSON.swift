/// A JSON value as the k8saudit and json plugins see it: object keys keep
/// their document order and numbers keep their text, so a value re-encoded
/// for a field (`ka.req.role.rules`, `jevt.value[/responseStatus]`) reads
/// exactly as the plugins (fastjson) print it.
///
/// A value is a position in its payload's flat node table; reading a member,
/// an element or a kind allocates nothing, and strings are decoded only when
/// asked for (`string`, `text`).
public struct AuditJSON: Sendable {
    public enum Kind: UInt8, Sendable {
        case null, bool, number, string, array, object
    }

    let document: AuditJSONDocument
    let index: Int

    init(_ document: AuditJSONDocument, _ index: Int) {
        self.document = document
        self.index = index
    }

    var node: AuditJSONNode { document.nodes[index] }

    public var kind: Kind { node.kind }

    /// The member `key` of an object (the first one, when repeated).
    public subscript(key: String) -> AuditJSON? {
        document.member(key, inObjectAt: index).map { AuditJSON(document, $0) }
    }

    /// Follows `keys` through nested objects.
    public func value(at keys: String...) -> AuditJSON? {
        var current = self
        for key in keys {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// Element `position` of an array.
    public func element(at position: Int) -> AuditJSON? {
        document.element(position, inArrayAt: index).map { AuditJSON(document, $0) }
    }

    public var string: String? {
        let node = node
        return node.kind == .string ? document.string(node) : nil
    }

    /// Whether this is the string `text`, compared without decoding when it has no escapes.
    public func isString(_ text: String) -> Bool {
        let node = node
        return node.kind == .string && document.string(node, equals: text)
    }

    public var bool: Bool? {
        let node = node
        return node.kind == .bool ? node.flags.contains(.isTrue) : nil
    }

    public var isNull: Bool { kind == .null }

    /// An array's elements, in order.
    public var elements: AuditJSONElements? {
        let node = node
        guard node.kind == .array else { return nil }
        return AuditJSONElements(document: document, first: index + 1, count: Int(node.count))
    }

    public var array: [AuditJSON]? { elements.map(Array.init) }

    /// An object's members, in document order.
    public var members: AuditJSONMembers? {
        let node = node
        guard node.kind == .object else { return nil }
        return AuditJSONMembers(document: document, first: index + 1, count: Int(node.count))
    }

    /// A string as itself, a number as written, anything else as compact JSON (fastjson's `MarshalTo`).
    public var text: String { document.text(index) }
}
