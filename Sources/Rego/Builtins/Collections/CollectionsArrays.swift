import PalisadeCore

/// Array functions: `array.concat`, `array.slice`, `array.reverse`, `array.flatten`.
enum CollectionsArrays {
    static var builtins: [Builtin] {
        [
            Builtin("array.concat", arity: 2) { args, _ in
                .array(try args.array(0) + args.array(1))
            },
            Builtin("array.slice", arity: 3) { args, _ in
                let array = try args.array(0)
                let requestedStart = try args.int(1)
                let requestedStop = try args.int(2)
                // Out-of-range indexes are clamped, never an error.
                let stop = min(max(requestedStop, 0), array.count)
                let start = min(max(requestedStart, 0), stop)
                return .array(Array(array[start..<stop]))
            },
            Builtin("array.reverse", arity: 1) { args, _ in
                .array(try args.array(0).reversed())
            },
            Builtin("array.flatten", arity: 1) { args, _ in
                // One level only: nested arrays inside the items stay as they are.
                .array(try args.array(0).flatMap { item -> [Value] in
                    if case .array(let inner) = item { return inner }
                    return [item]
                })
            },
        ]
    }
}
