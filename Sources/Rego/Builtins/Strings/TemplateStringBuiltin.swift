import PalisadeCore

extension StringBuiltins {
    /// `internal.template_string(parts)`: renders a Rego template string
    /// such as `$"x is {x}"`.
    ///
    /// Calling convention (set by the evaluator): `parts` is one array whose
    /// elements are, in order,
    /// - plain strings: literal text, copied as is;
    /// - sets: the value of one `{expression}`. The empty set `{}` means the
    ///   expression was undefined and renders as `<undefined>`; a one-element
    ///   set `{v}` means the value `v`. Strings render unquoted, any other
    ///   value in Rego syntax (`[1, "a"]`, `{"k": 1}`, `set()`, `null`).
    ///   A set with several elements means several results, which OPA
    ///   rejects ("template-strings must not produce multiple outputs").
    /// Other values (numbers, booleans, null, arrays, objects) are rendered
    /// in Rego syntax too, as if they had arrived wrapped in a set.
    static var templateString: Builtin {
        Builtin("internal.template_string", arity: 1) { args, _ in
            var out = ""
            for part in try args.array(0) {
                out += try templatePart(part, args)
            }
            return .string(out)
        }
    }

    private static func templatePart(_ part: Value, _ args: BuiltinArgs) throws -> String {
        switch part {
        case .string(let literal):
            return literal
        case .set(let values):
            guard values.count <= 1 else { throw args.failure("template-strings must not produce multiple outputs") }
            guard let value = values.first else { return "<undefined>" }
            return templateText(value)
        default:
            return templateText(part)
        }
    }

    /// Strings as themselves, everything else in Rego syntax.
    static func templateText(_ value: Value) -> String {
        if case .string(let s) = value { return s }
        return RegoValueText.string(value)
    }
}
