/// Writes a subtree of an `AuditJSONDocument` as JSON bytes, compact or
/// two-space indented, in document order.
struct AuditJSONWriter {
    let document: AuditJSONDocument
    let indent: Bool

    var nodes: UnsafeBufferPointer<AuditJSONNode> { document.nodes }

    /// Writes the value at `index`; returns the index after its subtree.
    /// Recursion is bounded by the parser's nesting limit.
    func write(_ index: Int, level: Int, into out: inout [UInt8]) -> Int {
        let node = nodes[index]
        switch node.kind {
        case .string:
            writeString(node, into: &out)
        case .null, .bool, .number:
            out.append(contentsOf: document.raw(node))
        case .array, .object:
            writeContainer(index, node, level: level, into: &out)
        }
        return Int(node.next)
    }

    func writeContainer(_ index: Int, _ node: AuditJSONNode, level: Int, into out: inout [UInt8]) {
        let object = node.kind == .object
        guard node.count > 0 else {
            out.append(contentsOf: object ? [UInt8(ascii: "{"), UInt8(ascii: "}")] : [UInt8(ascii: "["), UInt8(ascii: "]")])
            return
        }
        out.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        var child = index + 1
        for position in 0..<Int(node.count) {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            newline(level + 1, into: &out)
            if object {
                writeString(nodes[child], into: &out)
                out.append(UInt8(ascii: ":"))
                if indent { out.append(UInt8(ascii: " ")) }
                child += 1
            }
            child = write(child, level: level + 1, into: &out)
        }
        newline(level, into: &out)
        out.append(object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    func newline(_ level: Int, into out: inout [UInt8]) {
        guard indent else { return }
        out.append(0x0A)
        for _ in 0..<(2 * level) { out.append(UInt8(ascii: " ")) }
    }

    /// Raw contents are written as they are: the parser rejected quotes,
    /// backslashes and control characters outside escapes, and escapes
    /// `AuditJSON.writeString` would write alike. Others are decoded and re-escaped.
    func writeString(_ node: AuditJSONNode, into out: inout [UInt8]) {
        if node.flags.contains(.nonCanonical) {
            AuditJSON.writeString(document.string(node), into: &out)
            return
        }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: document.raw(node))
        out.append(UInt8(ascii: "\""))
    }
}
