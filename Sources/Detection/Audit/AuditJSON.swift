/// A JSON value as the k8saudit and json plugins see it: object keys keep
/// their document order and numbers keep their text, so a value re-encoded
/// for a field (`ka.req.role.rules`, `jevt.value[/responseStatus]`) reads
/// exactly as the plugins (fastjson) print it.
// Not `indirect`: arrays already box the recursion, so a node costs no allocation of its own.
public enum AuditJSON: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([AuditJSON])
    case object([AuditJSONMember])

    /// The member `key` of an object.
    public subscript(key: String) -> AuditJSON? {
        guard case .object(let members) = self else { return nil }
        return Self.member(key, in: members)
    }

    /// The first member named `key`.
    @inline(__always)
    static func member(_ key: String, in members: [AuditJSONMember]) -> AuditJSON? {
        let count = key.utf8.count
        // Comparing the O(1) UTF-8 lengths first skips most members cheaply.
        for member in members where member.key.utf8.count == count && member.key == key {
            return member.value
        }
        return nil
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

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var array: [AuditJSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// A string as itself, anything else as compact JSON (fastjson's `MarshalTo`).
    public var text: String {
        if case .string(let text) = self { return text }
        return compactJSON
    }
}

/// One `"key": value` pair of an object.
public struct AuditJSONMember: Sendable {
    public var key: String
    public var value: AuditJSON

    public init(key: String, value: AuditJSON) {
        self.key = key
        self.value = value
    }
}
