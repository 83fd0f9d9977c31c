import BigInt
import PalisadeCore

/// `numbers.range` and `numbers.range_step`: inclusive integer ranges,
/// ascending or descending, of integers of any size.
enum CollectionsRanges {
    /// Larger ranges are refused rather than exhausting memory (OPA would run
    /// until cancelled).
    static let maxCount = 1 << 22

    static var builtins: [Builtin] {
        [
            Builtin("numbers.range", arity: 2) { args, _ in
                try range(args, step: 1)
            },
            Builtin("numbers.range_step", arity: 3) { args, _ in
                let first = try args.collectionsBigInt(0)
                let last = try args.collectionsBigInt(1)
                let step = try args.collectionsBigInt(2)
                guard step.signum() > 0 else {
                    throw BuiltinError(.builtin, "numbers.range_step: step must be a positive integer")
                }
                return try range(from: first, to: last, step: step, args)
            },
        ]
    }

    private static func range(_ args: BuiltinArgs, step: BigInt) throws -> Value {
        try range(from: args.collectionsBigInt(0), to: args.collectionsBigInt(1), step: step, args)
    }

    private static func range(from first: BigInt, to last: BigInt, step: BigInt, _ args: BuiltinArgs) throws -> Value {
        let distance = (last - first).magnitude
        guard distance / step.magnitude < BigUInt(maxCount) else {
            throw args.failure("timed out before generating all numbers in range")
        }
        if let a = Int(exactly: first), let b = Int(exactly: last), let s = Int(exactly: step),
           a.magnitude < UInt(Int.max / 2), b.magnitude < UInt(Int.max / 2), s < Int.max / 2 {
            let values = a <= b ? Array(stride(from: a, through: b, by: s)) : Array(stride(from: a, through: b, by: -s))
            return .array(values.map { .int($0) })
        }
        var values: [Value] = []
        var current = first
        let ascending = first <= last
        while ascending ? current <= last : current >= last {
            values.append(.number(Number(current)))
            current = ascending ? current + step : current - step
        }
        return .array(values)
    }
}
