import Foundation
import NetPolicy

/// NCA's connection texts: `All connections`, `{protocols:TCP, UDP,dst_ports:53}`,
/// `All but {protocols:TCP,dst_ports:8080},{protocols:UDP}`, `{protocols:ICMP,icmp_type:8,icmp_code:0}`.
enum NCAConnectionText {
    struct Unsupported: Error, CustomStringConvertible { var description: String }

    /// IANA names NCA prints for protocols without a Kubernetes/Calico name.
    static let protocolNames: [String: UInt8] = [
        "ICMP": 1, "IGMP": 2, "TCP": 6, "UDP": 17, "GRE": 47, "ESP": 50, "AH": 51, "ICMPV6": 58,
        "VRRP": 112, "SCTP": 132, "UDPLITE": 136,
    ]

    static func parse(_ text: String, universe: ConnectionSet) throws -> ConnectionSet {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "All connections" { return universe }
        if trimmed == "No connections" { return .none }
        if trimmed.hasPrefix("All but ") {
            return universe.subtracting(try parseGroups(String(trimmed.dropFirst("All but ".count)), universe: universe))
        }
        return try parseGroups(trimmed, universe: universe)
    }

    /// `{...},{...}`.
    static func parseGroups(_ text: String, universe: ConnectionSet) throws -> ConnectionSet {
        var result = ConnectionSet.none
        var depth = 0, current = ""
        for ch in text {
            if ch == "{" { depth += 1; if depth == 1 { current = ""; continue } }
            if ch == "}" { depth -= 1; if depth == 0 { result = result.union(try parseGroup(current, universe: universe)); continue } }
            if depth > 0 { current.append(ch) }
        }
        return result
    }

    static let keys = ["protocols", "src_ports", "dst_ports", "icmp_type", "icmp_code", "hosts", "paths", "methods"]

    /// `protocols:TCP, UDP,dst_ports:53,80-90`.
    static func parseGroup(_ text: String, universe: ConnectionSet) throws -> ConnectionSet {
        var fields: [String: String] = [:]
        var rest = Substring(text)
        var key: String?
        while !rest.isEmpty {
            let next = keys.compactMap { k -> (String, Substring.Index)? in
                guard let r = rest.range(of: k + ":") else { return nil }
                let atStart = r.lowerBound == rest.startIndex || rest[rest.index(before: r.lowerBound)] == ","
                return atStart ? (k, r.lowerBound) : nil
            }.min { $0.1 < $1.1 }
            guard let (k, start) = next else {
                if let key { fields[key, default: ""] += rest }
                break
            }
            if let key { fields[key] = String(rest[..<start]).trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            key = k
            rest = rest[rest.index(start, offsetBy: k.count + 1)...]
        }
        if let key, fields[key] == nil { fields[key] = String(rest) }
        return try connections(fields, universe: universe)
    }

    static func connections(_ fields: [String: String], universe: ConnectionSet) throws -> ConnectionSet {
        for unsupported in ["src_ports", "hosts", "paths", "methods"] where fields[unsupported] != nil {
            throw Unsupported(description: "connection attribute \(unsupported) is not modelled")
        }
        let protocols: [IPProtocol]
        if let names = fields["protocols"], names.lowercased().hasPrefix("all but ") {
            let excluded = try names.dropFirst("all but ".count).split(separator: ",").map { try proto(String($0).trimmingCharacters(in: .whitespaces)) }
            protocols = universe.protocols.filter { !excluded.contains($0) }
        } else if let names = fields["protocols"] {
            protocols = try names.split(separator: ",").map { try proto(String($0).trimmingCharacters(in: .whitespaces)) }
        } else {
            protocols = universe.protocols.filter(\.hasPorts)
        }
        var result = ConnectionSet.none
        for p in protocols {
            if let ports = fields["dst_ports"] {
                result = result.union(ConnectionSet(p, ports: try intervals(ports)))
            } else if let type = fields["icmp_type"] {
                guard let t = UInt32(type.trimmingCharacters(in: .whitespaces)) else { throw Unsupported(description: "icmp_type \(type)") }
                if let code = fields["icmp_code"], let c = UInt32(code.trimmingCharacters(in: .whitespaces)) {
                    result = result.union(ConnectionSet(p, ports: IntervalSet(t << 8 | c, t << 8 | c)))
                } else {
                    result = result.union(ConnectionSet(p, ports: IntervalSet(t << 8, t << 8 | 255)))
                }
            } else {
                result = result.union(ConnectionSet(p))
            }
        }
        return result
    }

    static func proto(_ name: String) throws -> IPProtocol {
        if let n = protocolNames[name.uppercased()] { return IPProtocol(number: n) }
        if let p = IPProtocol(name: name) { return p }
        throw Unsupported(description: "unknown protocol \(name)")
    }

    /// `80,443,1000-2000`.
    static func intervals(_ text: String) throws -> IntervalSet {
        var parts: [IntervalSet.Interval] = []
        for item in text.split(separator: ",") {
            let bounds = item.trimmingCharacters(in: .whitespaces).split(separator: "-")
            guard let low = bounds.first.flatMap({ UInt32($0) }), let high = bounds.last.flatMap({ UInt32($0) }), bounds.count <= 2 else {
                throw Unsupported(description: "port list \(text)")
            }
            parts.append(.init(low, high))
        }
        return IntervalSet(intervals: parts)
    }
}
