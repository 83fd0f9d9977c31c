import PalisadeCore

/// Builtins for encodings, serialization, time, versions, units and ids.
enum EncodingBuiltins {
    static var all: [Builtin] {
        EncodingBase64.builtins
            + EncodingURLQuery.builtins
            + EncodingJSON.builtins
            + EncodingYAML.builtins
            + EncodingJSONSchema.builtins
            + EncodingTime.builtins
            + EncodingSemver.builtins
            + EncodingUnits.builtins
            + EncodingUUID.builtins
    }
}
