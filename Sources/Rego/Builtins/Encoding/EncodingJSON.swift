import PalisadeCore

/// json.marshal, json.marshal_with_options, json.unmarshal, json.is_valid.
enum EncodingJSON {
    static var builtins: [Builtin] {
        [
            Builtin("json.marshal", arity: 1) { args, _ in
                .string(EncodingGoJSON().string(args[0]))
            },
            Builtin("json.marshal_with_options", arity: 2) { args, _ in
                .string(try marshalWithOptions(args[0], options: try args.object(1), args: args))
            },
            Builtin("json.unmarshal", arity: 1) { args, _ in
                try unmarshal(try args.string(0), args: args)
            },
            Builtin("json.is_valid", arity: 1) { args, _ in
                guard case .string(let s) = args[0] else { return .false }
                return .bool(isValid(s))
            },
        ]
    }

    static func marshalWithOptions(_ value: Value, options: [Value: Value], args: BuiltinArgs) throws -> String {
        var indent = "\t", prefix = ""
        var implicitPretty = false
        var explicitPretty: Bool?
        for key in options.keys.sorted() {
            guard case .string(let name) = key else {
                throw BuiltinError(.type, "\(args.name): operand 2 failed to stringify key \(key) at index 0")
            }
            let option = options[key] ?? .null
            switch name {
            case "prefix", "indent":
                guard case .string(let text) = option else {
                    throw BuiltinError(.type, "\(args.name): operand 2 key \(name) failed cast to string: operand must be string but got \(option.typeName)")
                }
                if name == "prefix" { prefix = text } else { indent = text }
                implicitPretty = true
            case "pretty":
                guard case .bool(let b) = option else {
                    throw BuiltinError(.type, "\(args.name): operand 2 key pretty failed cast to bool")
                }
                explicitPretty = b
            default:
                throw BuiltinError(.type, "\(args.name): operand 2 object contained unknown key \(name)")
            }
        }
        guard explicitPretty ?? implicitPretty else { return EncodingGoJSON().string(value) }
        // MarshalIndent does not prefix the first line; OPA adds it.
        return prefix + EncodingGoJSON(indent: indent, prefix: prefix).string(value)
    }

    static func unmarshal(_ text: String, args: BuiltinArgs) throws -> Value {
        guard !text.hasPrefix("\u{FEFF}") else { throw args.failure("invalid character 'ï' looking for beginning of value") }
        do {
            return try JSONReader.decode(text)
        } catch let error as InputError {
            throw args.failure(error.message)
        }
    }

    static func isValid(_ text: String) -> Bool {
        guard !text.hasPrefix("\u{FEFF}") else { return false }
        return (try? JSONReader.decode(text)) != nil
    }
}
