/// IP addresses as Go's `net` package models them: 4 or 16 bytes, IPv4
/// addresses usually held in their 16-byte IPv4-mapped form.
enum PatternsIP {
    static let v4InV6Prefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]

    /// Go's `netip.ParseAddr`: the 16-byte address, whether it was written
    /// as IPv4, and its zone.
    static func parseAddr(_ s: String) -> (bytes: [UInt8], isV4: Bool, zone: String)? {
        let chars = Array(s.utf8)
        for c in chars {
            switch c {
            case UInt8(ascii: "."):
                guard let v4 = parseIPv4(chars[...]) else { return nil }
                return (v4InV6Prefix + v4, true, "")
            case UInt8(ascii: ":"):
                return parseIPv6(chars)
            case UInt8(ascii: "%"):
                return nil
            default:
                continue
            }
        }
        return nil
    }

    /// Go's `net.ParseIP`: 16 bytes, or nil (zones are not accepted).
    static func parseIP(_ s: String) -> [UInt8]? {
        guard let addr = parseAddr(s), addr.zone.isEmpty else { return nil }
        return addr.bytes
    }

    /// Four decimal fields 0-255 without leading zeros.
    static func parseIPv4(_ s: ArraySlice<UInt8>) -> [UInt8]? {
        var fields: [UInt8] = []
        var value = 0
        var digits = 0
        var previous: UInt8?
        for c in s {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                if digits == 1 && value == 0 { return nil }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
                digits += 1
                if value > 255 { return nil }
            } else if c == UInt8(ascii: ".") {
                if previous == nil || previous == UInt8(ascii: ".") || fields.count == 3 { return nil }
                fields.append(UInt8(value))
                value = 0
                digits = 0
            } else {
                return nil
            }
            previous = c
        }
        if fields.count < 3 || digits == 0 { return nil }
        fields.append(UInt8(value))
        return fields
    }

    private static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    static func parseIPv6(_ input: [UInt8]) -> (bytes: [UInt8], isV4: Bool, zone: String)? {
        var s = input[...]
        var zone = ""
        if let percent = s.firstIndex(of: UInt8(ascii: "%")) {
            zone = String(decoding: s[(percent + 1)...], as: UTF8.self)
            if zone.isEmpty { return nil }
            s = s[..<percent]
        }
        var ip = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        if s.count >= 2 && s[s.startIndex] == UInt8(ascii: ":") && s[s.startIndex + 1] == UInt8(ascii: ":") {
            ellipsis = 0
            s = s.dropFirst(2)
            if s.isEmpty { return (ip, false, zone) }
        }
        var i = 0
        while i < 16 {
            var offset = 0
            var acc = 0
            while offset < s.count, let v = hexValue(s[s.startIndex + offset]) {
                acc = acc * 16 + v
                offset += 1
                if offset > 4 || acc > 0xFFFF { return nil }
            }
            if offset == 0 { return nil }
            if offset < s.count && s[s.startIndex + offset] == UInt8(ascii: ".") {
                // Embedded IPv4 in the last 32 bits.
                if (ellipsis < 0 && i != 12) || i + 4 > 16 { return nil }
                guard let v4 = parseIPv4(s) else { return nil }
                ip.replaceSubrange(i..<(i + 4), with: v4)
                s = s[s.endIndex...]
                i += 4
                break
            }
            ip[i] = UInt8(acc >> 8)
            ip[i + 1] = UInt8(acc & 0xFF)
            i += 2
            s = s.dropFirst(offset)
            if s.isEmpty { break }
            if s[s.startIndex] != UInt8(ascii: ":") || s.count == 1 { return nil }
            s = s.dropFirst()
            if s[s.startIndex] == UInt8(ascii: ":") {
                if ellipsis >= 0 { return nil }
                ellipsis = i
                s = s.dropFirst()
                if s.isEmpty { break }
            }
        }
        if !s.isEmpty { return nil }
        if i < 16 {
            if ellipsis < 0 { return nil }
            let n = 16 - i
            var j = i - 1
            while j >= ellipsis {
                ip[j + n] = ip[j]
                j -= 1
            }
            for k in ellipsis..<(ellipsis + n) { ip[k] = 0 }
        } else if ellipsis >= 0 {
            return nil
        }
        return (ip, false, zone)
    }

    /// Go's `IP.To4`: the 4-byte form of an IPv4 (or IPv4-mapped) address.
    static func to4(_ ip: [UInt8]) -> [UInt8]? {
        if ip.count == 4 { return ip }
        if ip.count == 16 && Array(ip[0..<12]) == v4InV6Prefix { return Array(ip[12...]) }
        return nil
    }

    /// Go's `IP.String`: dotted IPv4, or RFC 5952 IPv6.
    static func format(_ ip: [UInt8]) -> String {
        if let v4 = to4(ip) { return v4.map(String.init).joined(separator: ".") }
        guard ip.count == 16 else { return "?" }
        let groups = (0..<8).map { Int(ip[2 * $0]) << 8 | Int(ip[2 * $0 + 1]) }
        var zeroStart = -1, zeroEnd = -1
        var k = 0
        while k < 8 {
            var j = k
            while j < 8 && groups[j] == 0 { j += 1 }
            if j - k >= 2 && j - k > zeroEnd - zeroStart {
                zeroStart = k
                zeroEnd = j
            }
            k = max(j, k + 1)
        }
        var out = ""
        k = 0
        while k < 8 {
            if k == zeroStart {
                out += "::"
                k = zeroEnd
                continue
            }
            if k > 0 && !out.hasSuffix(":") { out += ":" }
            out += String(groups[k], radix: 16)
            k += 1
        }
        return out
    }
}
