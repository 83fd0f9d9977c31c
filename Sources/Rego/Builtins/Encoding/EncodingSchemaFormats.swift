import Foundation
import PalisadeCore

/// gojsonschema's default format checkers; unknown formats and non-strings pass.
enum EncodingSchemaFormats {
    static func check(_ format: String, _ value: Value) -> Bool {
        guard case .string(let s) = value else { return true }
        switch format {
        case "date-time":
            return ["15:04:05", "15:04:05Z07:00", "2006-01-02", "2006-01-02T15:04:05Z07:00",
                    "2006-01-02T15:04:05.999999999Z07:00"].contains { parses($0, s) }
        case "date": return parses("2006-01-02", s)
        case "time": return parses("15:04:05Z07:00", s) || parses("15:04:05.999999999Z07:00", s)
        case "email", "idn-email": return isEmail(s)
        case "ipv4": return isIPv4(s)
        case "ipv6": return s.contains(":") && isIPv6(s)
        case "hostname", "idn-hostname": return isHostname(s)
        case "uri", "iri": return isURI(s, requireScheme: true)
        case "uri-reference", "iri-reference": return isURI(s, requireScheme: false)
        case "uuid":
            return matches("^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$", s)
        case "regex": return EncodingSchemaRegex.compile(s) != nil
        case "json-pointer": return matches("^(?:/(?:[^~/]|~0|~1)*)*$", s)
        case "relative-json-pointer": return matches("^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~0|~1)*)*)$", s)
        case "uri-template": return isURI(s.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: ""), requireScheme: false)
        default: return true
        }
    }

    private static func parses(_ layout: String, _ s: String) -> Bool {
        (try? EncodingGoTimeParser.parse(layout: layout, value: s)) != nil
    }

    private static func matches(_ pattern: String, _ s: String) -> Bool {
        guard let regex = EncodingSchemaRegex.compile(pattern) else { return false }
        return EncodingSchemaRegex.matches(regex, s)
    }

    /// Go's net.ParseIP for dotted quads: no leading zeros, each part ≤ 255.
    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { p in
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }),
                  !(p.count > 1 && p.hasPrefix("0")), let v = Int(p) else { return false }
            return v <= 255
        }
    }

    static func isIPv6(_ s: String) -> Bool {
        var text = Substring(s)
        var groupsNeeded = 8
        if let last = text.lastIndex(of: ":"), text[text.index(after: last)...].contains(".") {
            guard isIPv4(String(text[text.index(after: last)...])) else { return false }
            text = text[...last]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
            groupsNeeded = 6
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            if part.isEmpty { return [] }
            let g = part.split(separator: ":", omittingEmptySubsequences: false)
            return g.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isHexDigit) } ? g : nil
        }
        guard let first = groups(halves[0]) else { return false }
        if halves.count == 1 { return first.count == groupsNeeded }
        guard let second = groups(halves[1]) else { return false }
        return first.count + second.count < groupsNeeded
    }

    static func isHostname(_ s: String) -> Bool {
        guard s.utf8.count <= 255 else { return false }
        let label = "([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])"
        return matches("^\(label)(\\.\(label))*$", s)
    }

    static func isEmail(_ s: String) -> Bool {
        var address = s
        if let open = s.lastIndex(of: "<"), s.hasSuffix(">") {
            address = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
        }
        let atext = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
        return matches("^\(atext)(\\.\(atext))*@\(atext)(\\.\(atext))*$", address)
            || matches("^\"[^\"]*\"@\(atext)(\\.\(atext))*$", address)
    }

    static func isURI(_ s: String, requireScheme: Bool) -> Bool {
        if s.contains("\\") || s.contains(" ") { return false }
        if requireScheme { return matches("^[A-Za-z][A-Za-z0-9+.-]*:", s) }
        return true
    }
}
