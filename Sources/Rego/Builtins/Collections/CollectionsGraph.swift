import PalisadeCore

/// `graph.reachable` and `graph.reachable_paths` over a graph given as an
/// object from each node to an array or set of its neighbours.
enum CollectionsGraph {
    /// Bounds the path search, which can grow exponentially with the graph.
    static let maxSteps = 1_000_000

    static var builtins: [Builtin] {
        [
            Builtin("graph.reachable", arity: 2) { args, _ in
                let graph = try args.object(0)
                return .set(reachable(graph, from: try initialNodes(args)))
            },
            Builtin("graph.reachable_paths", arity: 2) { args, _ in
                let graph = try args.object(0)
                return .set(try paths(graph, from: try initialNodes(args), args))
            },
        ]
    }

    private static func initialNodes(_ args: BuiltinArgs) throws -> [Value] {
        guard let nodes = args[1].elements else { throw args.typeError(1, expected: "{array, set}") }
        return nodes
    }

    /// Neighbours of a node's edge list; anything but an array or set has none.
    private static func neighbours(_ edges: Value) -> [Value] { edges.elements ?? [] }

    /// Every node reachable from the initial ones, themselves included when
    /// they are in the graph (breadth first, as OPA does).
    static func reachable(_ graph: [Value: Value], from initial: [Value]) -> Set<Value> {
        var reached = Set<Value>()
        var queue = initial[...]
        while let node = queue.popFirst() {
            guard let edges = graph[node], !reached.contains(node) else { continue }
            reached.insert(node)
            queue.append(contentsOf: neighbours(edges).filter { !reached.contains($0) })
        }
        return reached
    }

    /// Paths from each initial node, explored depth first in edge order. As
    /// in OPA, each first step starts with only the initial node marked
    /// reached, and a node is marked once the search continues past it; a path
    /// ends at a node without edges, before a node outside the graph, or
    /// where the next node is already marked.
    static func paths(_ graph: [Value: Value], from initial: [Value], _ args: BuiltinArgs) throws -> Set<Value> {
        var search = PathSearch(graph: graph)
        for node in initial {
            guard let edges = graph[node] else { continue }
            let next = neighbours(edges)
            if next.isEmpty { search.result.insert(.array([node])) }
            for neighbour in next {
                try search.explore(from: neighbour, after: [node], reached: [node], args)
            }
        }
        return search.result
    }

    /// Depth-first search with an explicit stack, so long paths cannot
    /// exhaust the call stack; the frames on the stack spell the current path.
    private struct PathSearch {
        struct Frame {
            let node: Value
            let neighbours: [Value]
            var next = 0
        }

        let graph: [Value: Value]
        var result = Set<Value>()
        var steps = 0
        private var prefix: [Value] = []
        private var stack: [Frame] = []

        init(graph: [Value: Value]) { self.graph = graph }

        mutating func explore(from start: Value, after prefix: [Value], reached initial: Set<Value>, _ args: BuiltinArgs) throws {
            var reached = initial
            self.prefix = prefix
            stack = []
            visit(start)
            while let top = stack.last {
                steps += 1
                guard steps <= maxSteps else { throw args.failure("too many paths to enumerate") }
                guard top.next < top.neighbours.count else {
                    stack.removeLast()
                    continue
                }
                let neighbour = top.neighbours[top.next]
                stack[stack.count - 1].next += 1
                if reached.contains(neighbour) {
                    commit()
                } else {
                    reached.insert(top.node)
                    visit(neighbour)
                }
            }
        }

        /// Ends the path before a node outside the graph or at a node without
        /// edges; otherwise continues with the node's neighbours.
        private mutating func visit(_ node: Value) {
            guard let edges = graph[node] else {
                commit()
                return
            }
            let following = neighbours(edges)
            if following.isEmpty {
                commit(adding: node)
            } else {
                stack.append(Frame(node: node, neighbours: following))
            }
        }

        private mutating func commit(adding last: Value? = nil) {
            var path = prefix
            path.reserveCapacity(prefix.count + stack.count + 1)
            path.append(contentsOf: stack.map(\.node))
            if let last { path.append(last) }
            result.insert(.array(path))
        }
    }
}
