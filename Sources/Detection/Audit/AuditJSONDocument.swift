/// One parsed payload: a copy of its bytes and a flat table of its values in
/// document order. A container is followed by its children (an object by
/// key, value, key, value…), so a value's subtree is the contiguous node
/// range `index..<next`; strings and numbers are byte ranges, decoded only
/// when a field asks for them.
///
/// Both live in one allocation the document owns and never mutates, so
/// reading them takes no reference counting (the hot path of extraction).
final class AuditJSONDocument: @unchecked Sendable {
    let nodes: UnsafeBufferPointer<AuditJSONNode>
    let bytes: UnsafeBufferPointer<UInt8>
    private let storage: UnsafeMutableRawPointer

    /// `nodes` hold offsets into `payload`, which is copied.
    init(payload: UnsafeBufferPointer<UInt8>, nodes: [AuditJSONNode]) {
        let nodeBytes = nodes.count * MemoryLayout<AuditJSONNode>.stride
        storage = .allocate(byteCount: nodeBytes + payload.count, alignment: MemoryLayout<AuditJSONNode>.alignment)
        let nodeStart = storage.bindMemory(to: AuditJSONNode.self, capacity: nodes.count)
        nodeStart.initialize(from: nodes, count: nodes.count)
        let byteStart = (storage + nodeBytes).bindMemory(to: UInt8.self, capacity: payload.count)
        if let base = payload.baseAddress { byteStart.initialize(from: base, count: payload.count) }
        self.nodes = UnsafeBufferPointer(start: nodeStart, count: nodes.count)
        self.bytes = UnsafeBufferPointer(start: byteStart, count: payload.count)
    }

    deinit { storage.deallocate() }

    /// The node index of `key`'s value in the object at `object`, comparing keys as bytes.
    func member(_ key: UnsafeBufferPointer<UInt8>, inObjectAt object: Int) -> Int? {
        let head = nodes[object]
        guard head.kind == .object else { return nil }
        var keyIndex = object + 1
        for _ in 0..<head.count {
            if keyEquals(nodes[keyIndex], key) { return keyIndex + 1 }
            keyIndex = Int(nodes[keyIndex + 1].next)
        }
        return nil
    }

    func member(_ key: String, inObjectAt object: Int) -> Int? {
        var key = key
        return key.withUTF8 { member($0, inObjectAt: object) }
    }

    func keyEquals(_ node: AuditJSONNode, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        if node.hasEscapes {
            return string(node) == String(decoding: key, as: UTF8.self)
        }
        guard Int(node.length) == key.count else { return false }
        let start = Int(node.start)
        for offset in 0..<key.count where bytes[start + offset] != key[offset] { return false }
        return true
    }

    /// The node index of element `position` of the array at `array`.
    func element(_ position: Int, inArrayAt array: Int) -> Int? {
        let head = nodes[array]
        guard head.kind == .array, position >= 0, position < Int(head.count) else { return nil }
        var index = array + 1
        for _ in 0..<position { index = Int(nodes[index].next) }
        return index
    }

    func raw(_ node: AuditJSONNode) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.start + node.length)])
    }

    /// A string node's text: its bytes as UTF-8 (invalid sequences become
    /// U+FFFD), escapes decoded.
    func string(_ node: AuditJSONNode) -> String {
        node.hasEscapes ? AuditJSONUnescaper.unescape(raw(node)) : String(decoding: raw(node), as: UTF8.self)
    }

    /// Whether a string node's text is exactly `text`.
    func string(_ node: AuditJSONNode, equals text: String) -> Bool {
        var text = text
        return text.withUTF8 { keyEquals(node, $0) }
    }

    /// A string as itself, a number as written, anything else as compact JSON.
    func text(_ index: Int) -> String {
        let node = nodes[index]
        switch node.kind {
        case .string: return string(node)
        case .number: return String(decoding: raw(node), as: UTF8.self)
        default: return AuditJSON(self, index).compactJSON
        }
    }
}

/// One value of an `AuditJSONDocument`.
struct AuditJSONNode: Sendable {
    var kind: AuditJSON.Kind
    var flags: Flags
    /// Offset in the payload of a string's contents (after the quote) or of a scalar's text.
    var start: UInt32
    var length: UInt32
    /// Elements of an array, members of an object.
    var count: UInt32
    /// The index of the first node after this value's subtree.
    var next: UInt32

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A bool that is `true`.
        static let isTrue = Flags(rawValue: 1)
        /// A string with backslash escapes.
        static let escaped = Flags(rawValue: 2)
        /// A string with an escape `AuditJSON.writeString` would write
        /// differently (`\/`, `\u0041`, `\u000A`…), so it is re-encoded, not copied.
        static let nonCanonical = Flags(rawValue: 4)
    }

    var hasEscapes: Bool { flags.contains(.escaped) }
}
