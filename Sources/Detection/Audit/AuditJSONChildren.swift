/// The elements of an array, walked through the node table.
public struct AuditJSONElements: Sequence, Sendable {
    let document: AuditJSONDocument
    let first: Int
    public let count: Int

    public var isEmpty: Bool { count == 0 }

    public struct Iterator: IteratorProtocol {
        let document: AuditJSONDocument
        var index: Int
        var remaining: Int

        public mutating func next() -> AuditJSON? {
            guard remaining > 0 else { return nil }
            let value = AuditJSON(document, index)
            index = Int(document.nodes[index].next)
            remaining -= 1
            return value
        }
    }

    public func makeIterator() -> Iterator { Iterator(document: document, index: first, remaining: count) }
    public var underestimatedCount: Int { count }
}

/// One `"key": value` pair of an object.
public struct AuditJSONMember: Sendable {
    let keyNode: AuditJSON
    public let value: AuditJSON

    public var key: String { keyNode.string ?? "" }
}

/// The members of an object, walked through the node table.
public struct AuditJSONMembers: Sequence, Sendable {
    let document: AuditJSONDocument
    let first: Int
    public let count: Int

    public struct Iterator: IteratorProtocol {
        let document: AuditJSONDocument
        var index: Int
        var remaining: Int

        public mutating func next() -> AuditJSONMember? {
            guard remaining > 0 else { return nil }
            let member = AuditJSONMember(keyNode: AuditJSON(document, index), value: AuditJSON(document, index + 1))
            index = Int(document.nodes[index + 1].next)
            remaining -= 1
            return member
        }
    }

    public func makeIterator() -> Iterator { Iterator(document: document, index: first, remaining: count) }
    public var underestimatedCount: Int { count }
}
