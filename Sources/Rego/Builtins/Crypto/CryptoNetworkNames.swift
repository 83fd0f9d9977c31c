import Foundation
import PalisadeCore

/// IP addresses printed as Go's `net.IP.String()` does.
enum CryptoIP {
    static func format(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        guard bytes.count == 16 else { return "?" + CryptoHex.encode(bytes) }
        if bytes.prefix(10).allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return bytes.suffix(4).map(String.init).joined(separator: ".")
        }
        let groups = (0..<8).map { Int(bytes[2 * $0]) << 8 | Int(bytes[2 * $0 + 1]) }
        // The longest run of two or more zero groups becomes "::".
        var bestStart = -1, bestLength = 0, i = 0
        while i < 8 {
            var j = i
            while j < 8, groups[j] == 0 { j += 1 }
            if j - i > bestLength, j - i >= 2 { bestStart = i; bestLength = j - i }
            i = j == i ? i + 1 : j
        }
        var text = ""
        var index = 0
        while index < 8 {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }

    /// Parses dotted IPv4 (as 4 bytes) or IPv6 text (as 16 bytes).
    static func parse(_ text: String) -> [UInt8]? {
        if text.contains(".") && !text.contains(":") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var bytes: [UInt8] = []
            for part in parts {
                guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part),
                    part == "0" || !part.hasPrefix("0")
                else { return nil }
                bytes.append(value)
            }
            return bytes
        }
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for piece in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !piece.isEmpty, piece.count <= 4, let value = UInt16(piece, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}

/// URIs from certificates, shaped as Go's `url.URL` struct in JSON.
enum CryptoURL {
    static func goJSON(_ text: String) -> Value {
        var rest = Substring(text)
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var scheme = ""
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter, first.isASCII,
            rest[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        var rawQuery = ""
        var forceQuery = false
        if let question = rest.firstIndex(of: "?") {
            rawQuery = String(rest[rest.index(after: question)...])
            forceQuery = rawQuery.isEmpty
            rest = rest[..<question]
        }
        var opaque = "", host = "", hasUser = false, omitHost = false
        if !rest.hasPrefix("/"), !scheme.isEmpty {
            opaque = String(rest)
            rest = ""
        } else if rest.hasPrefix("//") {
            let authorityAndPath = rest.dropFirst(2)
            let slash = authorityAndPath.firstIndex(of: "/") ?? authorityAndPath.endIndex
            var authority = authorityAndPath[..<slash]
            if let at = authority.lastIndex(of: "@") {
                hasUser = true
                authority = authority[authority.index(after: at)...]
            }
            host = String(authority)
            rest = authorityAndPath[slash...]
        } else if !scheme.isEmpty, rest.hasPrefix("/") {
            omitHost = true
        }
        return .object(fields: [
            "Scheme": .string(scheme),
            "Opaque": .string(opaque),
            "User": hasUser ? .emptyObject : .null,
            "Host": .string(host),
            "Path": .string(percentDecoded(String(rest))),
            "RawPath": .string(""),
            "OmitHost": .bool(omitHost),
            "ForceQuery": .bool(forceQuery),
            "RawQuery": .string(rawQuery),
            "Fragment": .string(percentDecoded(fragment)),
            "RawFragment": .string(""),
        ])
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var i = 0
        while i < source.count {
            if source[i] == 37, i + 2 < source.count,
                let value = UInt8(String(decoding: source[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
