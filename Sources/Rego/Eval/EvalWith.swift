import PalisadeCore

extension Evaluator {
    /// `expr with target as value …`: evaluates `expr` with input, data or
    /// functions replaced; the rest of the body runs without the replacement.
    func evalWith(_ expr: CExpr, _ frame: Frame, _ k: () throws -> Void) throws {
        var input = scope.input
        var overlays = scope.overlays
        var mocks = scope.mocks
        for modifier in expr.with {
            if case .function(let name) = modifier.target, let replacement = modifier.replacementFunction {
                mocks[name] = .function(replacement)
                continue
            }
            var value: Value?
            try evalTerm(modifier.value, frame) { v in if value == nil { value = v } }
            guard let value else { return }
            switch modifier.target {
            case .input(let parts):
                var keys: [Value] = []
                try evalTerms(parts, frame) { keys = $0 }
                guard keys.count == parts.count else { return }
                input = Self.setting(input ?? .emptyObject, keys: keys, to: value)
            case .data(let path):
                overlays.append(DataOverlay(path: path, value: value))
            case .function(let name):
                mocks[name] = .value(value)
            }
        }
        let outer = scope
        let inner = EvalScope(input: input, data: outer.data, overlays: overlays, mocks: mocks)
        scope = inner
        defer { scope = outer }
        try evalExprUnmodified(expr, frame) {
            scope = outer
            defer { scope = inner }
            try k()
        }
    }

    static func setting(_ value: Value, keys: [Value], to newValue: Value) -> Value {
        guard let first = keys.first else { return newValue }
        var dict: [Value: Value] = [:]
        if case .object(let d) = value { dict = d }
        let child = dict[first] ?? .emptyObject
        dict[first] = setting(child, keys: Array(keys.dropFirst()), to: newValue)
        return .object(dict)
    }
}
