import BigInt
import PalisadeCore

/// Bitwise functions on integers of any size, with two's-complement
/// semantics for negative numbers (Go's `big.Int`).
enum CollectionsBits {
    /// Left shifts are bounded so that a small input cannot ask for a huge number.
    static let maxResultBits = 1 << 14

    static var builtins: [Builtin] {
        [
            binary("bits.and", fast: { $0 & $1 }, big: and),
            binary("bits.or", fast: { $0 | $1 }, big: or),
            binary("bits.xor", fast: { $0 ^ $1 }, big: xor),
            Builtin("bits.negate", arity: 1) { args, _ in
                .number(Number(-(try args.collectionsBigInt(0)) - 1))
            },
            Builtin("bits.lsh", arity: 2) { args, _ in
                let x = try args.collectionsBigInt(0)
                let shift = try args.collectionsUnsignedInt(1)
                if x.isZero { return .int(0) }
                guard shift <= maxResultBits - x.magnitude.bitWidth else { throw args.failure("shift amount too large") }
                return .number(Number(x << shift))
            },
            Builtin("bits.rsh", arity: 2) { args, _ in
                let x = try args.collectionsBigInt(0)
                let shift = try args.collectionsUnsignedInt(1)
                return .number(Number(shiftRight(x, by: shift)))
            },
        ]
    }

    private static func binary(_ name: String, fast: @escaping @Sendable (Int, Int) -> Int,
                               big: @escaping @Sendable (BigInt, BigInt) -> BigInt) -> Builtin {
        Builtin(name, arity: 2) { args, _ in
            let x = try args.collectionsBigInt(0)
            let y = try args.collectionsBigInt(1)
            if let a = Int(exactly: x), let b = Int(exactly: y) { return .int(fast(a, b)) }
            return .number(Number(big(x, y)))
        }
    }

    // Negative operands go through the identity x = ~n with n = -x - 1 >= 0,
    // so only bitwise operations on non-negative magnitudes are needed.

    private static func complement(_ x: BigInt) -> BigUInt { (-x - 1).magnitude }

    private static func negative(complementOf n: BigUInt) -> BigInt { -BigInt(n) - 1 }

    static func and(_ x: BigInt, _ y: BigInt) -> BigInt {
        switch (x.sign == .minus, y.sign == .minus) {
        case (false, false): return BigInt(x.magnitude & y.magnitude)
        case (false, true):
            // x & ~n: the bits of x that are not in n.
            let n = complement(y)
            return BigInt(x.magnitude - (x.magnitude & n))
        case (true, false): return and(y, x)
        case (true, true): return negative(complementOf: complement(x) | complement(y))
        }
    }

    static func or(_ x: BigInt, _ y: BigInt) -> BigInt {
        switch (x.sign == .minus, y.sign == .minus) {
        case (false, false): return BigInt(x.magnitude | y.magnitude)
        case (false, true):
            // x | ~n == ~(n & ~x): the bits of n that are not in x, complemented.
            let n = complement(y)
            return negative(complementOf: n - (n & x.magnitude))
        case (true, false): return or(y, x)
        case (true, true): return negative(complementOf: complement(x) & complement(y))
        }
    }

    static func xor(_ x: BigInt, _ y: BigInt) -> BigInt {
        switch (x.sign == .minus, y.sign == .minus) {
        case (false, false): return BigInt(x.magnitude ^ y.magnitude)
        case (false, true): return negative(complementOf: x.magnitude ^ complement(y))
        case (true, false): return negative(complementOf: complement(x) ^ y.magnitude)
        case (true, true): return BigInt(complement(x) ^ complement(y))
        }
    }

    /// Arithmetic shift: rounds toward negative infinity, as Go's `Rsh`.
    static func shiftRight(_ x: BigInt, by shift: Int) -> BigInt {
        if x.sign == .minus { return negative(complementOf: complement(x) >> shift) }
        return BigInt(x.magnitude >> shift)
    }
}
