import BigInt
import PalisadeCore

/// `abs`, `round`, `ceil` and `floor`. Integers pass through exactly; other
/// numbers are read as 64-bit big floats, as OPA does.
enum CollectionsRounding {
    static var builtins: [Builtin] {
        [
            Builtin("abs", arity: 1) { args, _ in .number(try absolute(args.number(0))) },
            rounding("round") { value in
                // Half away from zero, as Go's math.Round: add ±0.5, truncate.
                let half = CollectionsBigFloat(decimal: "0.5", precision: 53) ?? .zero(precision: 53)
                let shifted = value.isNegative ? value.subtracting(half, precision: 64) : value.adding(half, precision: 64)
                return shifted.truncated
            },
            rounding("ceil") { value in
                let whole = value.truncated
                return value.isNegative || value.isInteger ? whole : whole + 1
            },
            rounding("floor") { value in
                let whole = value.truncated
                return !value.isNegative || value.isInteger ? whole : whole - 1
            },
        ]
    }

    static func absolute(_ n: Number) -> Number {
        if case .int(let i) = n.storage, i != .min { return Number(Swift.abs(i)) }
        if let integer = n.collectionsInteger { return Number(BigInt(integer.magnitude)) }
        guard var value = CollectionsBigFloat(n) else { return Number.fromDouble(Swift.abs(n.doubleValue)) }
        value.isNegative = false
        return value.number ?? Number.fromDouble(Swift.abs(n.doubleValue))
    }

    private static func rounding(_ name: String, _ operation: @escaping @Sendable (CollectionsBigFloat) -> BigInt) -> Builtin {
        Builtin(name, arity: 1) { args, _ in
            let n = try args.number(0)
            if n.collectionsInteger != nil { return .number(n) }
            guard let value = CollectionsBigFloat(n) else { return nil }
            return .number(Number(operation(value)))
        }
    }
}
