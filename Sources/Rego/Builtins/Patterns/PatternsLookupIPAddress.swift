#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PalisadeCore

/// net.lookup_ip_addr: the IPv4 and IPv6 addresses of a host name, through
/// the system resolver (getaddrinfo). IP literals resolve to themselves.
extension PatternBuiltins {
    static let lookupIPAddress = Builtin("net.lookup_ip_addr", arity: 1, nondeterministic: true) { args, ctx in
        let name = try args.string(0)
        if let literal = PatternsIP.parseAddr(name) {
            let text = PatternsIP.format(literal.bytes) + (literal.zone.isEmpty ? "" : "%" + literal.zone)
            return .set([.string(text)])
        }
        return try ctx.memoized("patterns.lookup_ip_addr:" + name) { try resolveHost(name, args) }
    }

    static func resolveHost(_ name: String, _ args: BuiltinArgs) throws -> Value {
        guard !name.isEmpty, !name.utf8.contains(0) else { throw args.failure("lookup \(name): no such host") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else {
            // -5 is glibc's EAI_NODATA (GNU extension, not exported to Swift).
            if status == EAI_NONAME || status == -5 {
                throw args.failure("lookup \(name): no such host")
            }
            throw args.failure("lookup \(name): " + String(cString: gai_strerror(status)))
        }
        var addresses = Set<Value>()
        var node = list
        while let entry = node?.pointee {
            if let address = entry.ai_addr {
                if entry.ai_family == AF_INET {
                    let bytes = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                        withUnsafeBytes(of: sin.pointee.sin_addr) { Array($0) }
                    }
                    addresses.insert(.string(PatternsIP.format(bytes)))
                } else if entry.ai_family == AF_INET6 {
                    let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                        withUnsafeBytes(of: sin6.pointee.sin6_addr) { Array($0) }
                    }
                    addresses.insert(.string(PatternsIP.format(bytes)))
                }
            }
            node = entry.ai_next
        }
        return .set(addresses)
    }
}
