/// Every builtin Palisade's Rego engine knows, by name. Each group lives in
/// its own folder under Builtins/ and exposes `all`.
public enum BuiltinRegistry {
    public static let standard: [String: Builtin] = {
        var table: [String: Builtin] = [:]
        for group in groups {
            for builtin in group { table[builtin.name] = builtin }
        }
        return table
    }()

    static var groups: [[Builtin]] {
        [
            StringBuiltins.all,
            CollectionBuiltins.all,
            EncodingBuiltins.all,
            CryptoBuiltins.all,
            PatternBuiltins.all,
            GraphQLBuiltins.all,
            HTTPBuiltins.all,
        ]
    }
}
