import PalisadeCore

/// Builtins that need the evaluator itself (iteration, output, metadata).
/// Arity -1 means any number of operands.
enum EvaluatorBuiltins {
    static let arities: [String: Int] = [
        "internal.member_2": 2,
        "internal.member_3": 3,
        "walk": 1,
        "print": -1,
        "internal.print": 1,
        "trace": 1,
        "opa.runtime": 0,
        "rego.metadata.rule": 0,
        "rego.metadata.chain": 0,
    ]
}

extension Evaluator {
    func evalCall(_ callee: Callee, _ args: [CTerm], _ frame: Frame, location: Location,
                  _ k: (Value) throws -> Void) throws {
        if case .builtin(let name) = callee, name == "print" || name == "internal.print" {
            try evalPrint(args, frame)
            try k(.bool(true))
            return
        }
        if let values = boundOperands(args, frame) {
            try invoke(callee, values, location: location, k)
            return
        }
        try evalTerms(args, frame) { values in
            try invoke(callee, values, location: location, k)
        }
    }

    /// The operands' values when each is a constant or a bound variable
    /// (most calls), without going through the enumerating evaluator.
    private func boundOperands(_ args: [CTerm], _ frame: Frame) -> [Value]? {
        var values: [Value] = []
        values.reserveCapacity(args.count)
        for arg in args {
            switch arg {
            case .value(let v): values.append(v)
            case .local(let slot):
                guard let v = frame.slots[slot] else { return nil }
                values.append(v)
            default: return nil
            }
        }
        return values
    }

    /// Calls a function with evaluated operands, honouring `with` mocks.
    func invoke(_ callee: Callee, _ values: [Value], location: Location, _ k: (Value) throws -> Void) throws {
        if case .resolved(let builtin) = callee, scope.mocks.isEmpty {
            try callResolved(builtin, values, location: location, k)
            return
        }
        let name: String
        switch callee {
        case .builtin(let n): name = n
        case .resolved(let b): name = b.name
        case .function(let p): name = "data." + p.joined(separator: ".")
        case .unknown(let n): throw RegoError(.evalType, "undefined function \(n)", at: location)
        }
        if let mock = scope.mocks[name] {
            switch mock {
            case .value(let v): try k(v)
            case .function(let replacement):
                // A replacement runs without the mocks in force where it was
                // called (a mocked name means the original; mocks never call
                // other mocks), but `with` inside it applies as usual.
                let outer = scope
                let inner = EvalScope(input: outer.input, data: outer.data, overlays: outer.overlays, mocks: [:])
                scope = inner
                defer { scope = outer }
                try invoke(replacement, values, location: location) { result in
                    scope = outer
                    defer { scope = inner }
                    try k(result)
                }
            }
            return
        }
        try invokeUnmocked(callee, values, location: location, k)
    }

    private func invokeUnmocked(_ callee: Callee, _ values: [Value], location: Location, _ k: (Value) throws -> Void) throws {
        switch callee {
        case .builtin(let name):
            try callBuiltin(name, values, location: location, k)
        case .resolved(let builtin):
            try callResolved(builtin, values, location: location, k)
        case .function(let path):
            if let result = try callFunction(path, values, location: location) { try k(result) }
        case .unknown(let n):
            throw RegoError(.evalType, "undefined function \(n)", at: location)
        }
    }

    func callBuiltin(_ name: String, _ values: [Value], location: Location, _ k: (Value) throws -> Void) throws {
        if EvaluatorBuiltins.arities[name] != nil {
            try callEvaluatorBuiltin(name, values, location: location, k)
            return
        }
        guard let builtin = policy.builtins[name] else {
            throw RegoError(.evalType, "undefined function \(name)", at: location)
        }
        try callResolved(builtin, values, location: location, k)
    }

    func callResolved(_ builtin: Builtin, _ values: [Value], location: Location, _ k: (Value) throws -> Void) throws {
        let name = builtin.name
        let result: Value?
        do {
            result = try builtin.body(BuiltinArgs(name: name, values: values), builtinContext)
        } catch let error as BuiltinError {
            switch error.code {
            case .conflict:
                throw RegoError(.evalConflict, error.message, at: location)
            case .type where strict:
                throw RegoError(.evalType, error.message, at: location)
            case .builtin where strict:
                throw RegoError(.evalBuiltin, error.message, at: location)
            default:
                return
            }
        } catch let error as RegoError {
            throw error
        }
        if let result { try k(result) }
    }

    private func callEvaluatorBuiltin(_ name: String, _ values: [Value], location: Location, _ k: (Value) throws -> Void) throws {
        switch name {
        case "internal.member_2":
            try k(.bool(Self.contains(values[1], values[0])))
        case "internal.member_3":
            try k(.bool(lookup(values[2], values[0]).map { $0 == values[1] && !Self.isSet(values[2]) } ?? false))
        case "walk":
            try walkValue(values[0], [], k)
        case "trace":
            try k(.bool(true))
        case "opa.runtime":
            try k(builtinContext.runtime)
        case "rego.metadata.rule":
            try k(ruleStack.last?.annotations.first ?? .emptyObject)
        case "rego.metadata.chain":
            try k(metadataChain())
        default:
            throw RegoError(.evalType, "undefined function \(name)", at: location)
        }
    }

    private static func isSet(_ v: Value) -> Bool {
        if case .set = v { return true }
        return false
    }

    /// `x in xs`: array elements, set members, object values.
    static func contains(_ collection: Value, _ x: Value) -> Bool {
        switch collection {
        case .array(let items): return items.contains(x)
        case .set(let items): return items.contains(x)
        case .object(let dict): return dict.values.contains(x)
        default: return false
        }
    }

    /// `walk(x, [path, value])`: every node of a document with its path, pre-order.
    private func walkValue(_ value: Value, _ path: [Value], _ k: (Value) throws -> Void) throws {
        try k(.array([.array(path), value]))
        switch value {
        case .array(let items):
            for (i, item) in items.enumerated() { try walkValue(item, path + [.int(i)], k) }
        case .object(let dict):
            for key in dict.keys.sorted() { try walkValue(dict[key]!, path + [key], k) }
        case .set(let items):
            for item in items.sorted() { try walkValue(item, path + [item], k) }
        default:
            break
        }
    }

    private func metadataChain() -> Value {
        guard let rule = ruleStack.last else { return .emptyArray }
        var chain: [Value] = []
        var entry: [String: Value] = ["path": .array((["data"] + rule.path).map { .string($0) })]
        if let annotations = rule.annotations.first { entry["annotations"] = annotations }
        chain.append(.object(fields: entry))
        let module = rule.module >= 0 && rule.module < policy.modules.count ? policy.modules[rule.module] : nil
        if let module {
            for annotation in module.annotations where annotation.ruleIndex == nil {
                chain.append(.object(fields: [
                    "path": .array((["data"] + module.package).map { .string($0) }),
                    "annotations": annotation.value,
                ]))
            }
        }
        return .array(chain)
    }

    /// `print(a, b, …)`: undefined operands print as `<undefined>`.
    private func evalPrint(_ args: [CTerm], _ frame: Frame) throws {
        var pieces: [String] = []
        for arg in args {
            var values: [Value] = []
            do {
                try evalTerm(arg, frame) { values.append($0) }
            } catch let error as RegoError where error.code == .evalType || error.code == .evalBuiltin {
                values = []
            }
            if values.isEmpty {
                pieces.append("<undefined>")
            } else {
                pieces.append(values.map(Self.printText).joined(separator: " "))
            }
        }
        printSink?(pieces.joined(separator: " "))
    }

    static func printText(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return RegoValueText.string(v)
    }
}
