import PalisadeCore

/// OPA's builtins for strings, formatting, types and casts.
enum StringBuiltins {
    static var all: [Builtin] {
        stringSearchBuiltins
            + stringTransformBuiltins
            + stringTrimBuiltins
            + [formatInt, sprintf, renderTemplate, templateString]
            + typeBuiltins
            + castBuiltins
    }
}
