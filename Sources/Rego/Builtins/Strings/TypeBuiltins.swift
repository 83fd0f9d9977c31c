import PalisadeCore

/// is_array, is_boolean, is_null, is_number, is_object, is_set, is_string
/// (false, never undefined, for other types) and type_name.
extension StringBuiltins {
    static var typeBuiltins: [Builtin] {
        ["array", "boolean", "null", "number", "object", "set", "string"].map { type in
            Builtin("is_\(type)", arity: 1) { args, _ in .bool(args[0].typeName == type) }
        } + [
            Builtin("type_name", arity: 1) { args, _ in .string(args[0].typeName) },
        ]
    }
}
