extension AuditJSON {
    /// Compact JSON in document order.
    public var compactJSON: String { rendered(indent: false) }

    /// Two-space indented JSON with `": "` separators (Go's `json.Indent`,
    /// which the json plugin uses for `json.obj`).
    public var indentedJSON: String { rendered(indent: true) }

    // Raw string bytes are copied as they are and the whole output decoded
    // once: every invalid UTF-8 sequence sits between ASCII quotes, so it
    // becomes U+FFFD exactly as when each string was decoded on its own.
    func rendered(indent: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(Int(node.kind == .object || node.kind == .array ? 64 : node.length + 2))
        let writer = AuditJSONWriter(document: document, indent: indent)
        _ = writer.write(index, level: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The length in bytes of `compactJSON`, computed without building it.
    public var compactByteCount: Int {
        var total = 0
        let end = Int(node.next)
        var index = self.index
        while index < end {
            let node = document.nodes[index]
            switch node.kind {
            case .string: total += Self.quotedByteCount(document, node)
            case .array, .object:
                // Brackets, commas between members or elements, a colon per member.
                total += 2 + max(0, Int(node.count) - 1) + (node.kind == .object ? Int(node.count) : 0)
            default: total += Int(node.length)
            }
            index += 1
        }
        return total
    }

    /// `quotedByteCount` of a string node's text; ASCII written as it is needs no decoding.
    static func quotedByteCount(_ document: AuditJSONDocument, _ node: AuditJSONNode) -> Int {
        if !node.flags.contains(.nonCanonical) {
            if !document.raw(node).contains(where: { $0 >= 0x80 }) { return Int(node.length) + 2 }
        }
        return quotedByteCount(document.string(node))
    }

    /// The length of `writeString`'s output for `text`.
    static func quotedByteCount(_ text: String) -> Int {
        var total = 2
        for byte in text.utf8 {
            if byte >= 0x20 {
                total += byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") ? 2 : 1
            } else {
                total += escapeLength(byte)
            }
        }
        return total
    }

    @inline(__always)
    static func escapeLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0x0A, 0x0D, 0x09, 0x08, 0x0C: return 2
        default: return 6
        }
    }

    /// Whether a byte of a string must be escaped in JSON.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func writeString(_ text: String, into out: inout String) {
        if !text.utf8.contains(where: needsEscape) {
            out += "\""
            out += text
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string literal appended as UTF-8 bytes.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { buffer in
            var runStart = 0
            for index in 0..<buffer.count where needsEscape(buffer[index]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
                appendEscape(buffer[index], into: &out)
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<buffer.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendEscape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
