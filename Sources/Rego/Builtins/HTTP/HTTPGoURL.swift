import Foundation

/// The parts of Go's `net/url.URL` that http.send and AWS signing rely on,
/// parsed the way `url.Parse` does (the subset for absolute and relative
/// references, without opaque-URL and IPv6-zone subtleties).
struct HTTPGoURL: Sendable {
    var scheme = ""
    /// `host[:port]`, without user info.
    var host = ""
    /// The decoded path.
    var path = ""
    /// The path exactly as written, when that differs from Go's own escaping.
    var rawPath = ""
    var rawQuery = ""
    var hasAuthority = false
    /// `user:password` as written before the `@`, if any.
    var userInfo: String?

    struct ParseError: Error {
        var message: String
    }

    /// `url.Parse(text)`; errors read `parse "TEXT": REASON`.
    static func parse(_ text: String) -> Result<HTTPGoURL, ParseError> {
        func fail(_ reason: String) -> Result<HTTPGoURL, ParseError> {
            .failure(ParseError(message: "parse \(HTTPGoText.quote(text)): \(reason)"))
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return fail("net/url: invalid control character in URL")
        }
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var url = HTTPGoURL()
        switch splitScheme(rest) {
        case .missing: return fail("missing protocol scheme")
        case .found(let scheme, let remainder):
            url.scheme = scheme.lowercased()
            rest = remainder
        case .none: break
        }
        if let question = rest.firstIndex(of: "?") {
            url.rawQuery = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if !url.scheme.isEmpty && !rest.hasPrefix("/") {
            return .success(url)  // opaque, e.g. "mailto:x"; no path to sign
        }
        if rest.hasPrefix("//") {
            url.hasAuthority = true
            let authorityAndPath = rest.dropFirst(2)
            let slash = authorityAndPath.firstIndex(of: "/") ?? authorityAndPath.endIndex
            var authority = authorityAndPath[..<slash]
            if let at = authority.lastIndex(of: "@") {
                url.userInfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            if let reason = hostProblem(authority) { return fail(reason) }
            url.host = String(authority)
            rest = authorityAndPath[slash...]
        } else if url.scheme.isEmpty, let colon = rest.firstIndex(of: ":"),
                  !rest[..<colon].contains("/") {
            return fail("first path segment in URL cannot contain colon")
        }
        switch unescape(rest) {
        case .failure(let bad): return fail("invalid URL escape \(HTTPGoText.quote(bad.text))")
        case .success(let decoded):
            url.path = decoded
            url.rawPath = escape(decoded) == String(rest) ? "" : String(rest)
        }
        return .success(url)
    }

    /// `URL.EscapedPath()`: the written path when it is validly encoded, else Go's escaping.
    var escapedPath: String {
        if !rawPath.isEmpty, Self.isValidEncoded(rawPath), case .success(let decoded) = Self.unescape(Substring(rawPath)),
           decoded == path {
            return rawPath
        }
        if path == "*" { return "*" }
        return Self.escape(path)
    }

    /// The `Authorization` value Go derives from user info: `Basic base64(user:password)`.
    var basicAuthorization: String? {
        guard let userInfo else { return nil }
        let decoded = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map {
            (try? Self.unescape($0).get()) ?? String($0)
        }
        let credentials = decoded.count == 2 ? decoded[0] + ":" + decoded[1] : decoded[0] + ":"
        return "Basic " + Data(credentials.utf8).base64EncodedString()
    }

    /// The host without its port (IPv6 brackets removed).
    var hostname: String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        if let colon = host.lastIndex(of: ":") { return String(host[..<colon]) }
        return host
    }

    /// The explicit port, if any.
    var port: String? {
        guard let colon = host.lastIndex(of: ":") else { return nil }
        if host.hasPrefix("["), let close = host.firstIndex(of: "]"), colon < close { return nil }
        let digits = host[host.index(after: colon)...]
        return digits.isEmpty ? nil : String(digits)
    }

    private enum SchemeSplit {
        case found(String, Substring)
        case missing
    }

    private static func splitScheme(_ s: Substring) -> SchemeSplit? {
        for (offset, c) in s.enumerated() {
            if c.isASCII && c.isLetter { continue }
            if offset > 0 && c.isASCII && (c.isNumber || c == "+" || c == "-" || c == ".") { continue }
            if c == ":" {
                if offset == 0 { return .missing }
                let colon = s.index(s.startIndex, offsetBy: offset)
                return .found(String(s[..<colon]), s[s.index(after: colon)...])
            }
            return nil
        }
        return nil
    }

    private static func hostProblem(_ authority: Substring) -> String? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "missing ']' in host" }
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty && !isValidPort(after) { return "invalid port \(HTTPGoText.quote(String(after))) after host" }
            return nil
        }
        if let colon = authority.lastIndex(of: ":") {
            let portPart = authority[colon...]
            if !isValidPort(portPart) { return "invalid port \(HTTPGoText.quote(String(portPart))) after host" }
        }
        for c in authority.unicodeScalars where c == " " || c == "<" || c == ">" || c == "\"" || c == "`" {
            return "invalid character \(HTTPGoText.quote(String(c))) in host name"
        }
        return nil
    }

    /// `:` followed by digits only (an empty port is allowed).
    private static func isValidPort(_ s: Substring) -> Bool {
        s.first == ":" && s.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Percent-decoding; on a malformed escape returns the offending `%xx` text.
    static func unescape(_ s: Substring) -> Result<String, UnescapeError> {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else {
                    let end = min(bytes.count, i + 3)
                    return .failure(UnescapeError(text: String(decoding: bytes[i..<end], as: UTF8.self)))
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return .success(String(decoding: out, as: UTF8.self))
    }

    struct UnescapeError: Error {
        var text: String
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }

    /// Go's `escape(s, encodePath)`.
    static func escape(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if shouldEscapeInPath(b) {
                out += "%" + String(b >> 4, radix: 16).uppercased() + String(b & 0xF, radix: 16).uppercased()
            } else {
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return out
    }

    private static func shouldEscapeInPath(_ b: UInt8) -> Bool {
        if isUnreservedAlnum(b) { return false }
        switch b {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"): return false
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
            return false
        default: return true
        }
    }

    private static func isUnreservedAlnum(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57)
    }

    /// Go's `validEncoded(s, encodePath)`.
    private static func isValidEncoded(_ s: String) -> Bool {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                 UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "%"):
                continue
            default:
                if shouldEscapeInPath(b) { return false }
            }
        }
        return true
    }
}
