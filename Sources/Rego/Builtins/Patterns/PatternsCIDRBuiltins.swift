import PalisadeCore

/// net.cidr_* builtins (all but net.cidr_merge), following OPA's topdown/cidr.go.
extension PatternBuiltins {
    /// net.cidr_expand refuses networks with more host bits than this.
    static let maxExpandHostBits = 18

    static var cidrBuiltins: [Builtin] {
        [cidrContains("net.cidr_contains"), cidrContains("net.cidr_overlap"), cidrIntersects,
         cidrContainsMatches, cidrExpand, cidrIsValid]
    }

    /// OPA reads every CIDR operand as "operand 1" when reporting its type.
    static func cidrOperand(_ value: Value, _ args: BuiltinArgs) throws -> String {
        guard case .string(let s) = value else {
            throw BuiltinError(.type, "\(args.name): operand 1 must be string but got \(value.typeName)")
        }
        return s
    }

    static func network(_ text: String, _ args: BuiltinArgs) throws -> PatternsIPNetwork {
        guard let (_, network) = PatternsIPNetwork.parse(text) else { throw args.failure("invalid CIDR address: \(text)") }
        return network
    }

    /// Whether CIDR `a` contains the address or CIDR `b`.
    static func cidrContainsValues(_ a: Value, _ b: Value, _ args: BuiltinArgs) throws -> Bool {
        let outer = try network(try cidrOperand(a, args), args)
        let text = try cidrOperand(b, args)
        if let ip = PatternsIP.parseIP(text) { return outer.contains(ip) }
        guard let (_, inner) = PatternsIPNetwork.parse(text) else {
            throw args.failure("not a valid textual representation of an IP address or CIDR: \(text)")
        }
        return outer.contains(inner.ip) && outer.contains(inner.lastAddress)
    }

    static func cidrContains(_ name: String) -> Builtin {
        Builtin(name, arity: 2) { args, _ in
            .bool(try cidrContainsValues(args[0], args[1], args))
        }
    }

    static let cidrIntersects = Builtin("net.cidr_intersects", arity: 2) { args, _ in
        let a = try network(try cidrOperand(args[0], args), args)
        let b = try network(try cidrOperand(args[1], args), args)
        return .bool(a.contains(b.ip) || b.contains(a.ip))
    }

    static let cidrContainsMatches = Builtin("net.cidr_contains_matches", arity: 2) { args, _ in
        var result = Set<Value>()
        // Same order as OPA, so the same error surfaces first.
        for (cidr1, index1) in containsMatchesItems(args[0]) {
            let first = try containsMatchesTerm(cidr1, operand: 1, args)
            for (cidr2, index2) in containsMatchesItems(args[1]) {
                let second = try containsMatchesTerm(cidr2, operand: 2, args)
                if try cidrContainsValues(first, second, args) { result.insert(.array([index1, index2])) }
            }
        }
        return .set(result)
    }

    /// The elements of an operand with the index reported for each.
    static func containsMatchesItems(_ operand: Value) -> [(Value, Value)] {
        switch operand {
        case .string: return [(operand, operand)]
        case .array(let items): return items.enumerated().map { ($0.element, .int($0.offset)) }
        case .set(let items): return items.sorted().map { ($0, $0) }
        case .object(let fields): return fields.keys.sorted().map { (fields[$0] ?? .null, $0) }
        default: return []
        }
    }

    /// A string element, or the first element of a tuple.
    static func containsMatchesTerm(_ item: Value, operand: Int, _ args: BuiltinArgs) throws -> Value {
        switch item {
        case .string: return item
        case .array(let tuple) where !tuple.isEmpty: return tuple[0]
        default: throw args.failure("operand \(operand): element must be string or non-empty array")
        }
    }

    static let cidrExpand = Builtin("net.cidr_expand", arity: 1) { args, _ in
        let text = try args.string(0)
        guard let (address, network) = PatternsIPNetwork.parse(text), let size = network.prefixSize,
              var current = PatternsIPNetwork.applyMask(address, network.mask) else {
            throw args.failure("invalid CIDR address: \(text)")
        }
        let hostBits = size.bits - size.ones
        guard hostBits <= maxExpandHostBits else {
            throw args.failure("network too large to expand: \(text) has 2^\(hostBits) addresses (limit 2^\(maxExpandHostBits))")
        }
        var addresses = Set<Value>()
        for _ in 0..<(1 << hostBits) {
            addresses.insert(.string(PatternsIP.format(current)))
            current = increment(current)
        }
        return .set(addresses)
    }

    static func increment(_ ip: [UInt8]) -> [UInt8] {
        var ip = ip
        var k = ip.count - 1
        while k >= 0 {
            ip[k] &+= 1
            if ip[k] != 0 { break }
            k -= 1
        }
        return ip
    }

    static let cidrIsValid = Builtin("net.cidr_is_valid", arity: 1) { args, _ in
        guard case .string(let text) = args[0] else { return .false }
        return .bool(PatternsIPNetwork.parse(text) != nil)
    }
}
