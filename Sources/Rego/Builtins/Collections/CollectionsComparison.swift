import PalisadeCore

/// The comparison operators `== != < <= > >=` (`equal`, `neq`, `lt`, `lte`,
/// `gt`, `gte`). Any two values compare, in Rego's total order:
/// null < booleans < numbers < strings < arrays < objects < sets.
enum CollectionsComparison {
    static var builtins: [Builtin] {
        [
            comparison("equal") { $0 == $1 },
            comparison("neq") { $0 != $1 },
            comparison("lt") { Value.compare($0, $1) < 0 },
            comparison("lte") { Value.compare($0, $1) <= 0 },
            comparison("gt") { Value.compare($0, $1) > 0 },
            comparison("gte") { Value.compare($0, $1) >= 0 },
        ]
    }

    private static func comparison(_ name: String, _ holds: @escaping @Sendable (Value, Value) -> Bool) -> Builtin {
        Builtin(name, arity: 2) { args, _ in .bool(holds(args[0], args[1])) }
    }
}
