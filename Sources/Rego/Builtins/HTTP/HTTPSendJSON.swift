import PalisadeCore

extension Dictionary where Key == PalisadeCore.Value, Value == PalisadeCore.Value {
    /// The field named `name` of a Rego object.
    subscript(httpField name: String) -> PalisadeCore.Value? { self[.string(name)] }
}

/// Body encoding and decoding as OPA does it with Go's `encoding/json` and
/// `sigs.k8s.io/yaml`.
enum HTTPSendJSON {
    /// `json.Marshal(ast.JSON(value))`: sorted keys, sets as arrays, `<>&` escaped.
    static func marshal(_ value: Value) -> String {
        JSONWriter.string(value, options: JSONWriter.Options(escapeHTML: true))
    }

    /// An object key as text: strings as themselves, other values as JSON.
    static func keyText(_ key: Value) -> String { JSONWriter.keyText(key) }

    /// The decoded body, or null when it is not valid JSON (OPA ignores the error).
    static func decodeJSON(_ bytes: [UInt8]) -> Value {
        (try? JSONReader.decode(bytes: bytes)) ?? .null
    }

    /// The first YAML document of the body, or null when it does not parse.
    static func decodeYAML(_ bytes: [UInt8]) -> Value {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let documents = try? YAMLReader.documents(text) else { return .null }
        return documents.first?.value ?? .null
    }
}
