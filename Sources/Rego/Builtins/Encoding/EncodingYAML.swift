import PalisadeCore

/// yaml.marshal, yaml.unmarshal, yaml.is_valid.
enum EncodingYAML {
    static var builtins: [Builtin] {
        [
            Builtin("yaml.marshal", arity: 1) { args, _ in
                .string(EncodingYAMLEmitter.document(args[0]))
            },
            Builtin("yaml.unmarshal", arity: 1) { args, _ in
                do {
                    return jsonCompatible(try firstDocument(try args.string(0)))
                } catch let error as InputError {
                    throw args.failure("error converting YAML to JSON: " + goMessage(error))
                }
            },
            Builtin("yaml.is_valid", arity: 1) { args, _ in
                guard case .string(let s) = args[0] else { return .false }
                return .bool((try? firstDocument(s)) != nil)
            },
        ]
    }

    /// `yaml: line N: problem`, the shape of go-yaml's messages.
    static func goMessage(_ error: InputError) -> String {
        var problem = error.message
        if problem.hasPrefix("invalid YAML: ") { problem.removeFirst("invalid YAML: ".count) }
        guard let line = error.location?.line else { return "yaml: " + problem }
        return "yaml: line \(line): " + problem
    }

    /// Go's yaml decoder reads only the first document of a stream.
    static func firstDocument(_ text: String) throws -> Value {
        try YAMLReader.documents(text).first?.value ?? .null
    }

    /// OPA converts YAML to JSON, so mapping keys become strings.
    static func jsonCompatible(_ value: Value) -> Value {
        switch value {
        case .array(let items): return .array(items.map(jsonCompatible))
        case .set(let items): return .array(items.sorted().map(jsonCompatible))
        case .object(let fields):
            var out: [Value: Value] = [:]
            for (k, v) in fields { out[.string(keyString(k))] = jsonCompatible(v) }
            return .object(out)
        default: return value
        }
    }

    private static func keyString(_ key: Value) -> String {
        switch key {
        case .string(let s): return s
        case .number(let n):
            if n.isInteger { return n.description }
            return EncodingGoFloat.formatG(n.doubleValue)
        default: return JSONWriter.string(key)
        }
    }
}
