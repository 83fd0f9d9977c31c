import PalisadeCore

/// The Kubernetes JSONPath template language (as `kubectl -o jsonpath` and
/// kube-bench's `path` tests use it), with missing keys allowed.
///
/// Supported: literal text, `{.a.b}`, `{.a-b}`, `{['a.b']}`, `{.a[0]}`,
/// `{.a[1:3]}`, `{.a[*]}`, `{.*}`, `{..a}`, `{@}`, `{}`, `{'text'}`,
/// `{range EXPR}…{end}`. Filters (`[?()]`) are rejected with an error.
/// Several results print separated by one space; strings print raw and other
/// values as Go's `fmt.Print` would.
public struct BenchJSONPath: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case path([Step])
        case range([Step], [Node])
    }

    enum Step: Sendable {
        case field(String)
        case wildcard
        case recursive
        case index(Int)
        case slice(Int?, Int?, Int?)
        case current
    }

    let nodes: [Node]
    /// Largest printed result; the rest is cut.
    static let maxOutput = 1 << 20

    /// Parses a template; throws for an unclosed `{`, a bad bracket or an unsupported filter.
    public init(_ template: String) throws {
        var parser = BenchJSONPathParser(template)
        nodes = try parser.parseTemplate()
    }

    /// Evaluates the template against `data` and prints the results.
    public func execute(_ data: Value) -> String {
        var out = ""
        Self.print(nodes, data, into: &out)
        return out
    }

    private static func print(_ nodes: [Node], _ data: Value, into out: inout String) {
        for node in nodes where out.utf8.count < maxOutput {
            switch node {
            case .text(let text): out += text
            case .path(let steps):
                out += evaluate(steps, from: [data]).map(goText).joined(separator: " ")
            case .range(let steps, let body):
                for item in evaluate(steps, from: [data]) where out.utf8.count < maxOutput {
                    print(body, item, into: &out)
                }
            }
        }
    }

    static func evaluate(_ steps: [Step], from start: [Value]) -> [Value] {
        var current = start
        for step in steps {
            current = current.flatMap { apply(step, to: $0) }
            if current.isEmpty { break }
        }
        return current
    }

    private static func apply(_ step: Step, to value: Value) -> [Value] {
        switch step {
        case .current: return [value]
        case .field(let name): return value[name].map { [$0] } ?? []
        case .wildcard: return children(of: value)
        case .recursive: return descendants(of: value)
        case .index(let i):
            guard case .array(let items) = value else { return [] }
            let at = i < 0 ? items.count + i : i
            return items.indices.contains(at) ? [items[at]] : []
        case .slice(let from, let to, let stride): return slice(value, from, to, stride)
        }
    }

    private static func children(of value: Value) -> [Value] {
        switch value {
        case .array(let items): return items
        case .object(let object): return value.sortedKeys.compactMap { object[$0] }
        default: return []
        }
    }

    /// The value itself and everything below it, depth first (bounded by the data's own size).
    private static func descendants(of value: Value) -> [Value] {
        var result: [Value] = []
        var pending = [value]
        while let next = pending.popLast(), result.count < 100_000 {
            result.append(next)
            pending.append(contentsOf: children(of: next).reversed())
        }
        return result
    }

    private static func slice(_ value: Value, _ from: Int?, _ to: Int?, _ stride: Int?) -> [Value] {
        guard case .array(let items) = value else { return [] }
        let count = items.count
        func clamp(_ i: Int) -> Int { max(0, min(count, i < 0 ? count + i : i)) }
        let start = clamp(from ?? 0)
        let end = clamp(to ?? count)
        let step = max(1, stride ?? 1)
        guard start < end else { return [] }
        return Swift.stride(from: start, to: end, by: step).map { items[$0] }
    }

    /// Go's `fmt.Print` text of a decoded JSON/YAML value.
    static func goText(_ value: Value) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .number(let n): return n.isInteger ? n.description : Number.format(n.doubleValue)
        case .array(let items): return "[" + items.map(goText).joined(separator: " ") + "]"
        case .set(let items): return "[" + items.sorted().map(goText).joined(separator: " ") + "]"
        case .object(let object):
            let pairs = value.sortedKeys.map { key in goText(key) + ":" + goText(object[key] ?? .null) }
            return "map[" + pairs.joined(separator: " ") + "]"
        }
    }
}
