import PalisadeCore

/// Set operators and functions: `&` (`and`), `|` (`or`), `intersection`,
/// `union`, and the deprecated `set_diff`. (`-` on sets lives in `minus`.)
enum CollectionsSets {
    static var builtins: [Builtin] {
        [
            Builtin("and", arity: 2) { args, _ in .set(try args.set(0).intersection(args.set(1))) },
            Builtin("or", arity: 2) { args, _ in .set(try args.set(0).union(args.set(1))) },
            Builtin("set_diff", arity: 2) { args, _ in .set(try args.set(0).subtracting(args.set(1))) },
            Builtin("intersection", arity: 1) { args, _ in
                let sets = try memberSets(args)
                guard var result = sets.first else { return .emptySet }
                for set in sets.dropFirst() { result.formIntersection(set) }
                return .set(result)
            },
            Builtin("union", arity: 1) { args, _ in
                var result = Set<Value>()
                for set in try memberSets(args) { result.formUnion(set) }
                return .set(result)
            },
        ]
    }

    /// The members of a set of sets; a member that is not a set is an operand error.
    private static func memberSets(_ args: BuiltinArgs) throws -> [Set<Value>] {
        try args.set(0).sorted().map { member in
            guard case .set(let set) = member else {
                throw BuiltinError(.type, "\(args.name): operand 1 must be set but got \(member.typeName)")
            }
            return set
        }
    }
}
