import PalisadeCore

/// `rand.intn(str, n)`: a random integer in `[0, |n|)`, the same for the same
/// `str` and `n` throughout one query evaluation.
enum CollectionsRandom {
    static var builtins: [Builtin] {
        [
            Builtin("rand.intn", arity: 2, nondeterministic: true) { args, context in
                let seed = try args.string(0)
                let n = try args.int(1)
                guard n != 0 else { return .int(0) }
                let bound = n == .min ? Int.max : Swift.abs(n)
                let value: Int = context.memoized("rand.intn:\(seed)-\(bound)") { Int.random(in: 0..<bound) }
                return .int(value)
            },
        ]
    }
}
